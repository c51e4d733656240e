package org.tesseracrm.campaigns.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.tesseracrm.campaigns.api.CampaignEvents;
import org.tesseracrm.platform.api.spi.UiContribution;

/** The campaigns module's own screen for the web UI (members, offers and results), served from this bundle. */
@Component(service = {UiContribution.class, CampaignsScreens.class})
@HttpWhiteboardResource(pattern = "/ui/modules/campaigns/*", prefix = "/ui-contribution")
public class CampaignsScreens implements UiContribution {

    @Override
    public String module() {
        return CampaignEvents.MODULE;
    }

    @Override
    public String script() {
        return "/ui/modules/campaigns/campaigns.js";
    }
}
