package org.tesseracrm.orders.api;

import org.tesseracrm.platform.api.Labeled;

/**
 * CREATED → APPROVED → RECEIVED, or CANCELLED. Receiving adds the lines' quantities to stock once;
 * cancelling a received order takes them back out.
 */
public enum PurchaseOrderStatus implements Labeled {
    CREATED, APPROVED, RECEIVED, CANCELLED
}
