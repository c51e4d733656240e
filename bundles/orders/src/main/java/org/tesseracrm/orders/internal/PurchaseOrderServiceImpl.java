package org.tesseracrm.orders.internal;

import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.orders.api.PurchaseOrder;
import org.tesseracrm.orders.api.PurchaseOrderService;
import org.tesseracrm.orders.api.PurchaseOrderStatus;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.ModuleSchema;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.products.api.StockReason;

/** Purchase orders: receiving adds the lines to stock once; cancelling a received order takes them back out. */
@Component(immediate = true, service = {PurchaseOrderService.class, CollectionIndex.class},
        property = CollectionIndex.PROPERTY + "=" + OrderEvents.PURCHASE_ORDERS)
public class PurchaseOrderServiceImpl
        extends DocumentService<PurchaseOrder, PurchaseOrderEntity, PurchaseOrderLineEntity, PurchaseOrderStatus>
        implements PurchaseOrderService {
    static final StateMachine<PurchaseOrderStatus> STATUSES = StateMachine.of(PurchaseOrderStatus.class, "status")
            .allow(PurchaseOrderStatus.CREATED, PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.CANCELLED)
            .allow(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.RECEIVED, PurchaseOrderStatus.CANCELLED)
            .allow(PurchaseOrderStatus.RECEIVED, PurchaseOrderStatus.CANCELLED)
            .build();

    @Activate
    public PurchaseOrderServiceImpl(@Reference(target = "(osgi.unit.name=tessera-orders)") JpaTemplate jpa,
            @Reference(target = "(tessera.module=" + OrderEvents.PURCHASE_ORDERS + ")") ModuleDescriptor module,
            @Reference(target = "(" + ModuleSchema.PROPERTY + "=orders)") ModuleSchema schema, @Reference RecordContext context, @Reference DocumentEngine engine) {
        super(module, PurchaseOrder.class, PurchaseOrderEntity.class, PurchaseOrderLineEntity.class, jpa, context,
                engine, STATUSES, PurchaseOrderStatus.CREATED, Set.of(PurchaseOrderStatus.CREATED));
    }

    @Override
    protected void onStatusChange(EntityManager em, PurchaseOrderEntity entity, PurchaseOrder order,
            PurchaseOrderStatus from, PurchaseOrderStatus to, String user) {
        if (to == PurchaseOrderStatus.RECEIVED) {
            engine().moveStock(OrderEvents.PURCHASE_ORDERS, entity.getId(), StockReason.PURCHASE_RECEIPT,
                    order.lineItems, user);
        } else if (from == PurchaseOrderStatus.RECEIVED && to == PurchaseOrderStatus.CANCELLED) {
            engine().returnStock(OrderEvents.PURCHASE_ORDERS, entity.getId(), StockReason.PURCHASE_RECEIPT,
                    order.lineItems, user);
        }
    }

    /** An approved or received order is kept (cancelled, not deleted); a new or cancelled one may go. */
    @Override
    protected boolean deletable(PurchaseOrderStatus status) {
        return status == PurchaseOrderStatus.CREATED || status == PurchaseOrderStatus.CANCELLED;
    }
}
