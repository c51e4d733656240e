package org.tesseracrm.platform.api;

import java.time.Instant;

/** Something a user is told in the application: a mention, a record or task assigned to them, a reminder. */
public class Notification {
    public String id;
    /** MENTION, ASSIGNED, TASK_ASSIGNED, REMINDER or a partner's own kind. */
    public String kind;
    public Instant at;
    /** Who caused it; null for the system (a reminder). */
    public String actor;
    public String collection;
    public String recordId;
    public String title;
    public String detail;
    public Instant readAt;
}
