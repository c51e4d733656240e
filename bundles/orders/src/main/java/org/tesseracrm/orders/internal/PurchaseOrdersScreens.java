package org.tesseracrm.orders.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.tesseracrm.orders.api.OrderEvents;
import org.tesseracrm.platform.api.spi.UiContribution;

/** The purchase orders' own screen for the web UI (receiving goods into stock), served from this bundle. */
@Component(service = {UiContribution.class, PurchaseOrdersScreens.class})
@HttpWhiteboardResource(pattern = "/ui/modules/purchase-orders/*", prefix = "/ui-contribution")
public class PurchaseOrdersScreens implements UiContribution {

    @Override
    public String module() {
        return OrderEvents.PURCHASE_ORDERS;
    }

    @Override
    public String script() {
        return "/ui/modules/purchase-orders/receiving.js";
    }
}
