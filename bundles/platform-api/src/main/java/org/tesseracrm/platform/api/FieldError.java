package org.tesseracrm.platform.api;

/** One invalid field of a request, as listed in a problem's {@code errors}. */
public final class FieldError {
    public final String field;
    public final String message;

    public FieldError(String field, String message) {
        this.field = field;
        this.message = message;
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
