package org.tesseracrm.orders.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The purchase orders of the CRM; receiving one moves stock through the products module. */
@ProviderType
public interface PurchaseOrderService extends RecordService<PurchaseOrder> {
}
