package org.tesseracrm.orders.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.commerce.persistence.DocumentFields;
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.orders.api.SalesOrderStatus;
import org.tesseracrm.platform.api.spi.ActionDescriptor;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the Sales orders of the orders module are, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + OrderEvents.SALES_ORDERS)
public class SalesOrdersModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = DocumentFields.with(
            reference("quoteId", "quotes").filterable().build(),
            reference("potentialId", "potentials").filterable().build(),
            reference("accountId", "accounts").required().filterable().build(),
            reference("contactId", "contacts").filterable().build(),
            field("customerPoNumber", FieldType.STRING).searchable().build(),
            field("dueDate", FieldType.DATE).filterable().sortable().build(),
            field("carrier", FieldType.STRING).build(),
            enumField("status", SalesOrderStatus.class).filterable().sortable()
                    .steps(SalesOrderServiceImpl.STATUSES, SalesOrderStatus.class).build());

    @Override
    public String name() {
        return OrderEvents.SALES_ORDERS;
    }

    @Override
    public String collection() {
        return OrderEvents.SALES_ORDERS;
    }

    @Override
    public String labelEn() {
        return "Sales orders";
    }

    @Override
    public String labelVi() {
        return "Đơn hàng bán";
    }

    @Override
    public String numberPrefix() {
        return "SO";
    }

    @Override
    public int navigationOrder() {
        return 70;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }

    @Override
    public List<ActionDescriptor> actions() {
        return List.of(new ActionDescriptor("invoice", "Create invoice", "Tạo hóa đơn", "invoices")
                .when("status", "CREATED", "APPROVED", "DELIVERED"));
    }
}
