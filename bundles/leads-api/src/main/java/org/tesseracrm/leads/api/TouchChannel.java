package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** How a salesperson reached out to a lead. */
public enum TouchChannel implements Labeled {
    CALL,
    EMAIL,
    SMS,
    MEETING,
    SOCIAL,
    OTHER
}
