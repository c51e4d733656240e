package org.tesseracrm.campaigns.internal;

import java.time.Instant;

import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.MemberStatus;
import org.tesseracrm.campaigns.api.MemberType;
import org.tesseracrm.platform.persistence.InstantConverter;

/** A row of {@code campaigns_member}: one record a campaign targets, once. */
@Entity(name = "CampaignMember")
@Table(name = "campaigns_member")
class MemberEntity {
    @Id
    String id;
    String campaignId;
    @Enumerated(EnumType.STRING)
    MemberType memberType;
    String recordId;
    String number;
    String name;
    @Enumerated(EnumType.STRING)
    MemberStatus status;
    @Convert(converter = InstantConverter.class)
    Instant addedAt;
    String addedBy;
    @Convert(converter = InstantConverter.class)
    Instant updatedAt;
    String updatedBy;
    @Version
    long version;

    CampaignMember toDto() {
        CampaignMember m = new CampaignMember();
        m.id = id;
        m.campaignId = campaignId;
        m.type = memberType;
        m.recordId = recordId;
        m.number = number;
        m.name = name;
        m.status = status;
        m.addedAt = addedAt;
        m.addedBy = addedBy;
        m.updatedAt = updatedAt;
        m.updatedBy = updatedBy;
        return m;
    }
}
