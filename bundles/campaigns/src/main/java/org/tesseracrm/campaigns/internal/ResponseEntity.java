package org.tesseracrm.campaigns.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.tesseracrm.campaigns.api.OfferResponse;
import org.tesseracrm.platform.persistence.InstantConverter;

/** A row of {@code campaigns_response}: a member's answer to an offer. */
@Entity(name = "CampaignResponse")
@Table(name = "campaigns_response")
class ResponseEntity {
    @Id
    String id;
    String campaignId;
    String offerId;
    String memberId;
    @Convert(converter = InstantConverter.class)
    @Column(name = "respondedAt")
    Instant at;
    String note;
    String recordedBy;

    OfferResponse toDto() {
        OfferResponse r = new OfferResponse();
        r.id = id;
        r.offerId = offerId;
        r.memberId = memberId;
        r.at = at;
        r.note = note;
        r.recordedBy = recordedBy;
        return r;
    }
}
