package org.tesseracrm.activities.internal;

import java.time.Instant;

import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;

import org.tesseracrm.activities.api.ActivityKind;
import org.tesseracrm.activities.api.ActivityPriority;
import org.tesseracrm.activities.api.ActivityStatus;
import org.tesseracrm.activities.api.CallDirection;
import org.tesseracrm.activities.api.Recurrence;
import org.tesseracrm.platform.persistence.InstantConverter;
import org.tesseracrm.platform.persistence.RecordEntity;

/** A row of {@code activities_activity}; field names are the wire names (remindAt and reminded stay inside). */
@Entity(name = "Activity")
@Table(name = "activities_activity")
class ActivityEntity extends RecordEntity {
    @Enumerated(EnumType.STRING)
    ActivityKind kind;
    String subject;
    @Enumerated(EnumType.STRING)
    ActivityStatus status;
    @Enumerated(EnumType.STRING)
    ActivityPriority priority;
    @Convert(converter = InstantConverter.class)
    Instant dueAt;
    @Convert(converter = InstantConverter.class)
    Instant startAt;
    @Convert(converter = InstantConverter.class)
    Instant endAt;
    Integer durationMinutes;
    @Enumerated(EnumType.STRING)
    CallDirection direction;
    String outcome;
    String location;
    String description;
    String assignedTo;
    String relatedCollection;
    String relatedId;
    String accountId;
    Integer reminderMinutes;
    @Enumerated(EnumType.STRING)
    Recurrence recurrence;
    @Convert(converter = InstantConverter.class)
    Instant scheduledAt;
    @Convert(converter = InstantConverter.class)
    Instant completedAt;
    Boolean countsAsTouch;
    @Convert(converter = InstantConverter.class)
    Instant remindAt;
    boolean reminded;
}
