package org.tesseracrm.commerce.api;

import java.math.BigDecimal;

/**
 * The computed totals of a sales document, in its currency's minor units:
 * {@code grandTotal = subtotal − discount + tax + shipping + adjustment}.
 */
public class Totals {
    /** Sum of the line totals (after line discounts). */
    public BigDecimal subtotal;
    /** The document discount. */
    public BigDecimal discount;
    /** Tax on the lines (after discounts) and on shipping. */
    public BigDecimal tax;
    public BigDecimal shipping;
    public BigDecimal adjustment;
    public BigDecimal grandTotal;
}
