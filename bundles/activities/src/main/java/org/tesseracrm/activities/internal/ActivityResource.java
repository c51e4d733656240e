package org.tesseracrm.activities.internal;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.api.Activity;
import org.tesseracrm.activities.api.ActivityService;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;

/** {@code /api/v1/activities}: the record endpoints (the calendar is the list with {@code from}/{@code to}), done and reopened. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource extends RecordResource<Activity> {
    private final ActivityService activities;

    @Activate
    public ActivityResource(@Reference ActivityService activities) {
        super(Activity.class, activities);
        this.activities = activities;
    }

    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/complete")
    public Response complete(@PathParam("id") String id, @Context SecurityContext security) {
        return withETag(Response.ok(), activities.complete(id, user(security)));
    }

    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/reopen")
    public Response reopen(@PathParam("id") String id, @Context SecurityContext security) {
        return withETag(Response.ok(), activities.reopen(id, user(security)));
    }
}
