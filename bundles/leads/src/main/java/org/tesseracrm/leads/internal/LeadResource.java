package org.tesseracrm.leads.internal;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.leads.api.Assignment;
import org.tesseracrm.leads.api.Conversion;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.leads.api.LeadService;
import org.tesseracrm.leads.api.Touch;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.persistence.ChildRows;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.Access;

/** {@code /api/v1/leads}: the record endpoints plus bulk assignment and nurturing touches. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource extends RecordResource<Lead> {
    private static final Set<String> TOUCH_SERVER_FIELDS = Set.of("id", "leadId", "by", "activityId");

    private final LeadService leads;

    @Activate
    public LeadResource(@Reference LeadService leads) {
        super(Lead.class, leads);
        this.leads = leads;
    }

    /** Round-robin assignment of many leads: {@code {"leadIds": [...], "assignees": [...]}}. */
    @POST
    @Access(Access.Level.WRITE)
    @Path("assign")
    @Consumes(MediaType.APPLICATION_JSON)
    public Items<Lead> assign(JsonNode body, @Context SecurityContext security) {
        Assignment assignment = JsonInput.read(body, Assignment.class, Set.of());
        return new Items<>(leads.assign(assignment, user(security)));
    }

    /** Converts the lead: {@code {"account": {...}, "contact": {...}, "potential": {...}}}. */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConversionResult convert(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Conversion request = JsonInput.read(body, Conversion.class, Set.of());
        // Writing leads is checked for every request; what the conversion creates or links needs its own roles.
        LeadConversion plan = new LeadConversion(request);
        for (String collection : plan.collectionsWritten()) {
            ModuleAccess.requireWrite(security, collection);
        }
        if (plan.existingAccount) {
            ModuleAccess.requireRead(security, "accounts");
        }
        return leads.convert(id, request, user(security));
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/touches")
    public Page<Touch> touches(@PathParam("id") String id, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return leads.touches(id, ChildRows.limit(limit, 100, 500), cursor);
    }

    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/touches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addTouch(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        Touch touch = leads.addTouch(id, JsonInput.read(body, Touch.class, TOUCH_SERVER_FIELDS), user(security));
        return Response.status(Response.Status.CREATED).entity(touch).build();
    }
}
