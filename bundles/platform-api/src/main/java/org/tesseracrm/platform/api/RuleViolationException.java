package org.tesseracrm.platform.api;

import java.util.List;

/** 422: the request is well formed but breaks a business rule (validation, illegal status change). */
public class RuleViolationException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public RuleViolationException(String detail, List<FieldError> errors) {
        super(422, "Unprocessable Content", detail, errors);
    }

    public RuleViolationException(String field, String message) {
        this(message, List.of(new FieldError(field, message)));
    }

    @Override
    public String slug() {
        return "rule-violation";
    }
}
