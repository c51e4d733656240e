package org.tesseracrm.campaigns.internal;

import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.Campaign;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.CampaignService;
import org.tesseracrm.campaigns.api.MemberAddition;
import org.tesseracrm.campaigns.api.MemberStatus;
import org.tesseracrm.campaigns.api.MembersAdded;
import org.tesseracrm.campaigns.api.Offer;
import org.tesseracrm.campaigns.api.OfferRequest;
import org.tesseracrm.campaigns.api.OfferResponse;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.persistence.ChildRows;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.Access;

/** {@code /api/v1/campaigns}: the record endpoints, members, offers (Chào hàng), responses and results. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource extends RecordResource<Campaign> {
    private static final Set<String> RESPONSE_SERVER_FIELDS = Set.of("id", "offerId", "memberId", "recordedBy");

    private final CampaignService campaigns;

    @Activate
    public CampaignResource(@Reference CampaignService campaigns) {
        super(Campaign.class, campaigns);
        this.campaigns = campaigns;
    }

    /** Adds {@code {"type": "LEAD", "ids": [...]}}: 201 when any record is new to the campaign, else 200. */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMembers(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        MembersAdded added = campaigns.addMembers(id, JsonInput.read(body, MemberAddition.class, Set.of()), user(security));
        return Response.status(added.added > 0 ? Response.Status.CREATED : Response.Status.OK).entity(added).build();
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/members")
    public Page<CampaignMember> members(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return campaigns.members(id, status == null || status.isBlank() ? null : memberStatus(status),
                ChildRows.limit(limit, 200, 1000), cursor);
    }

    /** Changes a member's status: {@code {"status": "NOT_INTERESTED"}}. */
    @PATCH
    @Access(Access.Level.WRITE)
    @Path("{id}/members/{memberId}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public CampaignMember changeMember(@PathParam("id") String id, @PathParam("memberId") String memberId, JsonNode body,
            @Context SecurityContext security) {
        MemberChange change = JsonInput.read(body, MemberChange.class, Set.of());
        return campaigns.changeMemberStatus(id, memberId, change.status, user(security));
    }

    /** The body of a member change. */
    public static class MemberChange {
        public MemberStatus status;
    }

    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/offers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response makeOffers(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        List<Offer> offers = campaigns.makeOffers(id, JsonInput.read(body, OfferRequest.class, Set.of()), user(security));
        return Response.status(Response.Status.CREATED).entity(new Items<>(offers)).build();
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/offers")
    public Items<Offer> offers(@PathParam("id") String id) {
        return new Items<>(campaigns.offers(id));
    }

    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/offers/{offerId}/send")
    public Offer markSent(@PathParam("id") String id, @PathParam("offerId") String offerId,
            @Context SecurityContext security) {
        return campaigns.markSent(id, offerId, user(security));
    }

    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/offers/{offerId}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordResponse(@PathParam("id") String id, @PathParam("offerId") String offerId, JsonNode body,
            @Context SecurityContext security) {
        OfferResponse response = JsonInput.read(body, OfferResponse.class, RESPONSE_SERVER_FIELDS);
        return Response.status(Response.Status.CREATED)
                .entity(campaigns.recordResponse(id, offerId, response, user(security))).build();
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}/results")
    public CampaignResults results(@PathParam("id") String id) {
        return campaigns.results(id);
    }

    private static MemberStatus memberStatus(String value) {
        try {
            return MemberStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status is not a member status",
                    List.of(new FieldError("status", "must be one of " + List.of(MemberStatus.values()))));
        }
    }
}
