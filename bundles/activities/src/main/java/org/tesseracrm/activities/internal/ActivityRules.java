package org.tesseracrm.activities.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.tesseracrm.activities.api.Activity;
import org.tesseracrm.activities.api.ActivityKind;
import org.tesseracrm.activities.api.ActivityPriority;
import org.tesseracrm.activities.api.ActivityStatus;
import org.tesseracrm.activities.api.Attendee;
import org.tesseracrm.activities.api.Recurrence;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.spi.Notifier;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.persistence.RecordRules;

/**
 * An activity's rules: a meeting has a start and an end after it, a call happened at some time, an
 * activity is about a record the user may see and about that record's account, its attendees are
 * users or people of the CRM and are invited when added, reminders and recurrence need a time; the
 * calendar is the list between {@code from} and {@code to} (for a user or a team); a merged record's
 * activities and attendances follow it.
 */
final class ActivityRules implements RecordRules<Activity, ActivityEntity> {
    static final String FROM = "from";
    static final String TO = "to";
    /** Reminders reach at most this far back (60 days). */
    static final int LONGEST_REMINDER_MINUTES = 60 * 24 * 60;
    static final String USER = "user";
    static final String TEAM = "team";

    private final RecordContext context;
    private final JpaTemplate jpa;
    private final Attendees attendees;
    private final Notifier notifier;

    ActivityRules(ModuleStorage storage, Notifier notifier) {
        this.context = storage.context();
        this.jpa = storage.jpa();
        this.attendees = new Attendees(context);
        this.notifier = notifier;
    }

    /** Who takes part in the activity. */
    List<Attendee> attendeesOf(String id) {
        return jpa.txExpr(TransactionType.Supports, em -> attendees.of(em, List.of(id)).getOrDefault(id, List.of()));
    }

    @Override
    public void validate(Activity a, ActivityEntity existing, List<FieldError> errors) {
        if (a.kind == ActivityKind.MEETING) {
            if (a.startAt == null) {
                errors.add(new FieldError("startAt", "is required for a meeting"));
            }
            if (a.endAt == null) {
                errors.add(new FieldError("endAt", "is required for a meeting"));
            }
        }
        if (a.startAt != null && a.endAt != null && a.endAt.isBefore(a.startAt)) {
            errors.add(new FieldError("endAt", "is before startAt"));
        }
        if (a.durationMinutes != null && (a.durationMinutes < 0 || a.durationMinutes > 24 * 60)) {
            errors.add(new FieldError("durationMinutes", "must be 0 to 1440"));
        }
        if (a.direction != null && a.kind != ActivityKind.CALL) {
            errors.add(new FieldError("direction", "is for calls"));
        }
        if (a.reminderMinutes != null) {
            if (a.reminderMinutes < 0 || a.reminderMinutes > LONGEST_REMINDER_MINUTES) {
                errors.add(new FieldError("reminderMinutes", "must be 0 to " + LONGEST_REMINDER_MINUTES));
            } else if (scheduled(a) == null) {
                errors.add(new FieldError("reminderMinutes", "needs a due time (dueAt) or a start (startAt) to remind before"));
            }
        }
        Recurrence recurrence = a.recurrence == null ? Recurrence.NONE : a.recurrence;
        if (recurrence != Recurrence.NONE) {
            if (a.kind == ActivityKind.CALL) {
                errors.add(new FieldError("recurrence", "is for tasks and meetings"));
            } else if (scheduled(a) == null) {
                errors.add(new FieldError("recurrence", "needs a due time (dueAt) or a start (startAt)"));
            }
        }
        attendees.check(a.attendees, existing == null ? null : attendeesOf(existing.getId()), errors);
        if (existing == null && Boolean.TRUE.equals(a.countsAsTouch) && (a.kind == ActivityKind.TASK || !"leads".equals(a.relatedCollection))) {
            errors.add(new FieldError("countsAsTouch", "is for a call or meeting about a lead"));
        }
        if ("activities".equals(a.relatedCollection)) {
            errors.add(new FieldError("relatedCollection", "is not a module an activity can be about"));
        } else if ((a.relatedCollection == null) != (a.relatedId == null)) {
            errors.add(new FieldError(a.relatedId == null ? "relatedId" : "relatedCollection",
                    "is required with " + (a.relatedId == null ? "relatedCollection" : "relatedId")));
        } else if (a.relatedCollection != null && (existing == null || !a.relatedId.equals(existing.relatedId)
                || !a.relatedCollection.equals(existing.relatedCollection))) {
            if (!context.references().isInstalled(a.relatedCollection)) {
                errors.add(new FieldError("relatedCollection", "is not a module of this server"));
            } else if (context.references().find(a.relatedCollection, a.relatedId).isEmpty()) {
                errors.add(new FieldError("relatedId", "is not a " + a.relatedCollection + " record you may see"));
            }
        }
    }

    @Override
    public void beforeCreate(EntityManager em, ActivityEntity e, Activity record, String user) {
        if (e.kind == ActivityKind.CALL && e.startAt == null) {
            e.startAt = JpaRecordService.now(); // a call logged now happened now
        }
        if (e.status == null && e.kind == ActivityKind.CALL && !e.startAt.isAfter(JpaRecordService.now())) {
            e.status = ActivityStatus.DONE; // a call logged is one that took place; one planned later is still to make
        }
        if (e.status == null) {
            e.status = ActivityStatus.OPEN;
        }
        if (e.priority == null) {
            e.priority = ActivityPriority.NORMAL;
        }
        if (e.recurrence == null) {
            e.recurrence = Recurrence.NONE;
        }
        if (e.assignedTo == null) {
            e.assignedTo = user; // one's own task unless given to someone
        }
        if (e.status == ActivityStatus.DONE) {
            e.completedAt = JpaRecordService.now();
        }
        derive(e, null);
        attendees.store(em, e.getId(), record.attendees);
        invite(e, Attendees.users(record.attendees), user);
    }

    @Override
    public void beforeUpdate(EntityManager em, ActivityEntity e, Activity before, Activity record, String user) {
        if (e.recurrence == null) {
            e.recurrence = Recurrence.NONE;
        }
        e.countsAsTouch = before.countsAsTouch; // the touch was logged (or not) when the activity was
        if (e.status == ActivityStatus.DONE && before.status != ActivityStatus.DONE) {
            e.completedAt = JpaRecordService.now();
        } else if (e.status != ActivityStatus.DONE) {
            e.completedAt = null;
        }
        derive(e, before);
        if (!Attendees.same(before.attendees, record.attendees)) {
            attendees.store(em, e.getId(), record.attendees);
            em.lock(e, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT); // new attendees alone are a new version
            List<String> invited = new java.util.ArrayList<>(Attendees.users(record.attendees));
            invited.removeAll(Attendees.users(before.attendees));
            invite(e, invited, user);
        }
    }

    /** Tells the users newly asked to take part, once the activity is saved. */
    private void invite(ActivityEntity e, List<String> users, String by) {
        if (users.isEmpty()) {
            return;
        }
        String when = e.scheduledAt == null ? null : e.scheduledAt.toString();
        // after the commit the activity has its number
        context.afterCommit(() -> users.forEach(u -> notifier.notify(u, "INVITED", by, "activities", e.getId(),
                e.getNumber() + " " + e.subject, when, "invited:" + e.getId() + ":" + u)));
    }

    /** Each activity's attendees, a page in one query. */
    @Override
    public void completePage(EntityManager em, List<ActivityEntity> entities, List<Activity> dtos) {
        Map<String, List<Attendee>> of = attendees.of(em, entities.stream().map(ActivityEntity::getId).toList());
        for (Activity a : dtos) {
            a.attendees = of.getOrDefault(a.id, List.of());
        }
    }

    /** The values the server keeps: when it happens, the account, and when to remind (again, when that moved). */
    private void derive(ActivityEntity e, Activity before) {
        e.scheduledAt = e.startAt != null ? e.startAt : e.dueAt;
        if (before == null || !Objects.equals(before.relatedId, e.relatedId) || !Objects.equals(before.relatedCollection, e.relatedCollection)) {
            e.accountId = e.relatedCollection == null ? null
                    : context.references().accountOf(e.relatedCollection, e.relatedId).orElse(null);
        }
        Instant remindAt = e.reminderMinutes == null || e.scheduledAt == null ? null
                : e.scheduledAt.minus(Duration.ofMinutes(e.reminderMinutes));
        if (!Objects.equals(remindAt, e.remindAt)) {
            e.remindAt = remindAt;
            e.reminded = false;
        }
    }

    private static Instant scheduled(Activity a) {
        return a.startAt != null ? a.startAt : a.dueAt;
    }

    // ---- the calendar: the list between from and to ----

    @Override
    public Set<String> listParameters() {
        return Set.of(FROM, TO, USER, TEAM);
    }

    /** {@code from}/{@code to}: what happens in that range (a day, or an instant), by its scheduled time; meetings that overlap it. */
    @Override
    public void restrictList(ListQuery query, Conditions conditions) {
        Instant from = bound(query, FROM, false);
        Instant to = bound(query, TO, true);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidRequestException("to must be after from", List.of(new FieldError(TO, "must be after from")));
        }
        if (from != null) {
            conditions.add("(e.scheduledAt >= ? OR (e.endAt IS NOT NULL AND e.endAt > ?))", from, from);
        }
        if (to != null) {
            conditions.add("e.scheduledAt < ?", to);
        }
        String user = query.filters.get(USER);
        if (user != null && !user.isBlank()) {
            String name = user.equals("me") ? context.caller() : user.trim();
            if (name == null) {
                throw new InvalidRequestException("user=me needs a signed-in caller", List.of(new FieldError(USER, "names nobody here")));
            }
            takingPart(List.of(name), conditions);
        }
        String team = query.filters.get(TEAM);
        if (team != null && !team.isBlank()) {
            takingPart(context.teamMembers(team.trim()).orElseThrow(() -> new InvalidRequestException("There is no team " + team,
                    List.of(new FieldError(TEAM, "is not a team")))), conditions);
        }
    }

    /** A user's or team's calendar: what they are assigned to or attend. */
    private static void takingPart(java.util.Collection<String> users, Conditions conditions) {
        if (users.isEmpty()) {
            conditions.add("e.id IS NULL");
            return;
        }
        String assigned = "e.assignedTo IN " + conditions.bind(List.copyOf(users));
        conditions.addBound("(" + assigned + " OR " + Attendees.attendedBy(Attendee.USERS, users, conditions) + ")");
    }

    /** A bound of the calendar: an instant, or a day (from its start; {@code to} a day includes that whole day). */
    private static Instant bound(ListQuery query, String name, boolean end) {
        String value = query.filters.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                java.time.LocalDate day = java.time.LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneId.systemDefault()).toInstant();
            }
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(name + " must be a day (2026-12-01) or an instant (2026-12-01T08:00:00Z)",
                    List.of(new FieldError(name, "must be a day or an instant")));
        }
    }

    @Override
    public String label(ActivityEntity activity) {
        return activity.subject;
    }

    /**
     * A record merged into another: the activities about it are about the survivor (and its account),
     * and where it attended, the survivor attends.
     */
    @Override
    public int repointOwn(EntityManager em, String collection, String fromId, String toId, String user) {
        int moved = 0;
        String account = null;
        boolean accountKnown = false;
        for (ActivityEntity a : em.createQuery("SELECT e FROM Activity e WHERE e.relatedCollection = :c AND e.relatedId = :id",
                ActivityEntity.class).setParameter("c", collection).setParameter("id", fromId).getResultList()) {
            if (!accountKnown) {
                account = context.references().accountOf(collection, toId).orElse(null);
                accountKnown = true;
            }
            a.relatedId = toId;
            a.accountId = account;
            em.lock(a, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            moved++;
        }
        moved += attendees.repoint(em, collection, fromId, toId);
        em.flush();
        return moved;
    }
}
