package org.tesseracrm.contacts.internal;

import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.RecordResource;

/** {@code /api/v1/contacts}: the record endpoints. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource extends RecordResource<Contact> {
    private final ContactService contacts;

    @Activate
    public ContactResource(@Reference ContactService contacts,
            @Reference(target = "(tessera.module=contacts)") ModuleDescriptor module) {
        super(Contact.class, module);
        this.contacts = contacts;
    }

    @Override
    protected RecordService<Contact> service() {
        return contacts;
    }
}
