package org.tesseracrm.platform.internal.notify;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Notification;
import org.tesseracrm.platform.internal.records.Cursor;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/notifications}: the caller's own notifications, unread first, with how many are
 * unread; mark one read, or all.
 */
@Component(service = NotificationsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
    private final Notifications notifications;

    @Activate
    public NotificationsResource(@Reference Notifications notifications) {
        this.notifications = notifications;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Notifications.Inbox list(@QueryParam("unread") String unread, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        if (unread != null && !unread.equals("true") && !unread.equals("false")) {
            throw new InvalidRequestException("unread must be true or false", java.util.List.of(new FieldError("unread", "must be true or false")));
        }
        return notifications.inbox(me(security), "true".equals(unread), Cursor.limit(limit, 20, 100), cursor);
    }

    @POST
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}/read")
    public Notification read(@PathParam("id") String id, @Context SecurityContext security) {
        return notifications.markRead(me(security), id);
    }

    @POST
    @Access(Access.Level.SIGNED_IN)
    @Path("read-all")
    public Map<String, Integer> readAll(@Context SecurityContext security) {
        return Map.of("marked", notifications.markAllRead(me(security)));
    }

    private static String me(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
