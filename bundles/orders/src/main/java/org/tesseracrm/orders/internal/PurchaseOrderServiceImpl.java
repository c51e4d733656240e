package org.tesseracrm.orders.internal;

import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.persistence.DocumentRules;
import org.tesseracrm.commerce.persistence.DocumentService;
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.orders.api.PurchaseOrder;
import org.tesseracrm.orders.api.PurchaseOrderService;
import org.tesseracrm.orders.api.PurchaseOrderStatus;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.products.api.StockReason;

/** Purchase orders: receiving adds the lines to stock once; cancelling a received order takes them back out. */
@Component(immediate = true, service = {PurchaseOrderService.class, CollectionIndex.class})
public class PurchaseOrderServiceImpl
        extends DocumentService<PurchaseOrder, PurchaseOrderEntity, PurchaseOrderLineEntity, PurchaseOrderStatus>
        implements PurchaseOrderService {
    static final StateMachine<PurchaseOrderStatus> STATUSES = StateMachine.of(PurchaseOrderStatus.class, "status")
            .allow(PurchaseOrderStatus.CREATED, PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.CANCELLED)
            .allow(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.RECEIVED, PurchaseOrderStatus.CANCELLED)
            .allow(PurchaseOrderStatus.RECEIVED, PurchaseOrderStatus.CANCELLED)
            .build();

    /** A new or cancelled order may go to the recycle bin; an approved or received one is kept (cancelled, not deleted). */
    @Activate
    public PurchaseOrderServiceImpl(@Reference(target = "(tessera.module=" + OrderEvents.PURCHASE_ORDERS + ")") ModuleStorage storage,
            @Reference DocumentEngine engine) {
        super(storage, PurchaseOrder.class, PurchaseOrderEntity.class, PurchaseOrderLineEntity.class, engine, STATUSES,
                PurchaseOrderStatus.CREATED, Set.of(PurchaseOrderStatus.CREATED),
                Set.of(PurchaseOrderStatus.CREATED, PurchaseOrderStatus.CANCELLED), new ReceivingRules(engine));
    }

    /** Receiving adds the lines to stock once; cancelling a received order takes them back out. */
    private static final class ReceivingRules
            implements DocumentRules<PurchaseOrder, PurchaseOrderEntity, PurchaseOrderStatus> {
        private final DocumentEngine engine;

        ReceivingRules(DocumentEngine engine) {
            this.engine = engine;
        }

        @Override
        public void onStatusChange(EntityManager em, PurchaseOrderEntity entity, PurchaseOrder order,
                PurchaseOrderStatus from, PurchaseOrderStatus to, String user) {
            if (to == PurchaseOrderStatus.RECEIVED) {
                engine.moveStock(OrderEvents.PURCHASE_ORDERS, entity.getId(), StockReason.PURCHASE_RECEIPT,
                        order.lineItems, user);
            } else if (from == PurchaseOrderStatus.RECEIVED && to == PurchaseOrderStatus.CANCELLED) {
                engine.returnStock(OrderEvents.PURCHASE_ORDERS, entity.getId(), StockReason.PURCHASE_RECEIPT,
                        order.lineItems, user);
            }
        }
    }
}
