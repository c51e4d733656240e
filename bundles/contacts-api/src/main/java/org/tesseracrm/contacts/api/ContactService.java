package org.tesseracrm.contacts.api;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordService;

/** The contacts of the CRM. */
@ProviderType
public interface ContactService extends RecordService<Contact> {
}
