package org.tesseracrm.platform.persistence;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;

/**
 * Counts and totals of a list's records grouped by one or two fields ({@code by=stage},
 * {@code by=stage,closeDate:quarter}): the database groups (a date by its year, month and day as
 * the period needs), the records' values are summed there, and days become weeks, months quarters
 * here. Each group gets its count and, for a numeric {@code measure}, its sum, average, min and max.
 */
final class GroupedTotals {
    static final List<String> PERIODS = List.of("day", "week", "month", "quarter", "year");

    /** One way of grouping: a field, where its value is in JPQL, and for a date its period. */
    private static final class Group {
        final String name;
        final FieldDescriptor fd;
        final String path;
        final String period;

        Group(String name, FieldDescriptor fd, String path, String period) {
            this.name = name;
            this.fd = fd;
            this.path = path;
            this.period = period;
        }

        /** The JPQL expressions the database groups by. */
        List<String> expressions() {
            if (period == null) {
                return List.of(path);
            }
            List<String> parts = new ArrayList<>(List.of("EXTRACT(YEAR FROM " + path + ")"));
            if (!period.equals("year")) {
                parts.add("EXTRACT(MONTH FROM " + path + ")");
            }
            if (period.equals("day") || period.equals("week")) {
                parts.add("EXTRACT(DAY FROM " + path + ")");
            }
            return parts;
        }
    }

    private final List<Group> groups = new ArrayList<>();
    private final String measurePath;
    final String select;
    final String groupBy;

    /**
     * {@code by}: up to two fields, a date or date-time one with {@code :day}, {@code :week},
     * {@code :month}, {@code :quarter} or {@code :year}; {@code measure}: a numeric field or null.
     */
    GroupedTotals(List<String> by, String measure, Map<String, FieldDescriptor> fields, Map<String, Field> attributes) {
        if (by.isEmpty() || by.size() > 2) {
            throw ValueParser.invalid("by", "names one or two fields to group by");
        }
        for (String b : by) {
            String[] parts = b.split(":", 2);
            String name = parts[0];
            FieldDescriptor fd = fields.getOrDefault(name, ListPlan.RECORD_FILTERS.get(name));
            boolean date = fd != null && (fd.type == FieldType.DATE || fd.type == FieldType.DATETIME);
            if (fd == null || !fd.filterable || attributes.get(name) == null && !fd.custom
                    || fd.type == FieldType.TEXT || fd.type == FieldType.MULTI_ENUM || fd.type == FieldType.TAGS) {
                throw ValueParser.invalid("by", "cannot group by '" + name + "': a filterable field of this list is needed");
            }
            String period = parts.length > 1 ? parts[1] : date ? (fd.type == FieldType.DATE ? null : "day") : null;
            if (period != null && (!date || !PERIODS.contains(period))) {
                throw ValueParser.invalid("by", date ? "groups a date by day, week, month, quarter or year"
                        : "'" + name + "' is not a date: it takes no period");
            }
            groups.add(new Group(name, fd, ListPlan.path(fd, name), period));
        }
        if (measure != null) {
            FieldDescriptor fd = fields.get(measure);
            if (fd == null || (fd.type != FieldType.INTEGER && fd.type != FieldType.DECIMAL && fd.type != FieldType.MONEY)
                    || attributes.get(measure) == null && !fd.custom) {
                throw ValueParser.invalid("measure", "must be a numeric field of this list");
            }
            measurePath = ListPlan.path(fd, measure);
        } else {
            measurePath = null;
        }
        List<String> expressions = new ArrayList<>();
        groups.forEach(g -> expressions.addAll(g.expressions()));
        groupBy = String.join(", ", expressions);
        select = groupBy + ", COUNT(e)" + (measurePath == null ? ""
                : ", COUNT(" + measurePath + "), SUM(" + measurePath + "), MIN(" + measurePath + "), MAX(" + measurePath + ")");
    }

    /** The database's rows as groups: values (labels of periods), count, and sum, avg, min, max for a measure. */
    List<Map<String, Object>> totals(List<Object[]> rows) {
        Map<List<String>, Accumulator> byKey = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<String> key = new ArrayList<>();
            int i = 0;
            for (Group g : groups) {
                int n = g.expressions().size();
                key.add(label(g, row, i));
                i += n;
            }
            byKey.computeIfAbsent(key, k -> new Accumulator()).add(row, i, measurePath != null);
        }
        List<Map.Entry<List<String>, Accumulator>> sorted = new ArrayList<>(byKey.entrySet());
        sorted.sort(Map.Entry.comparingByKey(GroupedTotals::compareKeys));
        List<Map<String, Object>> totals = new ArrayList<>();
        for (Map.Entry<List<String>, Accumulator> e : sorted) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("value", e.getKey().get(0));
            if (groups.size() > 1) {
                group.put("values", e.getKey());
            }
            group.put("count", e.getValue().count);
            if (measurePath != null) {
                Accumulator a = e.getValue();
                group.put("sum", a.sum);
                group.put("avg", a.counted == 0 ? null : a.sum.divide(BigDecimal.valueOf(a.counted), 2, RoundingMode.HALF_UP));
                group.put("min", a.min);
                group.put("max", a.max);
            }
            totals.add(group);
        }
        return totals;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            int c = x.isEmpty() != y.isEmpty() ? (x.isEmpty() ? 1 : -1) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A group's value as text: an enum's code, a period as 2026-11-30, 2026-W48, 2026-11, 2026-Q4 or 2026; "" for none. */
    private static String label(Group g, Object[] row, int at) {
        Object first = row[at];
        if (first == null) {
            return "";
        }
        if (g.period == null) {
            return first instanceof Enum ? ((Enum<?>) first).name() : ValueParser.format(first);
        }
        int year = ((Number) first).intValue();
        switch (g.period) {
            case "year":
                return String.valueOf(year);
            case "quarter":
                return year + "-Q" + ((((Number) row[at + 1]).intValue() - 1) / 3 + 1);
            case "month":
                return String.format("%d-%02d", year, ((Number) row[at + 1]).intValue());
            default:
                LocalDate day = LocalDate.of(year, ((Number) row[at + 1]).intValue(), ((Number) row[at + 2]).intValue());
                return g.period.equals("day") ? day.toString()
                        : String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    /** Counts and a measure's sum, min and max, merged over the database's rows of one group. */
    private static final class Accumulator {
        long count;
        long counted;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min;
        BigDecimal max;

        void add(Object[] row, int at, boolean measured) {
            count += ((Number) row[at]).longValue();
            if (!measured) {
                return;
            }
            counted += ((Number) row[at + 1]).longValue();
            if (row[at + 2] != null) {
                sum = sum.add(decimal(row[at + 2]));
                BigDecimal low = decimal(row[at + 3]);
                BigDecimal high = decimal(row[at + 4]);
                min = min == null || low.compareTo(min) < 0 ? low : min;
                max = max == null || high.compareTo(max) > 0 ? high : max;
            }
        }

        private static BigDecimal decimal(Object n) {
            BigDecimal d = n instanceof BigDecimal ? (BigDecimal) n : new BigDecimal(n.toString());
            d = d.stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0) : d;
        }
    }

}
