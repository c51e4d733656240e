package org.tesseracrm.products.api;

import java.math.BigDecimal;

/** A product and a signed quantity a document moves. */
public class StockLine {
    public String productId;
    public BigDecimal quantity;

    public StockLine() {
    }

    public StockLine(String productId, BigDecimal quantity) {
        this.productId = productId;
        this.quantity = quantity;
    }
}
