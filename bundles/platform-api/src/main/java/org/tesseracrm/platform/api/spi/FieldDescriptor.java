package org.tesseracrm.platform.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tesseracrm.platform.api.Labeled;

/**
 * One field of a module's records: its wire name and type, whether clients must send it or may not
 * send it, whether lists filter and sort by it, its enum values with labels, or the collection a
 * reference points to.
 */
public final class FieldDescriptor {
    public final String name;
    public final FieldType type;
    public final boolean required;
    public final boolean readOnly;
    public final boolean filterable;
    public final boolean sortable;
    public final boolean searchable;
    public final Class<? extends Enum<?>> enumType;
    public final String references;
    /** For a DECIMAL field, the most digits after the point it keeps; null when the module decides. */
    public final Integer decimals;
    /** Labels given with the field itself (a custom field's); null when they come from the module's labels. */
    public final String labelEn;
    public final String labelVi;
    /** A picklist's values when they are not a Java enum (a custom field's), in their order; empty otherwise. */
    public final List<EnumValue> values;
    /** An administrator's field (its name starts with {@code cf_}), stored beside the module's own. */
    public final boolean custom;
    /** A value the field takes when a new record does not give one; null for none. */
    public final Object defaultValue;
    /** Whether no two live records may hold the same value. */
    public final boolean unique;
    /**
     * For a status field whose changes follow a {@link org.tesseracrm.platform.api.StateMachine}: the
     * values each value may change to (a final one to none); empty when any change is allowed.
     */
    public final Map<String, List<String>> steps;

    private FieldDescriptor(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.required = b.required;
        this.readOnly = b.readOnly;
        this.filterable = b.filterable;
        this.sortable = b.sortable;
        this.searchable = b.searchable;
        this.enumType = b.enumType;
        this.references = b.references;
        this.decimals = b.decimals;
        this.labelEn = b.labelEn;
        this.labelVi = b.labelVi;
        this.values = List.copyOf(b.values);
        this.custom = b.custom;
        this.defaultValue = b.defaultValue;
        this.unique = b.unique;
        this.steps = Map.copyOf(b.steps);
    }

    public static Builder field(String name, FieldType type) {
        return new Builder(name, type);
    }

    public static Builder enumField(String name, Class<? extends Enum<?>> enumType) {
        Builder b = new Builder(name, FieldType.ENUM);
        b.enumType = enumType;
        return b;
    }

    public static Builder reference(String name, String collection) {
        Builder b = new Builder(name, FieldType.REFERENCE);
        b.references = collection;
        return b;
    }

    /**
     * The operators its list filter takes ({@code ?field[op]=value}; {@code ?field=value} is
     * {@code eq}), none when it is not filterable: {@code eq} and {@code not} (several values of an
     * enum, user, reference or yes/no field separated by commas), {@code empty} ({@code true} or
     * {@code false}), {@code contains} for text, and {@code gt}, {@code gte}, {@code lt}, {@code lte},
     * {@code from} and {@code to} (both inclusive) for numbers and dates.
     */
    public List<String> filterOperators() {
        if (!filterable) {
            return List.of();
        }
        switch (type) {
            case STRING:
            case TEXT:
            case EMAIL:
            case PHONE:
            case URL:
                return List.of("eq", "not", "contains", "empty");
            case INTEGER:
            case DECIMAL:
            case MONEY:
            case DATE:
            case DATETIME:
                return List.of("eq", "not", "gt", "gte", "lt", "lte", "from", "to", "empty");
            default:
                return List.of("eq", "not", "empty");
        }
    }

    /** The values of an enum field with their labels (English and Vietnamese when labeled). */
    public List<EnumValue> enumValues() {
        if (enumType == null) {
            return this.values;
        }
        List<EnumValue> values = new ArrayList<>();
        if (enumType != null) {
            for (Enum<?> constant : enumType.getEnumConstants()) {
                if (constant instanceof Labeled) {
                    Labeled l = (Labeled) constant;
                    values.add(new EnumValue(constant.name(), l.labelEn(), l.labelVi()));
                } else {
                    values.add(new EnumValue(constant.name(), constant.name(), constant.name()));
                }
            }
        }
        return values;
    }

    public static final class EnumValue {
        public final String value;
        public final String en;
        public final String vi;
        /** A value no longer offered: records that hold it keep it and show its label. */
        public final boolean retired;

        public EnumValue(String value, String en, String vi) {
            this(value, en, vi, false);
        }

        public EnumValue(String value, String en, String vi, boolean retired) {
            this.value = value;
            this.en = en;
            this.vi = vi;
            this.retired = retired;
        }
    }

    public static final class Builder {
        private final String name;
        private final FieldType type;
        private boolean required;
        private boolean readOnly;
        private boolean filterable;
        private boolean sortable;
        private boolean searchable;
        private Class<? extends Enum<?>> enumType;
        private String references;
        private Integer decimals;
        private String labelEn;
        private String labelVi;
        private List<EnumValue> values = List.of();
        private boolean custom;
        private Object defaultValue;
        private boolean unique;
        private Map<String, List<String>> steps = Map.of();

        private Builder(String name, FieldType type) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
        }

        public Builder required() {
            required = true;
            return this;
        }

        /** Set by the server only; a client that sends it gets 400. */
        public Builder readOnly() {
            readOnly = true;
            return this;
        }

        public Builder filterable() {
            filterable = true;
            return this;
        }

        public Builder sortable() {
            sortable = true;
            return this;
        }

        /** Its text is found by the list's {@code q} search. */
        public Builder searchable() {
            searchable = true;
            return this;
        }

        /** A number with at most this many digits after the point (more is a 422, never rounded away). */
        public Builder decimals(int decimals) {
            this.decimals = decimals;
            return this;
        }

        /** Labels of the field itself, in English and Vietnamese. */
        public Builder label(String en, String vi) {
            this.labelEn = en;
            this.labelVi = vi;
            return this;
        }

        /** A picklist's values (for ENUM and MULTI_ENUM fields that are not a Java enum). */
        public Builder values(List<EnumValue> values) {
            this.values = values;
            return this;
        }

        /** The collection a REFERENCE field points to. */
        public Builder references(String collection) {
            this.references = collection;
            return this;
        }

        /** An administrator's field, stored beside the module's own. */
        public Builder custom() {
            this.custom = true;
            return this;
        }

        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        public Builder unique() {
            this.unique = true;
            return this;
        }

        /** The steps a status field may take, read from the state machine the module enforces. */
        public <S extends Enum<S>> Builder steps(org.tesseracrm.platform.api.StateMachine<S> machine, Class<S> values) {
            Map<String, List<String>> steps = new java.util.LinkedHashMap<>();
            for (S from : values.getEnumConstants()) {
                steps.put(from.name(), machine.targets(from).stream().map(Enum::name).sorted(
                        java.util.Comparator.comparingInt(n -> Enum.valueOf(values, n).ordinal())).toList());
            }
            this.steps = steps;
            return this;
        }

        public FieldDescriptor build() {
            return new FieldDescriptor(this);
        }
    }
}
