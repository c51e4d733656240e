package org.tesseracrm.activities.api;

import org.tesseracrm.platform.api.Labeled;

/** How urgent a task is. */
public enum ActivityPriority implements Labeled {
    LOW,
    NORMAL,
    HIGH
}
