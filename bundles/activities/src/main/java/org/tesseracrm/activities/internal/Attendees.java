package org.tesseracrm.activities.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.tesseracrm.activities.api.Attendee;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.RecordContext;

/**
 * The people an activity has: users, contacts and leads, in the order given, in
 * {@code activities_attendee}. An attendee is checked when added (an active user; a contact or lead
 * the caller may see) and named when read, as far as the reader may see it.
 */
final class Attendees {
    static final String FIELD = "attendees";
    static final int MOST = 100;
    /** The collections whose records may attend, besides users. */
    private static final Set<String> RECORDS = Set.of("contacts", "leads");
    private static final String TABLE = "activities_attendee";

    private final RecordContext context;

    Attendees(RecordContext context) {
        this.context = context;
    }

    /** What is wrong with the attendees given; those already on the activity ({@code before}) are not checked again. */
    void check(List<Attendee> given, List<Attendee> before, List<FieldError> errors) {
        if (given == null) {
            return;
        }
        if (given.size() > MOST) {
            errors.add(new FieldError(FIELD, "may name at most " + MOST + " people"));
            return;
        }
        Set<String> known = new java.util.HashSet<>();
        if (before != null) {
            before.forEach(a -> known.add(key(a)));
        }
        for (int i = 0; i < given.size(); i++) {
            Attendee a = given.get(i);
            String field = FIELD + "[" + i + "]";
            if (a == null || a.collection == null || a.id == null || a.id.isBlank()) {
                errors.add(new FieldError(field, "needs a collection (users, contacts or leads) and an id"));
            } else if (known.contains(key(a))) {
                continue;
            } else if (Attendee.USERS.equals(a.collection)) {
                if (!context.isUser(a.id)) {
                    errors.add(new FieldError(field, "is not an active user of Tessera: " + a.id));
                }
            } else if (!RECORDS.contains(a.collection)) {
                errors.add(new FieldError(field, "must be a user, a contact or a lead"));
            } else if (!context.references().isInstalled(a.collection)) {
                errors.add(new FieldError(field, "is not a module of this server"));
            } else if (context.references().find(a.collection, a.id).isEmpty()) {
                errors.add(new FieldError(field, "is not a " + a.collection + " record you may see"));
            }
        }
    }

    /** Replaces the activity's attendees (none when null); the same person named twice counts once. */
    /** Where {@code collection}/{@code fromId} attends, {@code toId} does (once, where it attended already); how many moved. */
    int repoint(EntityManager em, String collection, String fromId, String toId) {
        int moved = em.createNativeQuery("UPDATE " + TABLE + " SET ref_id = ? WHERE collection = ? AND ref_id = ? AND activity_id NOT IN"
                + " (SELECT activity_id FROM " + TABLE + " WHERE collection = ? AND ref_id = ?)")
                .setParameter(1, toId).setParameter(2, collection).setParameter(3, fromId)
                .setParameter(4, collection).setParameter(5, toId).executeUpdate();
        em.createNativeQuery("DELETE FROM " + TABLE + " WHERE collection = ? AND ref_id = ?")
                .setParameter(1, collection).setParameter(2, fromId).executeUpdate();
        return moved;
    }

    void store(EntityManager em, String activityId, List<Attendee> attendees) {
        em.createNativeQuery("DELETE FROM " + TABLE + " WHERE activity_id = ?").setParameter(1, activityId).executeUpdate();
        Map<String, Attendee> distinct = new LinkedHashMap<>();
        if (attendees != null) {
            attendees.forEach(a -> distinct.putIfAbsent(key(a), a));
        }
        int ordinal = 0;
        for (Attendee a : distinct.values()) {
            em.createNativeQuery("INSERT INTO " + TABLE + " (activity_id, ordinal, collection, ref_id) VALUES (?, ?, ?, ?)")
                    .setParameter(1, activityId).setParameter(2, ordinal++).setParameter(3, a.collection)
                    .setParameter(4, a.id.trim()).executeUpdate();
        }
    }

    /** The attendees of each activity, named as far as the caller may see them. */
    Map<String, List<Attendee>> of(EntityManager em, Collection<String> activityIds) {
        Map<String, List<Attendee>> byActivity = new HashMap<>();
        if (activityIds.isEmpty()) {
            return byActivity;
        }
        Query query = em.createNativeQuery("SELECT activity_id, collection, ref_id FROM " + TABLE + " WHERE activity_id IN ("
                + String.join(", ", Collections.nCopies(activityIds.size(), "?")) + ") ORDER BY activity_id, ordinal");
        int p = 1;
        for (String id : activityIds) {
            query.setParameter(p++, id);
        }
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            Attendee a = new Attendee((String) r[1], (String) r[2]);
            if (!Attendee.USERS.equals(a.collection)) {
                Optional<RecordRef> ref = context.references().find(a.collection, a.id);
                a.number = ref.map(x -> x.number).orElse(null);
                a.label = ref.map(x -> x.label).orElse(null);
            }
            byActivity.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(a);
        }
        return byActivity;
    }

    /** Whether two lists name the same people in the same order. */
    static boolean same(List<Attendee> a, List<Attendee> b) {
        List<String> x = a == null ? List.of() : a.stream().map(Attendees::key).toList();
        List<String> y = b == null ? List.of() : b.stream().map(Attendees::key).distinct().toList();
        return x.equals(y);
    }

    /** The users among them. */
    static List<String> users(List<Attendee> attendees) {
        List<String> users = new ArrayList<>();
        if (attendees != null) {
            for (Attendee a : attendees) {
                if (a != null && Attendee.USERS.equals(a.collection) && a.id != null && !users.contains(a.id)) {
                    users.add(a.id);
                }
            }
        }
        return users;
    }

    /** Whether {@code user} attends the activity. */
    static boolean attends(EntityManager em, String activityId, String user) {
        return !em.createNativeQuery("SELECT 1 FROM " + TABLE + " WHERE activity_id = ? AND collection = ? AND ref_id = ?")
                .setParameter(1, activityId).setParameter(2, Attendee.USERS).setParameter(3, user)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * A JPQL condition on the activity alias {@code e}: one of {@code ids} of {@code collection}
     * attends it (EclipseLink's SQL() puts the native subquery in JPQL).
     */
    static String attendedBy(String collection, Collection<String> ids, Conditions conditions) {
        StringBuilder args = new StringBuilder("e.id, ").append(conditions.bind(collection));
        ids.forEach(id -> args.append(", ").append(conditions.bind(id)));
        return "SQL('EXISTS (SELECT 1 FROM " + TABLE + " a WHERE a.activity_id = ? AND a.collection = ? AND a.ref_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + "))', " + args + ")";
    }

    private static String key(Attendee a) {
        return a == null ? "" : a.collection + "/" + (a.id == null ? "" : a.id.trim());
    }
}
