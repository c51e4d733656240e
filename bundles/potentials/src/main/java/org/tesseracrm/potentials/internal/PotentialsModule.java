package org.tesseracrm.potentials.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.api.spi.ActionDescriptor;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.potentials.api.PotentialEvents;
import org.tesseracrm.potentials.api.PotentialStage;
import org.tesseracrm.potentials.api.PotentialType;

/** What the potentials module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + PotentialEvents.MODULE)
public class PotentialsModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = List.of(
            field("name", FieldType.STRING).required().sortable().searchable().build(),
            reference("accountId", "accounts").filterable().build(),
            reference("contactId", "contacts").filterable().build(),
            field("amount", FieldType.MONEY).filterable().sortable().build(),
            field("currency", FieldType.STRING).filterable().build(),
            field("closeDate", FieldType.DATE).required().filterable().sortable().build(),
            enumField("stage", PotentialStage.class).filterable().sortable().build(),
            field("probability", FieldType.INTEGER).filterable().sortable().build(),
            field("forecastAmount", FieldType.MONEY).filterable().readOnly().sortable().build(),
            enumField("type", PotentialType.class).filterable().build(),
            enumField("source", LeadSource.class).filterable().build(),
            reference("campaignId", "campaigns").filterable().build(),
            field("nextStep", FieldType.STRING).build(),
            field("lostReason", FieldType.TEXT).build(),
            field("assignedTo", FieldType.USER).filterable().sortable().build(),
            field("description", FieldType.TEXT).build());

    @Override
    public String name() {
        return PotentialEvents.MODULE;
    }

    @Override
    public String collection() {
        return "potentials";
    }

    @Override
    public String labelEn() {
        return "Potentials";
    }

    @Override
    public String labelVi() {
        return "Cơ hội";
    }

    @Override
    public String numberPrefix() {
        return "POT";
    }

    @Override
    public int navigationOrder() {
        return 40;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    @Override
    public List<ActionDescriptor> actions() {
        return List.of(new ActionDescriptor("reopen", "Reopen", "Mở lại", null).when("stage", "CLOSED_WON", "CLOSED_LOST"));
    }
}
