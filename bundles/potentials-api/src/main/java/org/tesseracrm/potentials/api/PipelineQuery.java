package org.tesseracrm.potentials.api;

import java.time.LocalDate;

/** Which potentials the pipeline counts: owner, close date range (inclusive) and currency. */
public class PipelineQuery {
    public String assignedTo;
    public LocalDate from;
    public LocalDate to;
    public String currency;
    /** Only potentials of this campaign. */
    public String campaignId;
}
