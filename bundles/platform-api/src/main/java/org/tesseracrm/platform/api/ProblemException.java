package org.tesseracrm.platform.api;

import org.osgi.annotation.versioning.ConsumerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. The platform answers it as RFC 9457
 * {@code application/problem+json} with this status, title and detail, the field errors and any
 * extension members. Modules throw the subclasses and never build error responses themselves.
 */
@ConsumerType
public abstract class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    protected ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra members of the problem document, such as the id of a conflicting record. */
    public Map<String, Object> extensions() {
        return extensions;
    }

    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    /** A short machine-readable name of the problem, used to build its {@code type} URI. */
    public String slug() {
        return title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    }
}
