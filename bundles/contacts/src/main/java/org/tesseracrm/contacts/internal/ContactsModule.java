package org.tesseracrm.contacts.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.contacts.api.ContactEvents;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the contacts module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + ContactEvents.MODULE)
public class ContactsModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = List.of(
            field("salutation", FieldType.STRING).build(),
            field("firstName", FieldType.STRING).sortable().searchable().build(),
            field("lastName", FieldType.STRING).required().sortable().searchable().build(),
            reference("accountId", "accounts").filterable().build(),
            field("title", FieldType.STRING).searchable().build(),
            field("department", FieldType.STRING).filterable().build(),
            field("email", FieldType.EMAIL).filterable().searchable().build(),
            field("secondaryEmail", FieldType.EMAIL).searchable().build(),
            field("phone", FieldType.PHONE).searchable().build(),
            field("mobile", FieldType.PHONE).searchable().build(),
            field("birthday", FieldType.DATE).filterable().sortable().build(),
            enumField("source", LeadSource.class).filterable().build(),
            reference("reportsToId", "contacts").filterable().build(),
            field("doNotCall", FieldType.BOOLEAN).filterable().build(),
            field("emailOptOut", FieldType.BOOLEAN).filterable().build(),
            field("mailingAddress", FieldType.ADDRESS).searchable().build(),
            field("assignedTo", FieldType.USER).filterable().sortable().build(),
            field("description", FieldType.TEXT).build());

    @Override
    public String name() {
        return ContactEvents.MODULE;
    }

    @Override
    public String collection() {
        return "contacts";
    }

    @Override
    public String labelEn() {
        return "Contacts";
    }

    @Override
    public String labelVi() {
        return "Người liên hệ";
    }

    @Override
    public String numberPrefix() {
        return "CON";
    }

    @Override
    public int navigationOrder() {
        return 30;
    }

    /** Likely the same one: the same e-mail or phone number, or the same name there. */
    @Override
    public List<List<String>> duplicateKeys() {
        return List.of(List.of("email"), List.of("phone"), List.of("mobile"), List.of("lastName", "firstName", "accountId"));
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
