package org.tesseracrm.products.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The catalogue: products with unique codes, and their stock ledger. */
@ProviderType
public interface ProductService extends RecordService<Product> {

    /** A product's stock movements, newest first. */
    List<StockMovement> movements(String productId);

    /** Appends a manual adjustment; tracked stock never goes below zero (409, nothing written). */
    StockMovement adjust(String productId, StockAdjustment adjustment, String user);
}
