package org.tesseracrm.platform.persistence;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;

/**
 * The rules a module's descriptor declares for its fields: required, length, text, e-mail, numbers'
 * size and places, addresses, users that exist and references to live records.
 */
final class FieldRules<D> {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final Collection<FieldDescriptor> fields;
    private final BiFunction<D, String, Object> valueOf;
    private final RecordContext context;
    private final ReferenceGuard references;

    FieldRules(Collection<FieldDescriptor> fields, BiFunction<D, String, Object> valueOf, RecordContext context,
            ReferenceGuard references) {
        this.fields = fields;
        this.valueOf = valueOf;
        this.context = context;
        this.references = references;
    }

    /** What is wrong with {@code record}, the new state of record {@code selfId} (null when new) that was {@code before}. */
    void check(D record, String selfId, D before, List<FieldError> errors, List<FieldDescriptor> custom) {
        List<FieldDescriptor> all = new java.util.ArrayList<>(fields);
        all.addAll(custom);
        for (FieldDescriptor fd : all) {
            if (fd.readOnly) {
                continue;
            }
            Object value = valueOf.apply(record, fd.name);
            if (fd.required && (value == null || value instanceof String && ((String) value).isBlank())) {
                errors.add(new FieldError(fd.name, "is required"));
                continue;
            }
            if (value instanceof String) {
                checkText(fd, (String) value, errors);
            } else if (value instanceof BigDecimal) {
                checkNumber(fd, (BigDecimal) value, errors);
            } else if (value instanceof Address) {
                checkAddress(fd.name, (Address) value, errors);
            }
            if (fd.type == FieldType.USER && value instanceof String && !((String) value).isEmpty()
                    && !value.equals(before == null ? null : valueOf.apply(before, fd.name)) && !context.isUser((String) value)) {
                // checked when set or changed: a record keeps a user that has left since
                errors.add(new FieldError(fd.name, "is not an active user of Tessera: " + value));
            }
            if (fd.type == FieldType.REFERENCE && value instanceof String && ((String) value).length() <= 36) {
                references.check(fd, (String) value, selfId, errors);
            }
            if (fd.custom) {
                org.tesseracrm.platform.internal.fields.CustomValues.check(fd, value,
                        before == null ? null : valueOf.apply(before, fd.name), errors);
            }
        }
    }

    private static void checkText(FieldDescriptor fd, String s, List<FieldError> errors) {
        int max = maxLength(fd);
        String text = TextRules.problem(s, fd.type, fd.required);
        if (s.length() > max) {
            errors.add(new FieldError(fd.name, "must be at most " + max + " characters"));
        } else if (text != null) {
            errors.add(new FieldError(fd.name, text));
        } else if (fd.type == FieldType.EMAIL && !s.isEmpty() && !EMAIL.matcher(s).matches()) {
            errors.add(new FieldError(fd.name, "is not an email address"));
        }
    }

    private static void checkNumber(FieldDescriptor fd, BigDecimal n, List<FieldError> errors) {
        if (n.precision() - n.scale() > 15) {
            errors.add(new FieldError(fd.name, "is too large"));
        } else if (fd.decimals != null && n.stripTrailingZeros().scale() > fd.decimals) {
            errors.add(new FieldError(fd.name, fd.decimals == 0 ? "must be a whole number"
                    : "must have at most " + fd.decimals + " digits after the point"));
        }
    }

    private static void checkAddress(String name, Address a, List<FieldError> errors) {
        checkLength(name + ".street", a.street, 255, errors);
        checkLength(name + ".city", a.city, 100, errors);
        checkLength(name + ".state", a.state, 100, errors);
        checkLength(name + ".postalCode", a.postalCode, 20, errors);
        checkLength(name + ".country", a.country, 100, errors);
    }

    private static void checkLength(String name, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
        } else if (value != null) {
            String text = TextRules.problem(value, FieldType.STRING, false);
            if (text != null) {
                errors.add(new FieldError(name, text));
            }
        }
    }

    /** Column sizes by field type; migrations create columns of these sizes. */
    static int maxLength(FieldDescriptor fd) {
        switch (fd.type) {
            case TEXT:
                return 4000;
            case EMAIL:
                return 254;
            case PHONE:
                return 40;
            case URL:
                return 500;
            case REFERENCE:
                return 36;
            default:
                return 255;
        }
    }
}
