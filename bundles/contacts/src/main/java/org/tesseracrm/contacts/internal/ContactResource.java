package org.tesseracrm.contacts.internal;

import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/** {@code /api/v1/contacts}: the record endpoints. */
@Component(service = ContactResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("contacts")
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
