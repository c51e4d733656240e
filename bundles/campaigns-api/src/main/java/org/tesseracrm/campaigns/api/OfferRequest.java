package org.tesseracrm.campaigns.api;

import java.time.Instant;

/** Offers to make: to one {@link #memberId}, or with {@link #allMembers} to every member who may be contacted. */
public class OfferRequest {
    public OfferChannel channel;
    public String subject;
    public String content;
    /** Later than now: the offer waits until marked sent; otherwise it counts as sent now. */
    public Instant scheduledAt;
    public String memberId;
    public Boolean allMembers;
}
