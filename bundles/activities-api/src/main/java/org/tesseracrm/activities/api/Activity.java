package org.tesseracrm.activities.api;

import java.time.Instant;

import org.tesseracrm.platform.api.RecordDto;

/**
 * A task, call or meeting about a record of any installed module ({@link #relatedCollection} and
 * {@link #relatedId}), and about the account that record concerns, so an account sees the
 * activities of its contacts and deals.
 */
public class Activity extends RecordDto {
    public ActivityKind kind;
    public String subject;
    public ActivityStatus status;
    public ActivityPriority priority;
    /** When a task is due. */
    public Instant dueAt;
    /** When a call took place or a meeting starts. */
    public Instant startAt;
    /** When a meeting ends. */
    public Instant endAt;
    /** How long a call lasted. */
    public Integer durationMinutes;
    public CallDirection direction;
    /** What a call came to. */
    public String outcome;
    public String location;
    /** Who takes part: users, contacts and leads. They may read the activity (users) and find it on their timeline (contacts, leads). */
    public java.util.List<Attendee> attendees;
    public String description;
    public String assignedTo;
    /** The record the activity is about: its collection (e.g. {@code contacts}) and id. */
    public String relatedCollection;
    public String relatedId;
    /** The account the related record concerns; set by the server. */
    public String accountId;
    /** Minutes before {@link #scheduledAt} its assignee is reminded (1440 is a day); none when null. */
    public Integer reminderMinutes;
    public Recurrence recurrence;
    /** When it happens: a meeting's or call's start, a task's due time; set by the server, for the calendar. */
    public Instant scheduledAt;
    public Instant completedAt;
    /**
     * For a call or meeting logged about a lead: also count it among the lead's nurturing touches
     * (the leads module logs the touch in the same transaction). Read as given when created.
     */
    public Boolean countsAsTouch;
}
