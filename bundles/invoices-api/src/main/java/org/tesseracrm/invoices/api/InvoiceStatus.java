package org.tesseracrm.invoices.api;

import org.tesseracrm.platform.api.Labeled;

/**
 * CREATED → APPROVED → SENT → PAID, or CANCELLED before it is paid. Stock leaves once when the
 * invoice is approved; cancelling an approved invoice puts it back.
 */
public enum InvoiceStatus implements Labeled {
    CREATED, APPROVED, SENT, PAID, CANCELLED
}
