package org.tesseracrm.campaigns.internal;

import java.time.Instant;

import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import org.tesseracrm.campaigns.api.Offer;
import org.tesseracrm.campaigns.api.OfferChannel;
import org.tesseracrm.platform.persistence.InstantConverter;

/** A row of {@code campaigns_offer}: one outreach to one member. */
@Entity(name = "CampaignOffer")
@Table(name = "campaigns_offer")
class OfferEntity {
    @Id
    String id;
    String campaignId;
    String memberId;
    @Enumerated(EnumType.STRING)
    OfferChannel channel;
    String subject;
    String content;
    @Convert(converter = InstantConverter.class)
    Instant scheduledAt;
    @Convert(converter = InstantConverter.class)
    Instant sentAt;
    int responses;
    @Convert(converter = InstantConverter.class)
    Instant createdAt;
    String createdBy;

    Offer toDto() {
        Offer o = new Offer();
        o.id = id;
        o.campaignId = campaignId;
        o.memberId = memberId;
        o.channel = channel;
        o.subject = subject;
        o.content = content;
        o.scheduledAt = scheduledAt;
        o.sentAt = sentAt;
        o.responses = responses;
        o.createdAt = createdAt;
        o.createdBy = createdBy;
        return o;
    }
}
