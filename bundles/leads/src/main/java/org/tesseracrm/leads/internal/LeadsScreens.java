package org.tesseracrm.leads.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.tesseracrm.leads.api.LeadEvents;
import org.tesseracrm.platform.api.spi.UiContribution;

/** The leads module's own screens for the web UI (the conversion form), served from this bundle. */
@Component(service = {UiContribution.class, LeadsScreens.class})
@HttpWhiteboardResource(pattern = "/ui/modules/leads/*", prefix = "/ui-contribution")
public class LeadsScreens implements UiContribution {

    @Override
    public String module() {
        return LeadEvents.MODULE;
    }

    @Override
    public String script() {
        return "/ui/modules/leads/leads.js";
    }
}
