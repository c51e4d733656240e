package org.tesseracrm.campaigns.api;

import java.time.Instant;

/** A member's answer to an offer; recording one moves the member to RESPONDED. */
public class OfferResponse {
    public String id;
    public String offerId;
    public String memberId;
    /** When the member answered; now when not given. */
    public Instant at;
    public String note;
    public String recordedBy;
}
