package org.tesseracrm.quotes.api;

import java.time.LocalDate;

import org.tesseracrm.commerce.api.SalesDocument;

/** A quote (Báo giá): prices, quantities and terms offered for a potential. */
public class Quote extends SalesDocument {
    public String potentialId;
    /** Required; taken from the potential when omitted. */
    public String accountId;
    public String contactId;
    public LocalDate validUntil;
    public QuoteStage stage;
}
