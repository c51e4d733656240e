package org.tesseracrm.orders.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the orders module posts after commit; each order kind is a module of its own name. */
public final class OrderEvents {
    public static final String SALES_ORDERS = "sales-orders";
    public static final String PURCHASE_ORDERS = "purchase-orders";
    public static final String SALES_ORDER_STATUS_CHANGED = RecordEvents.topic(SALES_ORDERS, "STATUS_CHANGED");
    public static final String PURCHASE_ORDER_STATUS_CHANGED = RecordEvents.topic(PURCHASE_ORDERS, "STATUS_CHANGED");

    private OrderEvents() {
    }
}
