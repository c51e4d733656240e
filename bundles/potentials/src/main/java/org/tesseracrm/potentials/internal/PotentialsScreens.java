package org.tesseracrm.potentials.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.tesseracrm.platform.api.spi.UiContribution;
import org.tesseracrm.potentials.api.PotentialEvents;

/** The potentials module's own screen for the web UI (the pipeline board), served from this bundle. */
@Component(service = {UiContribution.class, PotentialsScreens.class})
@HttpWhiteboardResource(pattern = "/ui/modules/potentials/*", prefix = "/ui-contribution")
public class PotentialsScreens implements UiContribution {

    @Override
    public String module() {
        return PotentialEvents.MODULE;
    }

    @Override
    public String script() {
        return "/ui/modules/potentials/potentials.js";
    }
}
