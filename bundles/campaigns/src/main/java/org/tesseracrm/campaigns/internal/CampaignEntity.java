package org.tesseracrm.campaigns.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.campaigns.api.CampaignStatus;
import org.tesseracrm.campaigns.api.CampaignType;
import org.tesseracrm.platform.persistence.RecordEntity;

/** A row of {@code campaigns_campaign}; field names are the wire names. */
@Entity(name = "Campaign")
@Table(name = "campaigns_campaign")
class CampaignEntity extends RecordEntity {
    String name;
    @Enumerated(EnumType.STRING)
    CampaignType type;
    @Enumerated(EnumType.STRING)
    CampaignStatus status;
    LocalDate startDate;
    LocalDate endDate;
    String currency;
    BigDecimal budget;
    BigDecimal actualCost;
    BigDecimal expectedRevenue;
    BigDecimal expectedResponse;
    String targetAudience;
    String sponsor;
    String productId;
    String assignedTo;
    String description;
}
