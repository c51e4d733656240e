package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the leads module posts after commit, with the lead's id and number. */
public final class LeadEvents {
    public static final String MODULE = "leads";
    public static final String CREATED = RecordEvents.topic(MODULE, RecordEvents.CREATED);
    public static final String UPDATED = RecordEvents.topic(MODULE, RecordEvents.UPDATED);
    public static final String DELETED = RecordEvents.topic(MODULE, RecordEvents.DELETED);
    public static final String RESTORED = RecordEvents.topic(MODULE, RecordEvents.RESTORED);
    public static final String ASSIGNED = RecordEvents.topic(MODULE, "ASSIGNED");
    public static final String TOUCHED = RecordEvents.topic(MODULE, "TOUCHED");
    /** Posted after a conversion commits, with the ids of what the lead became. */
    public static final String CONVERTED = RecordEvents.topic(MODULE, "CONVERTED");

    private LeadEvents() {
    }
}
