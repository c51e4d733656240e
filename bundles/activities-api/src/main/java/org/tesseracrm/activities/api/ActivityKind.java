package org.tesseracrm.activities.api;

import org.tesseracrm.platform.api.Labeled;

/** What an activity is. */
public enum ActivityKind implements Labeled {
    TASK,
    CALL,
    MEETING
}
