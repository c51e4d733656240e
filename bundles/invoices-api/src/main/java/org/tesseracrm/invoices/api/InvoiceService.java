package org.tesseracrm.invoices.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The invoices of the CRM. */
@ProviderType
public interface InvoiceService extends RecordService<Invoice> {
}
