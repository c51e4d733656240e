package org.tesseracrm.campaigns.api;

import java.time.Instant;

/** A lead, contact or account a campaign targets. */
public class CampaignMember {
    public String id;
    public String campaignId;
    public MemberType type;
    /** The id of the lead, contact or account. */
    public String recordId;
    /** The record's number and name when it was added, e.g. LEA-000012, "Nguyễn Văn An". */
    public String number;
    public String name;
    public MemberStatus status;
    public Instant addedAt;
    public String addedBy;
    public Instant updatedAt;
    public String updatedBy;
}
