package org.tesseracrm.quotes.api;

import org.tesseracrm.platform.api.Labeled;

/** DRAFT → DELIVERED → REVIEWED → ACCEPTED or REJECTED; only an ACCEPTED quote becomes an order or invoice. */
public enum QuoteStage implements Labeled {
    DRAFT, DELIVERED, REVIEWED, ACCEPTED, REJECTED
}
