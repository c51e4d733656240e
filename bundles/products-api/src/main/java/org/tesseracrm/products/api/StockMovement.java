package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a product's append-only stock ledger. */
public class StockMovement {
    public String id;
    public String productId;
    /** Positive into stock, negative out of it. */
    public BigDecimal quantity;
    public StockReason reason;
    /** The product's stock right after this movement. */
    public BigDecimal balance;
    /** The kind of document that moved the stock (e.g. purchase-orders), null for manual adjustments. */
    public String documentType;
    public String documentId;
    public String note;
    public Instant at;
    public String by;
}
