package org.tesseracrm.leads.api;

import org.tesseracrm.platform.api.Labeled;

/** How promising a lead is. */
public enum LeadRating implements Labeled {
    HOT,
    WARM,
    COLD
}
