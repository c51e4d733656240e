package org.tesseracrm.platform.api.spi;

import java.time.Instant;
import java.util.Locale;

/** What a {@link TimelineSource} is asked for: one record's entries before a position, at most a number. */
public final class TimelineQuery {
    public final String collection;
    public final String recordId;
    /** Entries strictly before this instant, or at it with a smaller id; null for the newest. */
    public final Instant before;
    public final String beforeId;
    public final int limit;
    /** The caller's language (Locale.ROOT for English), for titles. */
    public final Locale language;

    public TimelineQuery(String collection, String recordId, Instant before, String beforeId, int limit, Locale language) {
        this.collection = collection;
        this.recordId = recordId;
        this.before = before;
        this.beforeId = beforeId;
        this.limit = limit;
        this.language = language;
    }

    /** Whether the record is an account, whose timeline also shows its contacts', potentials' and documents' entries. */
    public boolean isAccount() {
        return "accounts".equals(collection);
    }

    /** Whether an entry at this position comes after the query's position (so it belongs in the answer). */
    public boolean isAfterPosition(Instant at, String id) {
        if (before == null) {
            return true;
        }
        int c = at.compareTo(before);
        return c < 0 || c == 0 && id.compareTo(beforeId) < 0;
    }
}
