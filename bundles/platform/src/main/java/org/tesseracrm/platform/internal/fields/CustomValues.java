package org.tesseracrm.platform.internal.fields;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import com.fasterxml.jackson.databind.JsonNode;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;

/**
 * The values of custom fields: from JSON (a 400 naming the field for a value of the wrong shape),
 * their rules beyond the shape, and to and from their columns of the module's table.
 */
public final class CustomValues {
    private CustomValues() {
    }

    /** The Java type of a field's values, as filters and cursors parse them. */
    public static Class<?> javaType(FieldType type) {
        switch (type) {
            case INTEGER:
                return Long.class;
            case DECIMAL:
            case MONEY:
                return BigDecimal.class;
            case DATE:
                return LocalDate.class;
            case DATETIME:
                return Instant.class;
            case BOOLEAN:
                return Boolean.class;
            default:
                return String.class;
        }
    }

    /** A JSON value as the field's Java value (null stays null). */
    public static Object fromJson(FieldDescriptor fd, JsonNode v, Object unused) {
        if (v == null || v.isNull()) {
            return null;
        }
        switch (fd.type) {
            case INTEGER:
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw invalid(fd, "must be a whole number");
                }
                return v.longValue();
            case DECIMAL:
            case MONEY:
                if (!v.isNumber()) {
                    throw invalid(fd, "must be a number");
                }
                return v.decimalValue();
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw invalid(fd, "must be true or false");
                }
                return v.booleanValue();
            case DATE:
                try {
                    return LocalDate.parse(text(fd, v, "a date (YYYY-MM-DD)"));
                } catch (DateTimeParseException e) {
                    throw invalid(fd, "must be a date (YYYY-MM-DD)");
                }
            case DATETIME:
                try {
                    return Instant.parse(text(fd, v, "a date-time (ISO-8601)"));
                } catch (DateTimeParseException e) {
                    throw invalid(fd, "must be a date-time (ISO-8601, e.g. 2026-11-30T08:00:00Z)");
                }
            case MULTI_ENUM:
                if (!v.isArray()) {
                    throw invalid(fd, "must be a list of values");
                }
                List<String> codes = new ArrayList<>();
                for (JsonNode item : v) {
                    String code = text(fd, item, "a list of values");
                    if (!codes.contains(code)) {
                        codes.add(code);
                    }
                }
                return codes;
            default:
                return text(fd, v, "text");
        }
    }

    private static String text(FieldDescriptor fd, JsonNode v, String what) {
        if (!v.isTextual()) {
            throw invalid(fd, "must be " + what);
        }
        return v.textValue();
    }

    private static InvalidRequestException invalid(FieldDescriptor fd, String message) {
        return new InvalidRequestException(fd.name + " " + message, List.of(new FieldError(fd.name, message)));
    }

    /**
     * What the field's declaration asks of a value beyond the record machinery's common rules: a
     * picklist value must be offered (a retired one only if the record already held it), a number
     * must fit its column.
     */
    public static void check(FieldDescriptor fd, Object value, Object before, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (fd.type == FieldType.ENUM) {
            checkCode(fd, (String) value, before == null ? List.of() : List.of(String.valueOf(before)), errors);
        } else if (fd.type == FieldType.MULTI_ENUM) {
            @SuppressWarnings("unchecked")
            List<String> held = before instanceof List ? (List<String>) before : List.of();
            @SuppressWarnings("unchecked")
            List<String> codes = (List<String>) value;
            for (String code : codes) {
                checkCode(fd, code, held, errors);
            }
            if (String.join("|", codes).length() > 1990) {
                errors.add(new FieldError(fd.name, "holds too many values"));
            }
        }
    }

    private static void checkCode(FieldDescriptor fd, String code, List<String> held, List<FieldError> errors) {
        for (FieldDescriptor.EnumValue v : fd.values) {
            if (v.value.equals(code) && (!v.retired || held.contains(code))) {
                return;
            }
        }
        List<String> offered = new ArrayList<>();
        fd.values.stream().filter(v -> !v.retired).forEach(v -> offered.add(v.value));
        errors.add(new FieldError(fd.name, "must be one of " + String.join(", ", offered)));
    }

    /** The custom values of these records, by record id. */
    public static Map<String, Map<String, Object>> read(EntityManager em, String table, List<FieldDescriptor> fields,
            List<String> ids) {
        Map<String, Map<String, Object>> values = new LinkedHashMap<>();
        if (fields.isEmpty() || ids.isEmpty()) {
            return values;
        }
        StringBuilder sql = new StringBuilder("SELECT id");
        fields.forEach(f -> sql.append(", ").append(f.name));
        sql.append(" FROM ").append(table).append(" WHERE id IN (")
                .append(String.join(", ", Collections.nCopies(ids.size(), "?"))).append(")");
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < ids.size(); i++) {
            q.setParameter(i + 1, ids.get(i));
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                Object v = fromColumn(fields.get(i), r[i + 1]);
                if (v != null) {
                    record.put(fields.get(i).name, v);
                }
            }
            values.put((String) r[0], record);
        }
        return values;
    }

    /** Writes these custom values of record {@code id} (fields left out keep theirs). */
    public static void write(EntityManager em, String table, List<FieldDescriptor> fields, String id, Map<String, Object> values) {
        List<String> sets = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (FieldDescriptor f : fields) {
            if (!values.containsKey(f.name)) {
                continue;
            }
            Object column = toColumn(f, values.get(f.name));
            if (column == null) {
                sets.add(f.name + " = NULL"); // a bound null has no type PostgreSQL can infer
            } else {
                sets.add(f.name + " = ?");
                parameters.add(column);
            }
        }
        if (sets.isEmpty()) {
            return;
        }
        Query q = em.createNativeQuery("UPDATE " + table + " SET " + String.join(", ", sets) + " WHERE id = ?");
        for (int i = 0; i < parameters.size(); i++) {
            q.setParameter(i + 1, parameters.get(i));
        }
        q.setParameter(parameters.size() + 1, id);
        q.executeUpdate();
    }

    static Object toColumn(FieldDescriptor f, Object value) {
        if (value == null) {
            return null;
        }
        switch (f.type) {
            case DATE:
                return java.sql.Date.valueOf((LocalDate) value);
            case DATETIME:
                return Timestamp.from((Instant) value);
            case MULTI_ENUM:
                @SuppressWarnings("unchecked")
                List<String> codes = (List<String>) value;
                return codes.isEmpty() ? null : "|" + String.join("|", codes) + "|";
            default:
                return value;
        }
    }

    static Object fromColumn(FieldDescriptor f, Object column) {
        if (column == null) {
            return null;
        }
        switch (f.type) {
            case INTEGER:
                return ((Number) column).longValue();
            case DECIMAL:
            case MONEY:
                BigDecimal d = column instanceof BigDecimal ? (BigDecimal) column : new BigDecimal(column.toString());
                d = d.stripTrailingZeros();
                return d.scale() < 0 ? d.setScale(0) : d;
            case DATE:
                return column instanceof java.sql.Date ? ((java.sql.Date) column).toLocalDate() : LocalDate.parse(column.toString());
            case DATETIME:
                return column instanceof Timestamp ? ((Timestamp) column).toInstant() : Instant.parse(column.toString());
            case BOOLEAN:
                return column instanceof Boolean ? column : Boolean.valueOf(column.toString());
            case MULTI_ENUM:
                List<String> codes = new ArrayList<>();
                for (String code : column.toString().split("\\|")) {
                    if (!code.isEmpty()) {
                        codes.add(code);
                    }
                }
                return codes;
            default:
                return column.toString();
        }
    }
}
