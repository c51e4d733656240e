package org.tesseracrm.products.api;

import org.tesseracrm.platform.api.Labeled;

/** Why stock moved. */
public enum StockReason implements Labeled {
    PURCHASE_RECEIPT,
    INVOICE,
    CANCELLATION,
    ADJUSTMENT
}
