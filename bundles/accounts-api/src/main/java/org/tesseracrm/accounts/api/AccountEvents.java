package org.tesseracrm.accounts.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the accounts module posts after commit. */
public final class AccountEvents {
    public static final String MODULE = "accounts";
    public static final String CREATED = RecordEvents.topic(MODULE, RecordEvents.CREATED);
    public static final String UPDATED = RecordEvents.topic(MODULE, RecordEvents.UPDATED);
    public static final String DELETED = RecordEvents.topic(MODULE, RecordEvents.DELETED);

    private AccountEvents() {
    }
}
