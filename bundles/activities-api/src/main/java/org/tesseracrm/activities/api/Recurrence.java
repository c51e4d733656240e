package org.tesseracrm.activities.api;

import org.tesseracrm.platform.api.Labeled;

/** How a task or meeting repeats: when one is done, the next is planned. */
public enum Recurrence implements Labeled {
    NONE,
    DAILY,
    WEEKLY,
    MONTHLY
}
