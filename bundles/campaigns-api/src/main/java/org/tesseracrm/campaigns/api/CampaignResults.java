package org.tesseracrm.campaigns.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What a campaign achieved. Figures owned by a module that is not installed are null, not zero:
 * leads from the leads module, potentials and won amount from the potentials module.
 */
public class CampaignResults {
    public String campaignId;
    public String currency;
    public Map<MemberStatus, Long> membersByStatus;
    public long members;
    public Map<OfferChannel, Long> offersByChannel;
    public long offers;
    public long responses;
    /** The EMAIL offers' e-mails by {@link Offer#delivery delivery} state. */
    public Map<String, Long> emailsByDelivery;
    /** Leads with this campaignId, converted or not. */
    public Long leads;
    public Long convertedLeads;
    /** Potentials with this campaignId. */
    public Long potentials;
    public Long wonPotentials;
    /** Sum of the won potentials' amounts in the campaign's currency. */
    public BigDecimal wonAmount;
    public BigDecimal actualCost;
    /** (wonAmount − actualCost) / actualCost; null without a won amount or a cost. */
    public BigDecimal roi;
}
