package org.tesseracrm.activities.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.api.Activity;
import org.tesseracrm.activities.api.ActivityService;
import org.tesseracrm.activities.api.ActivityStatus;
import org.tesseracrm.activities.api.Attendee;
import org.tesseracrm.activities.api.Recurrence;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.Notifier;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;

/**
 * Activities on the platform's record machinery with their rules ({@link ActivityRules}: meetings,
 * calls, what an activity is about, attendees, the calendar); done and reopened; a recurring one plans
 * its next occurrence when done.
 */
@Component(immediate = true, service = {ActivityService.class, ActivityServiceImpl.class, CollectionIndex.class})
public class ActivityServiceImpl extends JpaRecordService<Activity, ActivityEntity> implements ActivityService {
    private final ActivityRules rules;

    @Activate
    public ActivityServiceImpl(@Reference(target = "(tessera.module=activities)") ModuleStorage storage, @Reference Notifier notifier) {
        this(storage, new ActivityRules(storage, notifier));
    }

    private ActivityServiceImpl(ModuleStorage storage, ActivityRules rules) {
        super(storage, Activity.class, ActivityEntity.class, rules);
        this.rules = rules;
        readAlsoBy(new ActivityReaders(storage.context(), (activity, user) -> read(em -> Attendees.attends(em, activity, user))));
    }

    /** Who takes part in the activity. */
    List<Attendee> attendeesOf(String id) {
        return rules.attendeesOf(id);
    }

    @Override
    public Activity complete(String id, String user) {
        ActivityEntity[] next = new ActivityEntity[1];
        ActivityEntity saved = write(em -> {
            ActivityEntity a = findLiveLocked(em, id);
            if (a.status == ActivityStatus.DONE) {
                return a; // done already: the same answer again
            }
            a.status = ActivityStatus.DONE;
            a.completedAt = now();
            stamp(a, user, "COMPLETED");
            if (a.recurrence != Recurrence.NONE && a.scheduledAt != null) {
                next[0] = nextOccurrence(a);
            }
            return a;
        });
        post(RecordEvents.UPDATED, saved, user);
        if (next[0] != null) {
            Activity following = toDto(next[0]);
            following.attendees = attendeesOf(id);
            create(following, user);
        }
        return toDto(saved);
    }

    @Override
    public Activity reopen(String id, String user) {
        ActivityEntity saved = write(em -> {
            ActivityEntity a = findLiveLocked(em, id);
            if (a.status == ActivityStatus.OPEN) {
                throw new ConflictException("Activity " + a.getNumber() + " is open");
            }
            a.status = ActivityStatus.OPEN;
            a.completedAt = null;
            stamp(a, user, "REOPENED");
            return a;
        });
        post(RecordEvents.UPDATED, saved, user);
        return toDto(saved);
    }

    /** The next occurrence of a recurring activity: the same, a day, week or month later (in the server's time zone), open. */
    private ActivityEntity nextOccurrence(ActivityEntity done) {
        ActivityEntity n = new ActivityEntity();
        n.kind = done.kind;
        n.subject = done.subject;
        n.priority = done.priority;
        n.dueAt = later(done.dueAt, done.recurrence);
        n.startAt = later(done.startAt, done.recurrence);
        n.endAt = later(done.endAt, done.recurrence);
        n.location = done.location;
        n.description = done.description;
        n.assignedTo = done.assignedTo;
        n.relatedCollection = done.relatedCollection;
        n.relatedId = done.relatedId;
        n.reminderMinutes = done.reminderMinutes;
        n.recurrence = done.recurrence;
        n.status = ActivityStatus.OPEN;
        return n;
    }

    private static Instant later(Instant at, Recurrence recurrence) {
        if (at == null) {
            return null;
        }
        ZonedDateTime local = at.atZone(ZoneId.systemDefault());
        switch (recurrence) {
        case DAILY:
            return local.plusDays(1).toInstant();
        case WEEKLY:
            return local.plusWeeks(1).toInstant();
        case MONTHLY:
            return local.plusMonths(1).toInstant();
        default:
            return at;
        }
    }

    /** Activities about a record, or for an account those about its records too, for its timeline. */
    List<Activity> about(String collection, String id, boolean account, Instant before, String beforeId, int limit) {
        return read(em -> {
            String where = account ? "(e.relatedId = :id OR e.accountId = :id)"
                    : "((e.relatedCollection = :collection AND e.relatedId = :id) OR SQL('EXISTS (SELECT 1 FROM activities_attendee a"
                            + " WHERE a.activity_id = ? AND a.collection = ? AND a.ref_id = ?)', e.id, :collection, :id))";
            javax.persistence.TypedQuery<ActivityEntity> q = em.createQuery("SELECT e FROM Activity e WHERE e.deletedAt IS NULL AND "
                    + where + (before == null ? "" : " AND (e.createdAt < :before OR (e.createdAt = :before AND e.id < :beforeId))")
                    + " ORDER BY e.createdAt DESC, e.id DESC", ActivityEntity.class).setParameter("id", id);
            if (!account) {
                q.setParameter("collection", collection);
            }
            if (before != null) {
                q.setParameter("before", before).setParameter("beforeId", beforeId);
            }
            return q.setHint("eclipselink.read-only", "true").setMaxResults(limit).getResultList().stream().map(this::toDto).toList();
        });
    }

    // ---- reminders ----

    /** Open activities whose reminder is due and not yet given, oldest first. */
    List<ActivityEntity> dueReminders(Instant now, int limit) {
        return read(em -> em.createQuery("SELECT e FROM Activity e WHERE e.reminded = :no AND e.remindAt <= :now"
                + " AND e.deletedAt IS NULL AND e.status = :open ORDER BY e.remindAt", ActivityEntity.class)
                .setParameter("no", false).setParameter("now", now).setParameter("open", ActivityStatus.OPEN)
                .setHint("eclipselink.read-only", "true").setMaxResults(limit).getResultList());
    }

    /**
     * Claims a due reminder for this node: true for exactly one caller however many nodes ask at once.
     * A plain SQL update, so giving a reminder does not change the activity's version (a form open on it stays current).
     */
    boolean claimReminder(String id, Instant remindAt) {
        return write(em -> em.createNativeQuery("UPDATE activities_activity SET reminded = ? WHERE id = ? AND reminded = ? AND remindAt = ?")
                .setParameter(1, true).setParameter(2, id).setParameter(3, false)
                .setParameter(4, java.sql.Timestamp.from(remindAt)).executeUpdate() == 1);
    }
}
