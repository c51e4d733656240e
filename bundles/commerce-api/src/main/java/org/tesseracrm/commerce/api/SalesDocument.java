package org.tesseracrm.commerce.api;

import org.osgi.annotation.versioning.ConsumerType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.RecordDto;

/** What quotes, sales orders, purchase orders and invoices share: lines, discounts, shipping, tax and totals. */
@ConsumerType
public abstract class SalesDocument extends RecordDto {
    public String subject;
    /** ISO 4217; the default currency when not given. */
    public String currency;
    public List<LineItem> lineItems;
    /** Percent off the subtotal; or {@link #discountAmount}, not both. */
    public BigDecimal discountPercent;
    public BigDecimal discountAmount;
    public BigDecimal shippingAmount;
    /** Percent tax on shipping. */
    public BigDecimal shippingTaxRate;
    /** Added to (or, when negative, taken from) the grand total, e.g. rounding agreed with the customer. */
    public BigDecimal adjustment;
    /** PER_LINE when not given. */
    public TaxMode taxMode;
    /** Computed by the server; a client cannot set them. */
    public Totals totals;
    public Address billingAddress;
    public Address shippingAddress;
    public String terms;
    public String assignedTo;
    public String description;

    /**
     * Copies what a document converted from this one carries over: subject, currency, lines (with
     * their prices and tax rates as they are), discounts, shipping, adjustment, tax mode, addresses,
     * terms, owner and description; so the new document's totals are this one's.
     */
    public void copyTo(SalesDocument target) {
        target.subject = subject;
        target.currency = currency;
        target.lineItems = new ArrayList<>();
        if (lineItems != null) {
            for (LineItem l : lineItems) {
                target.lineItems.add(l.copy());
            }
        }
        target.discountPercent = discountPercent;
        target.discountAmount = discountAmount;
        target.shippingAmount = shippingAmount;
        target.shippingTaxRate = shippingTaxRate;
        target.adjustment = adjustment;
        target.taxMode = taxMode;
        target.billingAddress = billingAddress;
        target.shippingAddress = shippingAddress;
        target.terms = terms;
        target.assignedTo = assignedTo;
        target.description = description;
    }
}
