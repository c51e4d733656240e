package org.tesseracrm.platform.persistence;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.platform.api.AccessDeniedException;

/**
 * Which records of a module the caller may read and change: their own (assigned to or created by
 * them), their teams', or all, as their roles grant ({@link RecordContext#visibility}).
 */
final class RecordScope {
    /** The field that names a record's owner; a record is also its creator's. */
    static final String OWNER = "assignedTo";

    private final RecordContext context;
    private final String collection;
    private final String numberPrefix;
    /** The record's owner besides its creator, when the module has one. */
    private final Field owner;
    /** Who else may read the module's records (an activity's attendees), when the module says so. */
    private volatile ExtraReaders<RecordEntity> extra;

    RecordScope(RecordContext context, String collection, String numberPrefix, Field owner) {
        this.context = context;
        this.collection = collection;
        this.numberPrefix = numberPrefix;
        this.owner = owner;
        if (owner != null) {
            owner.setAccessible(true);
        }
    }

    /** Keeps a list to the records the caller may read. */
    void restrict(Conditions conditions) {
        Visibility v = context.visibility(collection);
        if (v.readsAll()) {
            return;
        }
        List<String> owners = new ArrayList<>(v.readOwners());
        if (owners.isEmpty()) {
            conditions.add("e.id IS NULL"); // no grant on the module: extra readers do not count either
            return;
        }
        String theirs = ownedBy(owners, conditions);
        String more = extra == null ? null : extra.clause(conditions, context.caller());
        conditions.addBound(more == null ? theirs : "(" + theirs + " OR " + more + ")");
    }

    private String ownedBy(List<String> owners, Conditions conditions) {
        String names = conditions.bind(owners);
        return owner != null ? "(e." + OWNER + " IN " + names + " OR e.createdBy IN " + names + ")" : "e.createdBy IN " + names;
    }

    /**
     * A JPQL condition on {@code idPath}: the id of a live record of {@code table} (this module's)
     * that the caller may read by their scope; "" when they read every record, null when none.
     */
    String readableId(String idPath, String table, Conditions conditions) {
        Visibility v = context.visibility(collection);
        if (v.readsAll()) {
            return "";
        }
        List<String> owners = new ArrayList<>(v.readOwners());
        if (owners.isEmpty()) {
            return null;
        }
        // EclipseLink's SQL() puts native SQL in JPQL, its ? bound to the arguments that follow.
        StringBuilder args = new StringBuilder(idPath);
        owners.forEach(o -> args.append(", ").append(conditions.bind(o)));
        if (owner != null) {
            owners.forEach(o -> args.append(", ").append(conditions.bind(o)));
        }
        String in = String.join(", ", java.util.Collections.nCopies(owners.size(), "?"));
        return "SQL('? IN (SELECT id FROM " + table + " WHERE deletedAt IS NULL AND (createdBy IN (" + in + ")"
                + (owner == null ? "" : " OR " + OWNER + " IN (" + in + ")") + "))', " + args + ")";
    }

    /** The owners whose records the caller may read, or null when they read all or may read others' too. */
    java.util.Collection<String> owners() {
        Visibility v = context.visibility(collection);
        return v.readsAll() || extra != null ? null : v.readOwners();
    }

    /** Whether the caller may read the record; one they may not answers 404, as if it did not exist. */
    boolean readable(RecordEntity entity) {
        Visibility v = context.visibility(collection);
        return v.mayRead(ownerOf(entity), entity.createdBy)
                || extra != null && !v.readOwners().isEmpty() && extra.mayRead(entity, context.caller());
    }

    /** Whether the module has readers besides the owners' scopes. */
    boolean hasExtraReaders() {
        return extra != null;
    }

    @SuppressWarnings("unchecked")
    void readAlsoBy(ExtraReaders<? extends RecordEntity> readers) {
        this.extra = (ExtraReaders<RecordEntity>) readers;
    }

    boolean mayRead(String assignedTo, String createdBy) {
        return context.visibility(collection).mayRead(assignedTo, createdBy);
    }

    /** A record the caller may read but not change (their scope to change is narrower) is 403. */
    void requireWritable(RecordEntity entity) {
        if (!context.visibility(collection).mayWrite(ownerOf(entity), entity.createdBy)) {
            throw new AccessDeniedException("You may read " + numberPrefix + " record " + entity.number
                    + " but not change it: it is not yours or your team's");
        }
    }

    private String ownerOf(RecordEntity entity) {
        try {
            return owner == null ? null : (String) owner.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
