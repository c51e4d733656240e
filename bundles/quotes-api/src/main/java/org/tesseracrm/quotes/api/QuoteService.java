package org.tesseracrm.quotes.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The quotes of the CRM. */
@ProviderType
public interface QuoteService extends RecordService<Quote> {
}
