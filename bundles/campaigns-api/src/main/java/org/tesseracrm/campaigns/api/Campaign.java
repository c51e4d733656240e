package org.tesseracrm.campaigns.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.tesseracrm.platform.api.RecordDto;

/** A campaign: a wave of offers and marketing work with a purpose, usually to win leads and customers. */
public class Campaign extends RecordDto {
    public String name;
    public CampaignType type;
    /** PLANNING when not given. */
    public CampaignStatus status;
    public LocalDate startDate;
    public LocalDate endDate;
    /** ISO 4217 currency of the money fields; the default currency when not given. */
    public String currency;
    public BigDecimal budget;
    public BigDecimal actualCost;
    public BigDecimal expectedRevenue;
    /** Percent of the audience expected to respond. */
    public BigDecimal expectedResponse;
    public String targetAudience;
    public String sponsor;
    public String productId;
    public String assignedTo;
    public String description;
}
