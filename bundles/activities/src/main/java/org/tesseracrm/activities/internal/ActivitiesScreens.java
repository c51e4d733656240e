package org.tesseracrm.activities.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;
import org.tesseracrm.platform.api.spi.UiContribution;

/** The activities module's screens for the web UI: log a call, add a task or a meeting on any record; the calendar; "My day". */
@Component(service = UiContribution.class)
@HttpWhiteboardResource(pattern = "/ui/modules/activities/*", prefix = "/ui-contribution")
public class ActivitiesScreens implements UiContribution {

    @Override
    public String module() {
        return "activities";
    }

    @Override
    public String script() {
        return "/ui/modules/activities/activities.js";
    }
}
