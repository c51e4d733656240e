package org.tesseracrm.orders.api;

import org.tesseracrm.platform.api.Labeled;

/** CREATED → APPROVED → DELIVERED, or CANCELLED before delivery. */
public enum SalesOrderStatus implements Labeled {
    CREATED, APPROVED, DELIVERED, CANCELLED
}
