package org.tesseracrm.quotes.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the quotes module posts after commit. */
public final class QuoteEvents {
    public static final String MODULE = "quotes";
    public static final String CREATED = RecordEvents.topic(MODULE, RecordEvents.CREATED);
    public static final String UPDATED = RecordEvents.topic(MODULE, RecordEvents.UPDATED);
    public static final String STAGE_CHANGED = RecordEvents.topic(MODULE, "STAGE_CHANGED");

    private QuoteEvents() {
    }
}
