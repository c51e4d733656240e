package org.tesseracrm.campaigns.api;

import org.tesseracrm.platform.api.Labeled;

/** How an offer (Chào hàng) reaches the customer. */
public enum OfferChannel implements Labeled {
    EMAIL, PHONE_CALL, SEMINAR, MEETING, POSTAL_MAIL, SOCIAL
}
