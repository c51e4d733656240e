package org.tesseracrm.contacts.internal;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.contacts.api.ContactEvents;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.rest.ModuleEndpoint;

/** Contacts on the platform's record machinery; references to accounts and managers are checked there. */
@Component(immediate = true, service = {ContactService.class, CollectionIndex.class}, property = {CollectionIndex.PROPERTY + "=contacts", ModuleEndpoint.STANDARD + "=true"})
public class ContactServiceImpl extends JpaRecordService<Contact, ContactEntity> implements ContactService {

    @Activate
    public ContactServiceImpl(@Reference(target = "(osgi.unit.name=tessera-contacts)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=contacts)") ModuleDescriptor module,
            @Reference(target = "(" + ModuleSchema.PROPERTY + "=contacts)") ModuleSchema schema, @Reference RecordContext context) {
        super(module, Contact.class, ContactEntity.class, jpa, context);
    }

    @Override
    protected String labelOf(ContactEntity contact) {
        return contact.firstName == null ? contact.lastName : contact.firstName + " " + contact.lastName;
    }

    @Override
    protected void beforeCreate(EntityManager em, ContactEntity contact, String user) {
        settle(contact);
    }

    @Override
    protected void beforeUpdate(EntityManager em, ContactEntity contact, Contact before, String user) {
        settle(contact);
    }

    private static void settle(ContactEntity contact) {
        if (contact.doNotCall == null) {
            contact.doNotCall = false;
        }
        if (contact.emailOptOut == null) {
            contact.emailOptOut = false;
        }
    }
}
