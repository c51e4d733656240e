package org.tesseracrm.potentials.api;

import java.time.LocalDate;

/** Which potentials the pipeline counts: owner, close date range (inclusive) and currency. */
public class PipelineQuery {
    /** Only the deals of this user; {@code me} is the caller. */
    public String assignedTo;
    public LocalDate from;
    public LocalDate to;
    public String currency;
    /** Only potentials of this campaign. */
    public String campaignId;
}
