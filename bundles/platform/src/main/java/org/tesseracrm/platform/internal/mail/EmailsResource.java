package org.tesseracrm.platform.internal.mail;

import java.util.List;
import java.util.Set;

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
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.mail.Email;
import org.tesseracrm.platform.internal.records.Cursor;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/emails}: the outbox and each message's state. An administrator sees every message;
 * anyone else the ones they sent. A FAILED message can be sent again ({@code POST {id}/retry}).
 */
@Component(service = EmailsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("emails")
@Produces(MediaType.APPLICATION_JSON)
public class EmailsResource {
    private static final Set<String> STATES = Set.of(Email.QUEUED, Email.SENDING, Email.SENT, Email.FAILED, Email.SUPPRESSED);

    private final Outbox outbox;

    @Activate
    public EmailsResource(@Reference Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Page<Email> list(@QueryParam("state") String state, @QueryParam("collection") String collection,
            @QueryParam("recordId") String recordId, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        if (state != null && !STATES.contains(state)) {
            throw new InvalidRequestException("state must be one of " + STATES, List.of(new FieldError("state", "must be one of " + STATES)));
        }
        return outbox.list(administrator(security) ? null : me(security), state, collection, recordId, Cursor.limit(limit, 50, 200), cursor);
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}")
    public Email get(@PathParam("id") String id, @Context SecurityContext security) {
        return visible(id, security);
    }

    @POST
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}/retry")
    public Email retry(@PathParam("id") String id, @Context SecurityContext security) {
        visible(id, security);
        return outbox.retry(id);
    }

    private Email visible(String id, SecurityContext security) {
        Email e = outbox.get(id);
        if (!administrator(security) && !me(security).equals(e.sender)) {
            throw new RecordNotFoundException("emails", id);
        }
        return e;
    }

    private static boolean administrator(SecurityContext security) {
        return security.isUserInRole(ModuleAccess.ADMIN);
    }

    private static String me(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
