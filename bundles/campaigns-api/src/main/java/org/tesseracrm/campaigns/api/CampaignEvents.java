package org.tesseracrm.campaigns.api;

import org.tesseracrm.platform.api.RecordEvents;

/** Event Admin topics the campaigns module posts after commit. */
public final class CampaignEvents {
    public static final String MODULE = "campaigns";
    public static final String CREATED = RecordEvents.topic(MODULE, RecordEvents.CREATED);
    public static final String MEMBERS_ADDED = RecordEvents.topic(MODULE, "MEMBERS_ADDED");
    public static final String OFFERS_MADE = RecordEvents.topic(MODULE, "OFFERS_MADE");
    public static final String RESPONDED = RecordEvents.topic(MODULE, "RESPONDED");

    private CampaignEvents() {
    }
}
