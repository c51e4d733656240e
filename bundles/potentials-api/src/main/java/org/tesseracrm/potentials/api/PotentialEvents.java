package org.tesseracrm.potentials.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the potentials module posts after commit. */
public final class PotentialEvents {
    public static final String MODULE = "potentials";
    public static final String CREATED = RecordEvents.topic(MODULE, RecordEvents.CREATED);
    public static final String UPDATED = RecordEvents.topic(MODULE, RecordEvents.UPDATED);
    public static final String STAGE_CHANGED = RecordEvents.topic(MODULE, "STAGE_CHANGED");

    private PotentialEvents() {
    }
}
