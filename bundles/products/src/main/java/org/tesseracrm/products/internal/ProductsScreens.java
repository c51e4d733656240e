package org.tesseracrm.products.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.tesseracrm.platform.api.spi.UiContribution;
import org.tesseracrm.products.api.ProductEvents;

/** The products module's own screen for the web UI (the stock ledger), served from this bundle. */
@Component(service = {UiContribution.class, ProductsScreens.class})
@HttpWhiteboardResource(pattern = "/ui/modules/products/*", prefix = "/ui-contribution")
public class ProductsScreens implements UiContribution {

    @Override
    public String module() {
        return ProductEvents.MODULE;
    }

    @Override
    public String script() {
        return "/ui/modules/products/products.js";
    }
}
