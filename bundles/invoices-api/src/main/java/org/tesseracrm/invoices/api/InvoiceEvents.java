package org.tesseracrm.invoices.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the invoices module posts after commit. */
public final class InvoiceEvents {
    public static final String MODULE = "invoices";
    public static final String CREATED = RecordEvents.topic(MODULE, RecordEvents.CREATED);
    public static final String STATUS_CHANGED = RecordEvents.topic(MODULE, "STATUS_CHANGED");

    private InvoiceEvents() {
    }
}
