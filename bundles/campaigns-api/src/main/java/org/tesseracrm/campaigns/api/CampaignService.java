package org.tesseracrm.campaigns.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordService;

/** Campaigns, their members, offers and responses, and their results. */
@ProviderType
public interface CampaignService extends RecordService<Campaign> {

    /** Adds leads, contacts or accounts (checked against their module); a record already a member is not added again. */
    MembersAdded addMembers(String campaignId, MemberAddition addition, String user);

    /** The members, oldest first; {@code status} null for all. */
    List<CampaignMember> members(String campaignId, MemberStatus status);

    /**
     * A page of the members, oldest first ({@code status} null for all), after {@code cursor} (null: the
     * first page); members the caller may not see are left out.
     */
    Page<CampaignMember> members(String campaignId, MemberStatus status, int limit, String cursor);

    CampaignMember changeMemberStatus(String campaignId, String memberId, MemberStatus status, String user);

    /** Makes one offer, or one per contactable member; 422 when the campaign is COMPLETED or CANCELLED. */
    List<Offer> makeOffers(String campaignId, OfferRequest request, String user);

    List<Offer> offers(String campaignId);

    /** Marks a scheduled offer as sent now (once); the member becomes CONTACTED. */
    Offer markSent(String campaignId, String offerId, String user);

    OfferResponse recordResponse(String campaignId, String offerId, OfferResponse response, String user);

    CampaignResults results(String campaignId);
}
