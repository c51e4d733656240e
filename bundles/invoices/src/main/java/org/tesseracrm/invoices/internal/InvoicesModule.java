package org.tesseracrm.invoices.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.commerce.persistence.DocumentFields;
import org.tesseracrm.invoices.api.InvoiceEvents;
import org.tesseracrm.invoices.api.InvoiceStatus;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the invoices module is, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + InvoiceEvents.MODULE)
public class InvoicesModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = DocumentFields.with(
            reference("salesOrderId", "sales-orders").filterable().build(),
            reference("quoteId", "quotes").filterable().build(),
            reference("potentialId", "potentials").filterable().build(),
            reference("accountId", "accounts").required().filterable().build(),
            reference("contactId", "contacts").filterable().build(),
            field("invoiceDate", FieldType.DATE).filterable().sortable().build(),
            field("dueDate", FieldType.DATE).filterable().sortable().build(),
            field("customerPoNumber", FieldType.STRING).searchable().build(),
            enumField("status", InvoiceStatus.class).filterable().sortable().steps(InvoiceServiceImpl.STATUSES, InvoiceStatus.class).build());

    @Override
    public String name() {
        return InvoiceEvents.MODULE;
    }

    @Override
    public String collection() {
        return "invoices";
    }

    @Override
    public String labelEn() {
        return "Invoices";
    }

    @Override
    public String labelVi() {
        return "Hóa đơn";
    }

    @Override
    public String numberPrefix() {
        return "INV";
    }

    @Override
    public int navigationOrder() {
        return 80;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
