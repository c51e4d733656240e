package org.tesseracrm.campaigns.api;

import org.tesseracrm.platform.api.Labeled;

/**
 * PLANNING → ACTIVE ⇄ INACTIVE → COMPLETED, or CANCELLED from any open status. A COMPLETED or
 * CANCELLED campaign sends no more offers.
 */
public enum CampaignStatus implements Labeled {
    PLANNING, ACTIVE, INACTIVE, COMPLETED, CANCELLED;

    /** No more offers go out. */
    public boolean isClosed() {
        return this == COMPLETED || this == CANCELLED;
    }
}
