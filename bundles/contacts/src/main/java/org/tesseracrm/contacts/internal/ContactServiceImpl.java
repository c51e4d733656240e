package org.tesseracrm.contacts.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.platform.rest.ModuleEndpoint;

/** Contacts on the platform's record machinery with {@link ContactRules}; references to accounts and managers are checked there. */
@Component(immediate = true, service = {ContactService.class, CollectionIndex.class}, property = ModuleEndpoint.STANDARD + "=true")
public class ContactServiceImpl extends JpaRecordService<Contact, ContactEntity> implements ContactService {

    @Activate
    public ContactServiceImpl(@Reference(target = "(tessera.module=contacts)") ModuleStorage storage) {
        super(storage, Contact.class, ContactEntity.class, new ContactRules());
    }
}
