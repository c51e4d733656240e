package org.tesseracrm.leads.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.leads.api.LeadEvents;
import org.tesseracrm.leads.api.LeadRating;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.leads.api.LeadStatus;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the leads module is, for /api/v1/modules and for the platform's record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + LeadEvents.MODULE)
public class LeadsModule implements ModuleDescriptor {
    static final String PREFIX = "LEA";

    private static final List<FieldDescriptor> FIELDS = List.of(
            field("salutation", FieldType.STRING).build(),
            field("firstName", FieldType.STRING).sortable().searchable().build(),
            field("lastName", FieldType.STRING).required().sortable().searchable().build(),
            field("company", FieldType.STRING).filterable().sortable().searchable().build(),
            field("title", FieldType.STRING).searchable().build(),
            field("email", FieldType.EMAIL).filterable().searchable().build(),
            field("secondaryEmail", FieldType.EMAIL).searchable().build(),
            field("phone", FieldType.PHONE).searchable().build(),
            field("mobile", FieldType.PHONE).searchable().build(),
            field("website", FieldType.URL).build(),
            field("industry", FieldType.STRING).filterable().sortable().build(),
            field("annualRevenue", FieldType.DECIMAL).filterable().decimals(2).sortable().build(),
            field("employees", FieldType.INTEGER).filterable().sortable().build(),
            enumField("source", LeadSource.class).filterable().sortable().build(),
            reference("campaignId", "campaigns").filterable().build(),
            enumField("rating", LeadRating.class).filterable().sortable().build(),
            enumField("status", LeadStatus.class).filterable().sortable().steps(LeadFunnel.TRANSITIONS, LeadStatus.class).build(),
            field("disqualifyReason", FieldType.TEXT).build(),
            field("address", FieldType.ADDRESS).searchable().build(),
            field("assignedTo", FieldType.USER).filterable().sortable().build(),
            field("description", FieldType.TEXT).build(),
            field("convertedAt", FieldType.DATETIME).filterable().readOnly().sortable().build(),
            reference("convertedAccountId", "accounts").readOnly().build(),
            reference("convertedContactId", "contacts").readOnly().build(),
            reference("convertedPotentialId", "potentials").readOnly().build());

    @Override
    public String name() {
        return LeadEvents.MODULE;
    }

    @Override
    public String collection() {
        return "leads";
    }

    @Override
    public String labelEn() {
        return "Leads";
    }

    @Override
    public String labelVi() {
        return "Khách hàng tiềm năng";
    }

    @Override
    public String numberPrefix() {
        return PREFIX;
    }

    @Override
    public int navigationOrder() {
        return 10;
    }

    /** Likely the same one: the same e-mail or phone number, or the same name there. */
    @Override
    public List<List<String>> duplicateKeys() {
        return List.of(List.of("email"), List.of("phone"), List.of("mobile"), List.of("lastName", "firstName", "company"));
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
