package org.tesseracrm.contacts.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the contacts module posts after commit. */
public final class ContactEvents {
    public static final String MODULE = "contacts";
    public static final String CREATED = RecordEvents.topic(MODULE, RecordEvents.CREATED);
    public static final String UPDATED = RecordEvents.topic(MODULE, RecordEvents.UPDATED);
    public static final String DELETED = RecordEvents.topic(MODULE, RecordEvents.DELETED);

    private ContactEvents() {
    }
}
