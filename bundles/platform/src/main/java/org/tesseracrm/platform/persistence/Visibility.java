package org.tesseracrm.platform.persistence;

import java.util.Set;

/**
 * Which records of a module the caller may read and change: all of them, or those whose owner
 * ({@code assignedTo}, or {@code createdBy}) is one of a set of users: the caller ("own"), or the
 * caller and their teams' members ("team"). Outside a request (background work) it is {@link #ALL}.
 */
public final class Visibility {
    public static final Visibility ALL = new Visibility(null, null);
    public static final Visibility NONE = new Visibility(Set.of(), Set.of());

    private final Set<String> readOwners;
    private final Set<String> writeOwners;

    private Visibility(Set<String> readOwners, Set<String> writeOwners) {
        this.readOwners = readOwners;
        this.writeOwners = writeOwners;
    }

    /** {@code null} owners stand for every record. */
    public static Visibility of(Set<String> readOwners, Set<String> writeOwners) {
        return readOwners == null && writeOwners == null ? ALL
                : new Visibility(readOwners == null ? null : Set.copyOf(readOwners),
                        writeOwners == null ? null : Set.copyOf(writeOwners));
    }

    public boolean readsAll() {
        return readOwners == null;
    }

    /** The owners whose records may be read; null when every record may be. */
    public Set<String> readOwners() {
        return readOwners;
    }

    public boolean mayRead(String assignedTo, String createdBy) {
        return readOwners == null || owns(readOwners, assignedTo, createdBy);
    }

    public boolean mayWrite(String assignedTo, String createdBy) {
        return writeOwners == null || owns(writeOwners, assignedTo, createdBy);
    }

    private static boolean owns(Set<String> owners, String assignedTo, String createdBy) {
        return assignedTo != null && owners.contains(assignedTo) || createdBy != null && owners.contains(createdBy);
    }
}
