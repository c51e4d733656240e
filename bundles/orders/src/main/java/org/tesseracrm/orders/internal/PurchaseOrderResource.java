package org.tesseracrm.orders.internal;

import java.util.Map;

import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.commerce.rest.DocumentResource;
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.orders.api.PurchaseOrder;
import org.tesseracrm.orders.api.PurchaseOrderStatus;
import org.tesseracrm.orders.api.PurchaseOrderService;
import org.tesseracrm.platform.rest.ModuleEndpoint;

/** {@code /api/v1/purchase-orders}: the document endpoints; receiving is a status change to RECEIVED. */
@Component(service = ModuleEndpoint.class, property = ModuleEndpoint.COLLECTION + "=" + OrderEvents.PURCHASE_ORDERS)
@Produces(MediaType.APPLICATION_JSON)
public class PurchaseOrderResource extends DocumentResource<PurchaseOrder> {
    @Activate
    public PurchaseOrderResource(@Reference PurchaseOrderService orders) {
        super(PurchaseOrder.class, orders, PurchaseOrderServiceImpl.STATUSES,
                Map.of("approve", PurchaseOrderStatus.APPROVED,
                        "receive", PurchaseOrderStatus.RECEIVED,
                        "cancel", PurchaseOrderStatus.CANCELLED));
    }
}
