package org.tesseracrm.potentials.api;

import org.tesseracrm.platform.api.Labeled;

/** New or existing business. */
public enum PotentialType implements Labeled {
    NEW_BUSINESS,
    EXISTING_BUSINESS
}
