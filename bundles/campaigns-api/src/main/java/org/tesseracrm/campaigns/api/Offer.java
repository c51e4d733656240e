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
    /**
     * An EMAIL offer's e-mail: QUEUED, SENDING, SENT, FAILED or SUPPRESSED (the member unsubscribed),
     * or NOT_SENT when the member has no usable e-mail address; null for other channels.
     */
    public String delivery;
    /** The mail server's answer when the e-mail failed. */
    public String deliveryError;
}
