package org.tesseracrm.platform.api.spi;

import java.util.Objects;

/**
 * An action on one record that a module offers beyond editing ({@code POST /api/v1/<collection>/{id}/<name>}
 * with no body), so generic clients such as the web UI can offer it as a button: e.g. a quote's
 * {@code invoice}, which answers with the new record of {@link #creates}.
 */
public final class ActionDescriptor {
    public final String name;
    public final String labelEn;
    public final String labelVi;
    /** The collection of the record the action creates (its answer), or null when it answers the same record. */
    public final String creates;

    /** The field whose value decides when the action applies (e.g. {@code stage}), or null when it always does. */
    public final String whenField;
    /** The values of {@link #whenField} at which the action applies. */
    public final java.util.List<String> whenValues;

    public ActionDescriptor(String name, String labelEn, String labelVi, String creates) {
        this(name, labelEn, labelVi, creates, null, java.util.List.of());
    }

    private ActionDescriptor(String name, String labelEn, String labelVi, String creates, String whenField, java.util.List<String> whenValues) {
        this.name = Objects.requireNonNull(name);
        this.labelEn = Objects.requireNonNull(labelEn);
        this.labelVi = Objects.requireNonNull(labelVi);
        this.creates = creates;
        this.whenField = whenField;
        this.whenValues = java.util.List.copyOf(whenValues);
    }

    /**
     * The same action, offered only while {@code field} has one of {@code values} (e.g. a quote's
     * {@code invoice} while its stage is ACCEPTED), so clients do not offer what would be refused.
     */
    public ActionDescriptor when(String field, String... values) {
        return new ActionDescriptor(name, labelEn, labelVi, creates, Objects.requireNonNull(field), java.util.List.of(values));
    }
}
