package org.tesseracrm.campaigns.api;

import java.time.Instant;

/** One outreach to one member through a channel. */
public class Offer {
    public String id;
    public String campaignId;
    public String memberId;
    public OfferChannel channel;
    public String subject;
    public String content;
    public Instant scheduledAt;
    /** When it went out: at creation unless scheduled for later, else when marked sent. */
    public Instant sentAt;
    public int responses;
    public Instant createdAt;
    public String createdBy;
}
