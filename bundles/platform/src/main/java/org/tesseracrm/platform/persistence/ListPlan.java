package org.tesseracrm.platform.persistence;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.text.TextFolding;

/**
 * Turns a {@link ListQuery} into one JPQL query: filters ({@link ListFilters}), folded text search, sort on
 * allow-listed fields with the id as tie-breaker, and a keyset condition from the cursor (no
 * OFFSET, no count). Nulls of optional columns sort first ascending and last descending, on H2 and
 * PostgreSQL alike; columns that are never null get plain ASC/DESC and a range bound on the first
 * key, so an index on (key, id) serves the page directly.
 */
final class ListPlan {
    static final String DEFAULT_SORT = "-createdAt";
    /** Fields every record has and every list filters by, besides the module's own. */
    static final Map<String, FieldDescriptor> RECORD_FILTERS = Map.of(
            "createdAt", FieldDescriptor.field("createdAt", FieldType.DATETIME).filterable().build(),
            "updatedAt", FieldDescriptor.field("updatedAt", FieldType.DATETIME).filterable().build(),
            "createdBy", FieldDescriptor.field("createdBy", FieldType.USER).filterable().build(),
            "updatedBy", FieldDescriptor.field("updatedBy", FieldType.USER).filterable().build());

    private final List<SortKey> keys = new ArrayList<>();
    private final String signature;
    final Conditions conditions;
    /** Whether the list searches the records' text ({@code q}). */
    final boolean searchesText;
    final String jpql;
    /** The number of rows the filters and search select (meant for a query without a cursor). */
    final String countJpql;
    /** The FROM and WHERE part, for aggregates over the same rows. */
    final String from;

    ListPlan(String entityName, Map<String, FieldDescriptor> fields, Map<String, Field> attributes,
            ListQuery query, Conditions conditions, ListFilters filters) {
        this.conditions = conditions;
        conditions.add(query.deleted ? "e.deletedAt IS NOT NULL" : "e.deletedAt IS NULL");
        List<String> constant = new ArrayList<>();
        for (Map.Entry<String, String> filter : query.filters.entrySet()) {
            String[] key = ListFilters.key(filter.getKey());
            String name = key[0];
            FieldDescriptor fd = fields.getOrDefault(name, RECORD_FILTERS.get(name));
            Field attribute = attributes.get(name);
            if (fd == null || !fd.filterable || attribute == null && !fd.custom) {
                throw ValueParser.invalid(filter.getKey(), "is not a filter of this list; filters: " + names(fields, true)
                        + ", createdAt, updatedAt, createdBy, updatedBy");
            }
            if (filters.add(conditions, filter.getKey(), key[1], filter.getValue(), fd, typeOf(fd, attribute), path(fd, name))) {
                constant.add(path(fd, name));
            }
        }
        List<String> words = TextFolding.tokens(query.q);
        this.searchesText = !words.isEmpty();
        for (String token : words) {
            // Folded text, so "nguyen van" finds "Nguyễn Văn An". Scanned in the list's index order and
            // stopped at the page's end: fast for common words, slow for rare ones in big tables.
            conditions.add("e.searchText LIKE ?", "%" + token + "%");
        }

        List<String> sort = query.sort.isEmpty() ? List.of(DEFAULT_SORT) : query.sort;
        for (String s : sort) {
            boolean descending = s.startsWith("-");
            String name = descending ? s.substring(1) : s;
            FieldDescriptor fd = fields.get(name);
            Field attribute = attributes.get(name);
            boolean builtIn = name.equals("createdAt") || name.equals("updatedAt") || name.equals("number");
            if ((fd == null || !fd.sortable) && !builtIn || attribute == null && (fd == null || !fd.custom)) {
                throw ValueParser.invalid("sort", "cannot sort by '" + name + "'; sortable: "
                        + names(fields, false) + ", createdAt, updatedAt, number");
            }
            if (keys.stream().noneMatch(k -> k.name.equals(name))) {
                // A custom field may be empty in any record, whatever it requires of new ones.
                keys.add(new SortKey(name, path(fd, name), descending, attribute, typeOf(fd, attribute),
                        !builtIn && (fd == null || !fd.required || fd.custom)));
            }
        }
        // The tie-breaker runs the same way as the last key, so one index scan serves the order.
        keys.add(new SortKey("id", "e.id", keys.get(keys.size() - 1).descending, attributes.get("id"), String.class, false));
        signature = keys.stream().map(k -> (k.descending ? "-" : "") + k.name).collect(Collectors.joining(","));

        if (query.cursor != null) {
            addKeyset(decode(query.cursor));
        }
        // Columns held equal by a filter lead the order: it does not change the rows' order, and lets
        // an index on (filter, sort key, id) deliver the page already sorted.
        String order = constant.stream().map(c -> c + " ASC, ").collect(Collectors.joining()) + keys.stream()
                .map(k -> k.path + (k.descending ? " DESC" : " ASC") + (!k.nullable ? ""
                        : k.descending ? " NULLS LAST" : " NULLS FIRST"))
                .collect(Collectors.joining(", "));
        jpql = "SELECT e FROM " + entityName + " e" + conditions.where() + " ORDER BY " + order;
        countJpql = "SELECT COUNT(e) FROM " + entityName + " e" + conditions.where();
        from = " FROM " + entityName + " e" + conditions.where();
    }

    /** Rows after the cursor: OR over i of (k1 = c1 AND … AND k(i-1) = c(i-1) AND ki after ci). */
    private void addKeyset(List<Object> values) {
        List<String> alternatives = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                Object v = values.get(j);
                if (v == null) {
                    parts.add(keys.get(j).path + " IS NULL");
                } else {
                    parts.add(keys.get(j).path + " = ?");
                    parameters.add(v);
                }
            }
            SortKey k = keys.get(i);
            Object v = values.get(i);
            if (!k.nullable && v != null) {
                parts.add(k.path + (k.descending ? " < ?" : " > ?"));
                parameters.add(v);
            } else if (!k.descending) {
                if (v == null) {
                    parts.add(k.path + " IS NOT NULL");
                } else {
                    parts.add(k.path + " > ?");
                    parameters.add(v);
                }
            } else {
                if (v == null) {
                    continue; // nothing sorts after a null in descending order but other nulls
                }
                parts.add("(" + k.path + " < ? OR " + k.path + " IS NULL)");
                parameters.add(v);
            }
            alternatives.add("(" + String.join(" AND ", parts) + ")");
        }
        conditions.add("(" + String.join(" OR ", alternatives) + ")", parameters.toArray());
        SortKey first = keys.get(0);
        if (!first.nullable && values.get(0) != null) {
            // Redundant but sargable: lets the database start the index range at the cursor.
            conditions.add(first.path + (first.descending ? " <= ?" : " >= ?"), values.get(0));
        }
    }

    /** The cursor that continues after {@code last}, whose custom field values are {@code custom}. */
    String cursorAfter(Object last, Map<String, Object> custom) {
        StringBuilder sb = new StringBuilder(signature);
        try {
            for (SortKey k : keys) {
                String v = ValueParser.format(k.attribute == null ? custom.get(k.name) : k.attribute.get(last));
                sb.append('\n').append(v == null ? "\u0000" : v.replace("\n", " "));
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<Object> decode(String cursor) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
        String[] parts = text.split("\n", -1);
        if (parts.length != keys.size() + 1 || !parts[0].equals(signature)) {
            throw badCursor();
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String raw = parts[i + 1];
            try {
                values.add(raw.equals("\u0000") ? null : ValueParser.parse(keys.get(i).name, raw, keys.get(i).type));
            } catch (InvalidRequestException e) {
                throw badCursor();
            }
        }
        return values;
    }

    private static InvalidRequestException badCursor() {
        return ValueParser.invalid("cursor", "is not a cursor of this list with this sort");
    }

    private static String names(Map<String, FieldDescriptor> fields, boolean filterable) {
        return fields.values().stream().filter(f -> filterable ? f.filterable : f.sortable)
                .map(f -> f.name).sorted().collect(Collectors.joining(", "));
    }

    /** Where a field's value is in JPQL: the entity's attribute, or the column of a custom field. */
    static String path(FieldDescriptor fd, String name) {
        return fd != null && fd.custom ? "COLUMN('" + name + "', e)" : "e." + name;
    }

    private static Class<?> typeOf(FieldDescriptor fd, Field attribute) {
        return attribute != null ? attribute.getType() : org.tesseracrm.platform.internal.fields.CustomValues.javaType(fd.type);
    }

    private static final class SortKey {
        final String name;
        final String path;
        final boolean descending;
        /** The entity's attribute; null for a custom field, whose value comes with the record's custom values. */
        final Field attribute;
        final Class<?> type;
        final boolean nullable;

        SortKey(String name, String path, boolean descending, Field attribute, Class<?> type, boolean nullable) {
            this.name = name;
            this.path = path;
            this.descending = descending;
            this.attribute = attribute;
            this.type = type;
            this.nullable = nullable;
            if (attribute != null) {
                attribute.setAccessible(true);
            }
        }
    }
}
