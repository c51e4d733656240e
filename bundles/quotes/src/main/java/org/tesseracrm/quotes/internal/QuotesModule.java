package org.tesseracrm.quotes.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.commerce.persistence.DocumentFields;
import org.tesseracrm.platform.api.spi.ActionDescriptor;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.quotes.api.QuoteEvents;
import org.tesseracrm.quotes.api.QuoteStage;

/** What the quotes module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + QuoteEvents.MODULE)
public class QuotesModule implements ModuleDescriptor {
    private static final List<ActionDescriptor> ACTIONS = List.of(
            new ActionDescriptor("sales-order", "Create sales order", "Tạo đơn hàng bán", "sales-orders").when("stage", "ACCEPTED"),
            new ActionDescriptor("invoice", "Create invoice", "Tạo hóa đơn", "invoices").when("stage", "ACCEPTED"));
    private static final List<FieldDescriptor> FIELDS = DocumentFields.with(
            reference("potentialId", "potentials").filterable().build(),
            reference("accountId", "accounts").filterable().build(),
            reference("contactId", "contacts").filterable().build(),
            field("validUntil", FieldType.DATE).filterable().sortable().build(),
            enumField("stage", QuoteStage.class).filterable().sortable().steps(QuoteServiceImpl.STAGES, QuoteStage.class).build());

    @Override
    public String name() {
        return QuoteEvents.MODULE;
    }

    @Override
    public String collection() {
        return "quotes";
    }

    @Override
    public String labelEn() {
        return "Quotes";
    }

    @Override
    public String labelVi() {
        return "Báo giá";
    }

    @Override
    public String numberPrefix() {
        return "QUO";
    }

    @Override
    public int navigationOrder() {
        return 60;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    @Override
    public List<ActionDescriptor> actions() {
        return ACTIONS;
    }
}
