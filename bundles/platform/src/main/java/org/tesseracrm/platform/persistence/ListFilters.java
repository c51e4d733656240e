package org.tesseracrm.platform.persistence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;

/**
 * A list's filters as JPQL conditions, one syntax for every module and field type:
 * {@code field=value}, {@code field[op]=value} with the operators of
 * {@link FieldDescriptor#filterOperators()}. Several values of an enum, user, reference or yes/no
 * field are separated by commas ({@code status=NEW,NURTURING}); {@code me} names the caller in a
 * user field; text is compared ignoring case and Vietnamese accents ({@code company=cong ty dong a}
 * finds "Công ty Đông Á"); a date is a day ({@code 2026-11-30}) or a period ({@code today},
 * {@code this_week}, {@code last_month}, {@code this_quarter}, {@code last_30_days}, …), which a
 * date-time field reads in the server's time zone. A bad filter is a 400 naming it.
 */
final class ListFilters {
    private static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\[([a-z]+)\\])?");
    private static final Pattern DAYS = Pattern.compile("(last|next)_(\\d{1,4})_days");
    /** Vietnamese letters with their marks (and đ), each folded to its base letter by {@link #FOLDED}. */
    static final String ACCENTED;
    static final String FOLDED;

    static {
        String lower = "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđ";
        String base = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";
        ACCENTED = lower + lower.toUpperCase(Locale.ROOT);
        FOLDED = base + base;
    }

    private final String caller;
    private final ZoneId zone;
    private final LocalDate today;

    ListFilters(String caller, ZoneId zone) {
        this.caller = caller;
        this.zone = zone;
        this.today = LocalDate.now(zone);
    }

    /** A filter's key: the field's name and the operator ({@code eq} when none is given). */
    static String[] key(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw ValueParser.invalid(key, "is not a filter: use field=value or field[operator]=value");
        }
        return new String[] {m.group(1), m.group(2) == null ? "eq" : m.group(2)};
    }

    /**
     * Adds the condition of {@code key=raw} on field {@code fd}, whose value is at {@code path}
     * (e.g. {@code e.status}) and of Java type {@code type}; true when it holds the field to a single
     * value, so the field may lead the list's order.
     */
    boolean add(Conditions conditions, String key, String operator, String raw, FieldDescriptor fd, Class<?> type, String path) {
        if (!fd.filterOperators().contains(operator)) {
            throw ValueParser.invalid(key, "takes the operators " + String.join(", ", fd.filterOperators()));
        }
        if (operator.equals("empty")) {
            boolean empty = bool(key, raw);
            boolean text = type == String.class;
            conditions.add(empty ? (text ? "(" + path + " IS NULL OR " + path + " = '')" : path + " IS NULL")
                    : (text ? "(" + path + " IS NOT NULL AND " + path + " <> '')" : path + " IS NOT NULL"));
            return false;
        }
        if (raw.isEmpty() && (operator.equals("eq") || operator.equals("not"))) {
            conditions.add(operator.equals("eq") ? path + " IS NULL" : path + " IS NOT NULL");
            return false;
        }
        switch (fd.type) {
            case STRING:
            case TEXT:
            case PHONE:
            case URL:
            case EMAIL:
                text(conditions, operator, raw, fd, path);
                return false;
            case DATE:
            case DATETIME:
            case INTEGER:
            case DECIMAL:
            case MONEY:
                return ordered(conditions, key, operator, raw, fd, type, path);
            case MULTI_ENUM:
                several(conditions, key, operator, raw, fd, path);
                return false;
            default:
                return choice(conditions, key, operator, raw, fd, type, path);
        }
    }

    /** Text compared without case and accents: equal, not equal, or containing. */
    private void text(Conditions conditions, String operator, String raw, FieldDescriptor fd, String path) {
        String folded = "LOWER(FUNCTION('TRANSLATE', " + path + ", ?, ?))";
        String value = fold(raw);
        switch (operator) {
            case "contains":
                conditions.add(folded + " LIKE ?", ACCENTED, FOLDED, "%" + value.replace("%", "").replace("_", "") + "%");
                break;
            case "not":
                conditions.add("(" + path + " IS NULL OR " + folded + " <> ?)", ACCENTED, FOLDED, value);
                break;
            default:
                conditions.add(folded + " = ?", ACCENTED, FOLDED, value);
        }
    }

    /** One of several values (an enum, a user, a reference, yes or no), or none of them. */
    private boolean choice(Conditions conditions, String key, String operator, String raw, FieldDescriptor fd, Class<?> type,
            String path) {
        List<Object> values = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String v = part.trim();
            if (fd.type == FieldType.USER && v.equals("me")) {
                if (caller == null) {
                    throw ValueParser.invalid(key, "cannot be 'me' outside a signed-in request");
                }
                v = caller;
            }
            if (fd.enumType == null && !fd.values.isEmpty()) {
                offered(key, v, fd);
            }
            values.add(ValueParser.parse(key, v, type));
        }
        String in = values.size() == 1 ? " = ?" : " IN ?";
        Object bound = values.size() == 1 ? values.get(0) : values;
        if (operator.equals("not")) {
            conditions.add("(" + path + " IS NULL OR " + path + (values.size() == 1 ? " <> ?" : " NOT IN ?") + ")", bound);
            return false;
        }
        conditions.add(path + in, bound);
        return values.size() == 1;
    }

    /** A multi-picklist ({@code |A|B|} in its column): holding any of the values, or none of them. */
    private void several(Conditions conditions, String key, String operator, String raw, FieldDescriptor fd, String path) {
        List<String> likes = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String code = offered(key, part.trim(), fd);
            likes.add(path + " LIKE ?");
            values.add("%|" + code + "|%");
        }
        String any = "(" + String.join(" OR ", likes) + ")";
        conditions.add(operator.equals("not") ? "(" + path + " IS NULL OR NOT " + any + ")" : any, values.toArray());
    }

    /** A picklist's code that the field has (offered or retired), else a 400 naming the filter. */
    private static String offered(String key, String code, FieldDescriptor fd) {
        if (fd.values.stream().noneMatch(v -> v.value.equals(code))) {
            throw ValueParser.invalid(key, "must be one of " + String.join(", ", fd.values.stream().map(v -> v.value).toList()));
        }
        return code;
    }

    /** Numbers and dates: equal, not equal, or on one side of a bound; a day or a period is a range. */
    private boolean ordered(Conditions conditions, String key, String operator, String raw, FieldDescriptor fd, Class<?> type,
            String path) {
        Object[] range = range(key, raw, fd, type);
        Object start = range[0];
        Object end = range[1]; // exclusive; null for a single value
        if (end == null) {
            switch (operator) {
                case "eq":
                    conditions.add(path + " = ?", start);
                    return true;
                case "not":
                    conditions.add("(" + path + " IS NULL OR " + path + " <> ?)", start);
                    return false;
                case "gt":
                    conditions.add(path + " > ?", start);
                    return false;
                case "lt":
                    conditions.add(path + " < ?", start);
                    return false;
                case "gte":
                case "from":
                    conditions.add(path + " >= ?", start);
                    return false;
                default: // lte, to
                    conditions.add(path + " <= ?", start);
                    return false;
            }
        }
        switch (operator) {
            case "eq":
                conditions.add(path + " >= ? AND " + path + " < ?", start, end);
                break;
            case "not":
                conditions.add("(" + path + " IS NULL OR " + path + " < ? OR " + path + " >= ?)", start, end);
                break;
            case "gt":
                conditions.add(path + " >= ?", end);
                break;
            case "lt":
                conditions.add(path + " < ?", start);
                break;
            case "gte":
            case "from":
                conditions.add(path + " >= ?", start);
                break;
            default: // lte, to: the whole day or period included
                conditions.add(path + " < ?", end);
        }
        return false;
    }

    /** A value as {start, end}: end is null for a single value, else the exclusive end of a day or period. */
    private Object[] range(String key, String raw, FieldDescriptor fd, Class<?> type) {
        if (fd.type != FieldType.DATE && fd.type != FieldType.DATETIME) {
            return new Object[] {ValueParser.parse(key, raw, type), null};
        }
        LocalDate[] days = period(raw);
        if (days == null && fd.type == FieldType.DATETIME && raw.contains("T")) {
            return new Object[] {ValueParser.parse(key, raw, Instant.class), null};
        }
        if (days == null) {
            try {
                LocalDate day = LocalDate.parse(raw);
                days = new LocalDate[] {day, day.plusDays(1)};
            } catch (DateTimeParseException e) {
                throw ValueParser.invalid(key, "'" + raw + "' is not a date (2026-11-30"
                        + (fd.type == FieldType.DATETIME ? ", an instant 2026-11-30T08:00:00Z" : "")
                        + ") or a period (today, yesterday, this_week, last_month, this_quarter, last_30_days, …)");
            }
        }
        if (fd.type == FieldType.DATE) {
            return new Object[] {days[0], days[1]};
        }
        return new Object[] {days[0].atStartOfDay(zone).toInstant(), days[1].atStartOfDay(zone).toInstant()};
    }

    /** A named period as {first day, day after the last}, or null when {@code raw} names none. */
    LocalDate[] period(String raw) {
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate yearStart = today.withDayOfYear(1);
        switch (raw) {
            case "today":
                return new LocalDate[] {today, today.plusDays(1)};
            case "yesterday":
                return new LocalDate[] {today.minusDays(1), today};
            case "tomorrow":
                return new LocalDate[] {today.plusDays(1), today.plusDays(2)};
            case "this_week":
                return new LocalDate[] {weekStart, weekStart.plusWeeks(1)};
            case "last_week":
                return new LocalDate[] {weekStart.minusWeeks(1), weekStart};
            case "next_week":
                return new LocalDate[] {weekStart.plusWeeks(1), weekStart.plusWeeks(2)};
            case "this_month":
                return new LocalDate[] {monthStart, monthStart.plusMonths(1)};
            case "last_month":
                return new LocalDate[] {monthStart.minusMonths(1), monthStart};
            case "next_month":
                return new LocalDate[] {monthStart.plusMonths(1), monthStart.plusMonths(2)};
            case "this_quarter":
                return new LocalDate[] {quarterStart, quarterStart.plusMonths(3)};
            case "last_quarter":
                return new LocalDate[] {quarterStart.minusMonths(3), quarterStart};
            case "next_quarter":
                return new LocalDate[] {quarterStart.plusMonths(3), quarterStart.plusMonths(6)};
            case "this_year":
                return new LocalDate[] {yearStart, yearStart.plusYears(1)};
            case "last_year":
                return new LocalDate[] {yearStart.minusYears(1), yearStart};
            case "next_year":
                return new LocalDate[] {yearStart.plusYears(1), yearStart.plusYears(2)};
            default:
                Matcher m = DAYS.matcher(raw);
                if (!m.matches()) {
                    return null;
                }
                int n = Integer.parseInt(m.group(2));
                // last_7_days: the 7 days up to and including today; next_7_days: today and the 6 after it
                return m.group(1).equals("last") ? new LocalDate[] {today.minusDays(n - 1L), today.plusDays(1)}
                        : new LocalDate[] {today, today.plusDays(n)};
        }
    }

    private static boolean bool(String key, String raw) {
        if (!raw.equals("true") && !raw.equals("false")) {
            throw ValueParser.invalid(key, "must be true or false");
        }
        return raw.equals("true");
    }

    /** Lower case without Vietnamese marks, as the database compares it ({@code TRANSLATE} then {@code LOWER}). */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = ACCENTED.indexOf(c);
            out.append(at >= 0 ? FOLDED.charAt(at) : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
