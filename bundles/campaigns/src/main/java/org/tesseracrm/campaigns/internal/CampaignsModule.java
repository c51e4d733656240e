package org.tesseracrm.campaigns.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.campaigns.api.CampaignEvents;
import org.tesseracrm.campaigns.api.CampaignStatus;
import org.tesseracrm.campaigns.api.CampaignType;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the campaigns module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + CampaignEvents.MODULE)
public class CampaignsModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = List.of(
            field("name", FieldType.STRING).required().sortable().searchable().build(),
            enumField("type", CampaignType.class).filterable().build(),
            enumField("status", CampaignStatus.class).filterable().sortable().steps(CampaignRules.STATUSES, CampaignStatus.class).build(),
            field("startDate", FieldType.DATE).filterable().sortable().build(),
            field("endDate", FieldType.DATE).filterable().sortable().build(),
            field("currency", FieldType.STRING).filterable().build(),
            field("budget", FieldType.MONEY).filterable().build(),
            field("actualCost", FieldType.MONEY).filterable().build(),
            field("expectedRevenue", FieldType.MONEY).filterable().build(),
            field("expectedResponse", FieldType.DECIMAL).build(),
            field("targetAudience", FieldType.TEXT).searchable().build(),
            field("sponsor", FieldType.STRING).searchable().build(),
            reference("productId", "products").filterable().build(),
            field("assignedTo", FieldType.USER).filterable().sortable().build(),
            field("description", FieldType.TEXT).build());

    @Override
    public String name() {
        return CampaignEvents.MODULE;
    }

    @Override
    public String collection() {
        return "campaigns";
    }

    @Override
    public String labelEn() {
        return "Campaigns";
    }

    @Override
    public String labelVi() {
        return "Chiến dịch";
    }

    @Override
    public String numberPrefix() {
        return "CAM";
    }

    @Override
    public int navigationOrder() {
        return 50;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
