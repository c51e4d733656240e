package org.tesseracrm.activities.api;

import org.tesseracrm.platform.api.Labeled;

/** Who called whom. */
public enum CallDirection implements Labeled {
    INBOUND,
    OUTBOUND
}
