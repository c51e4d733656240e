package org.tesseracrm.products.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the products module posts after commit. */
public final class ProductEvents {
    public static final String MODULE = "products";
    /** A product's stock changed; properties id, quantity (signed) and qtyInStock. */
    public static final String STOCK_CHANGED = RecordEvents.topic(MODULE, "STOCK_CHANGED");

    private ProductEvents() {
    }
}
