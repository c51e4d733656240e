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
            conditions.add("e.id IS NULL");
        } else if (owner != null) {
            conditions.add("(e." + OWNER + " IN ? OR e.createdBy IN ?)", owners, owners);
        } else {
            conditions.add("e.createdBy IN ?", owners);
        }
    }

    /** The owners whose records the caller may read, or null when they read all. */
    java.util.Collection<String> owners() {
        Visibility v = context.visibility(collection);
        return v.readsAll() ? null : v.readOwners();
    }

    /** Whether the caller may read the record; one they may not answers 404, as if it did not exist. */
    boolean readable(RecordEntity entity) {
        return mayRead(ownerOf(entity), entity.createdBy);
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
