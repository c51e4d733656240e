package org.tesseracrm.vendors.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The vendors of the CRM. */
@ProviderType
public interface VendorService extends RecordService<Vendor> {
}
