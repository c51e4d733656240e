package org.tesseracrm.platform.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;

/** Turns a query-string or cursor value into an attribute's Java type; bad input is a 400. */
final class ValueParser {
    private ValueParser() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object parse(String field, String raw, Class<?> type) {
        if (raw == null) {
            return null;
        }
        try {
            if (type == String.class) {
                return raw;
            }
            if (type.isEnum()) {
                try {
                    return Enum.valueOf((Class<? extends Enum>) type, raw);
                } catch (IllegalArgumentException e) {
                    String allowed = Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                            .collect(Collectors.joining(", "));
                    throw invalid(field, "must be one of " + allowed);
                }
            }
            if (type == Boolean.class || type == boolean.class) {
                if ("true".equals(raw) || "false".equals(raw)) {
                    return Boolean.valueOf(raw);
                }
                throw invalid(field, "must be true or false");
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(raw);
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(raw);
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(raw);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(raw);
            }
            if (type == Instant.class) {
                return Instant.parse(raw);
            }
        } catch (InvalidRequestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid(field, "'" + raw + "' is not a valid " + type.getSimpleName());
        }
        throw invalid(field, "cannot be used in a query");
    }

    /** The form a value takes in a cursor, read back by {@link #parse}. */
    static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        return value.toString();
    }

    static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(field + " " + message, List.of(new FieldError(field, message)));
    }
}
