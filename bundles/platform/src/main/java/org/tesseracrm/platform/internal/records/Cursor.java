package org.tesseracrm.platform.internal.records;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Page;

/** A position in a newest-first list (an instant, then an id), as the opaque cursor of its next page. */
public final class Cursor {
    public final Instant at;
    public final String id;

    public Cursor(Instant at, String id) {
        this.at = at;
        this.id = id;
    }

    /** The SQL condition "strictly after this position" on {@code column} and {@code id}: three parameters (at, at, id). */
    public static String before(String column) {
        return "(" + column + " < ? OR (" + column + " = ? AND id < ?))";
    }

    /**
     * The rows of a platform table (collection, record_id, account_id) in a timeline: the record's own,
     * and for an account those of its records, after the query's position on {@code atColumn}.
     */
    public static String timeline(org.tesseracrm.platform.api.spi.TimelineQuery query, String atColumn, List<Object> parameters) {
        parameters.add(query.collection);
        parameters.add(query.recordId);
        String where = "(collection = ? AND record_id = ?";
        if (query.isAccount()) {
            where += " OR account_id = ?";
            parameters.add(query.recordId);
        }
        where += ")";
        if (query.before != null) {
            where += " AND " + before(atColumn);
            parameters.add(query.before);
            parameters.add(query.before);
            parameters.add(query.beforeId);
        }
        return where;
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; null for none; a 400 for anything this API did not hand out. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n");
            if (parts.length != 2 || parts[1].isEmpty() || parts[1].length() > 40) {
                throw new IllegalArgumentException();
            }
            return new Cursor(Instant.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor is not a cursor of this list",
                    List.of(new FieldError("cursor", "is not a cursor of this list")));
        }
    }

    /** A page of {@code limit} from up to {@code limit + 1} rows: the extra row says there is a next page. */
    public static <T> Page<T> page(List<T> rows, int limit, Function<T, Cursor> position) {
        boolean more = rows.size() > limit;
        List<T> items = more ? new ArrayList<>(rows.subList(0, limit)) : rows;
        return new Page<>(items, more ? position.apply(items.get(items.size() - 1)).encode() : null);
    }

    /** The limit parameter of a list: 1 to {@code max}, {@code fallback} when absent. */
    public static int limit(String limit, int fallback, int max) {
        if (limit == null || limit.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException("limit must be 1 to " + max, List.of(new FieldError("limit", "must be 1 to " + max)));
    }
}
