package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** The funnel: NEW → NURTURING → QUALIFIED → CONVERTED; any open status → DISQUALIFIED → NURTURING. */
public enum LeadStatus implements Labeled {
    NEW,
    NURTURING,
    QUALIFIED,
    CONVERTED,
    DISQUALIFIED
}
