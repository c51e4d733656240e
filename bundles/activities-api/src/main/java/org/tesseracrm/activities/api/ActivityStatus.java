package org.tesseracrm.activities.api;

import org.tesseracrm.platform.api.Labeled;

/** Where an activity stands. */
public enum ActivityStatus implements Labeled {
    OPEN,
    DONE,
    CANCELLED
}
