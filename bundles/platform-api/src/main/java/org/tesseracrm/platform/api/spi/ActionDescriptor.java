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

    public ActionDescriptor(String name, String labelEn, String labelVi, String creates) {
        this.name = Objects.requireNonNull(name);
        this.labelEn = Objects.requireNonNull(labelEn);
        this.labelVi = Objects.requireNonNull(labelVi);
        this.creates = creates;
    }
}
