package org.tesseracrm.leads.api;

import java.time.Instant;

/** One nurturing contact attempt logged on a lead. {@code id}, {@code leadId} and {@code by} are set by the server. */
public class Touch {
    public String id;
    public String leadId;
    public TouchChannel channel;
    /** When it happened; now when not given. */
    public Instant at;
    public TouchOutcome outcome;
    public String note;
    public String by;
    /** The call or meeting of the activities module this touch was logged with, if it was. */
    public String activityId;
}
