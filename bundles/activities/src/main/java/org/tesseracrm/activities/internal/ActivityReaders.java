package org.tesseracrm.activities.internal;

import java.util.List;
import java.util.function.BiPredicate;

import org.tesseracrm.activities.api.Attendee;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.ExtraReaders;
import org.tesseracrm.platform.persistence.RecordContext;

/**
 * An activity is read, besides by those its scope reaches (its assignee and creator, their team,
 * everyone), by the users who attend it and by whoever may see the record it is about.
 */
final class ActivityReaders implements ExtraReaders<ActivityEntity> {
    private final RecordContext context;
    /** Whether a user (second) attends an activity (first, its id). */
    private final BiPredicate<String, String> attends;

    ActivityReaders(RecordContext context, BiPredicate<String, String> attends) {
        this.context = context;
        this.attends = attends;
    }

    @Override
    public String clause(Conditions conditions, String caller) {
        String related = context.readableThrough("e.relatedCollection", "e.relatedId", conditions);
        return caller == null ? related : "(" + Attendees.attendedBy(Attendee.USERS, List.of(caller), conditions) + " OR " + related + ")";
    }

    @Override
    public boolean mayRead(ActivityEntity activity, String caller) {
        if (activity.relatedCollection != null && activity.relatedId != null
                && context.references().find(activity.relatedCollection, activity.relatedId).isPresent()) {
            return true;
        }
        return caller != null && attends.test(activity.getId(), caller);
    }
}
