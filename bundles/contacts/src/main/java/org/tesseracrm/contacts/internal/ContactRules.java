package org.tesseracrm.contacts.internal;

import javax.persistence.EntityManager;

import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.platform.persistence.RecordRules;

/** A contact is named by first and last name; its yes/no preferences are never left unknown. */
final class ContactRules implements RecordRules<Contact, ContactEntity> {

    @Override
    public String label(ContactEntity contact) {
        return contact.firstName == null ? contact.lastName : contact.firstName + " " + contact.lastName;
    }

    @Override
    public void beforeCreate(EntityManager em, ContactEntity contact, Contact record, String user) {
        settle(contact);
    }

    @Override
    public void beforeUpdate(EntityManager em, ContactEntity contact, Contact before, Contact record, String user) {
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
