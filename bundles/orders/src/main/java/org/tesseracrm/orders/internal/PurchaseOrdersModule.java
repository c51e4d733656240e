package org.tesseracrm.orders.internal;

import static org.tesseracrm.platform.api.spi.FieldDescriptor.enumField;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.field;
import static org.tesseracrm.platform.api.spi.FieldDescriptor.reference;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.commerce.persistence.DocumentFields;
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.orders.api.PurchaseOrderStatus;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/** What the Purchase orders of the orders module are, for /api/v1/modules and the record machinery. */
@Component(service = ModuleDescriptor.class, property = "tessera.module=" + OrderEvents.PURCHASE_ORDERS)
public class PurchaseOrdersModule implements ModuleDescriptor {
    private static final List<FieldDescriptor> FIELDS = DocumentFields.with(
            reference("vendorId", "vendors").required().filterable().build(),
            field("requisitionNumber", FieldType.STRING).searchable().build(),
            field("trackingNumber", FieldType.STRING).searchable().build(),
            field("dueDate", FieldType.DATE).filterable().sortable().build(),
            field("carrier", FieldType.STRING).build(),
            enumField("status", PurchaseOrderStatus.class).filterable().sortable()
                    .steps(PurchaseOrderServiceImpl.STATUSES, PurchaseOrderStatus.class).build());

    @Override
    public String name() {
        return OrderEvents.PURCHASE_ORDERS;
    }

    @Override
    public String collection() {
        return OrderEvents.PURCHASE_ORDERS;
    }

    @Override
    public String labelEn() {
        return "Purchase orders";
    }

    @Override
    public String labelVi() {
        return "Đơn mua hàng";
    }

    @Override
    public String numberPrefix() {
        return "PO";
    }

    @Override
    public int navigationOrder() {
        return 110;
    }

    @Override
    public List<FieldDescriptor> fields() {
        return FIELDS;
    }
}
