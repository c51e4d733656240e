package org.tesseracrm.products.api;

import java.math.BigDecimal;

/**
 * A manual stock correction: a signed quantity and why. {@code reason} is free text (a stock
 * count, breakage…) or {@code ADJUSTMENT}; {@code note} adds detail.
 */
public class StockAdjustment {
    public BigDecimal quantity;
    public String reason;
    public String note;
}
