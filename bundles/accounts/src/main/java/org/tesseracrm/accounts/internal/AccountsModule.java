package org.tesseracrm.accounts.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.accounts.api.AccountEvents;
import org.tesseracrm.accounts.api.AccountType;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the accounts module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + AccountEvents.MODULE)
public class AccountsModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = List.of(
            field("name", FieldType.STRING).required().sortable().searchable().build(),
            field("individual", FieldType.BOOLEAN).filterable().build(),
            enumField("type", AccountType.class).filterable().sortable().build(),
            field("industry", FieldType.STRING).filterable().sortable().build(),
            reference("parentId", "accounts").filterable().build(),
            field("phone", FieldType.PHONE).searchable().build(),
            field("otherPhone", FieldType.PHONE).searchable().build(),
            field("email", FieldType.EMAIL).filterable().searchable().build(),
            field("website", FieldType.URL).searchable().build(),
            field("taxCode", FieldType.STRING).filterable().searchable().build(),
            field("annualRevenue", FieldType.DECIMAL).filterable().decimals(2).sortable().build(),
            field("employees", FieldType.INTEGER).filterable().sortable().build(),
            field("rating", FieldType.STRING).filterable().build(),
            field("billingAddress", FieldType.ADDRESS).searchable().build(),
            field("shippingAddress", FieldType.ADDRESS).build(),
            field("assignedTo", FieldType.USER).filterable().sortable().build(),
            field("description", FieldType.TEXT).build(),
            field("emailOptOut", FieldType.BOOLEAN).filterable().build());

    @Override
    public String name() {
        return AccountEvents.MODULE;
    }

    @Override
    public String collection() {
        return "accounts";
    }

    @Override
    public String labelEn() {
        return "Accounts";
    }

    @Override
    public String labelVi() {
        return "Khách hàng";
    }

    @Override
    public String numberPrefix() {
        return "ACC";
    }

    @Override
    public int navigationOrder() {
        return 20;
    }

    /** Likely the same one: the same e-mail or phone number, or the same name there. */
    @Override
    public List<List<String>> duplicateKeys() {
        return List.of(List.of("name"), List.of("taxCode"), List.of("email"), List.of("phone"));
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
