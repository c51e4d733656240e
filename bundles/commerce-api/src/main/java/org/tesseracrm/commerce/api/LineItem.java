package org.tesseracrm.commerce.api;

import java.math.BigDecimal;

/** One line of a sales document. */
public class LineItem {
    /** The catalogue product; null for a free-text line (then {@link #name} and {@link #unitPrice} are required). */
    public String productId;
    /** Snapshot of the product's name when the line was made; may be edited. */
    public String name;
    public String description;
    /** Greater than zero, at most 3 decimals. */
    public BigDecimal quantity;
    /** In the document's currency; defaults to the product's price. */
    public BigDecimal unitPrice;
    /** Percent off this line; or {@link #discountAmount}, not both. */
    public BigDecimal discountPercent;
    public BigDecimal discountAmount;
    /** Percent; defaults to the product's tax rate. */
    public BigDecimal taxRate;
    /** quantity × unitPrice − line discount, in the currency's minor units; computed by the server. */
    public BigDecimal lineTotal;

    /** A copy of the line as the client would write it (without the computed total). */
    public LineItem copy() {
        LineItem l = new LineItem();
        l.productId = productId;
        l.name = name;
        l.description = description;
        l.quantity = quantity;
        l.unitPrice = unitPrice;
        l.discountPercent = discountPercent;
        l.discountAmount = discountAmount;
        l.taxRate = taxRate;
        return l;
    }
}
