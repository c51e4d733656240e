package org.tesseracrm.orders.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The sales orders of the CRM. */
@ProviderType
public interface SalesOrderService extends RecordService<SalesOrder> {
}
