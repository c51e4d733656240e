package org.tesseracrm.platform.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client asked a list for: text search, equality filters by field name, sort keys
 * ({@code field} ascending, {@code -field} descending), page size and the cursor of a previous page.
 */
public final class ListQuery {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public final String q;
    public final Map<String, String> filters;
    public final List<String> sort;
    public final int limit;
    public final String cursor;
    /** True to list the recycle bin instead of live records. */
    public final boolean deleted;

    public ListQuery(String q, Map<String, String> filters, List<String> sort, Integer limit,
            String cursor, boolean deleted) {
        this.q = q == null || q.isBlank() ? null : q;
        this.filters = Map.copyOf(new LinkedHashMap<>(filters == null ? Map.of() : filters));
        this.sort = sort == null ? List.of() : List.copyOf(sort);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT,
                    List.of(new FieldError("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        this.limit = limit == null ? DEFAULT_LIMIT : limit;
        this.cursor = cursor == null || cursor.isBlank() ? null : cursor;
        this.deleted = deleted;
    }

    public static ListQuery all() {
        return new ListQuery(null, Map.of(), List.of(), null, null, false);
    }
}
