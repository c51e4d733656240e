package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** What came of a contact attempt. */
public enum TouchOutcome implements Labeled {
    REACHED,
    NO_ANSWER,
    REPLIED,
    BOUNCED,
    NOT_INTERESTED,
    OTHER
}
