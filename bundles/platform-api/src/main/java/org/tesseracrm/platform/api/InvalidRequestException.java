package org.tesseracrm.platform.api;

import java.util.List;

/** 400: the request cannot be understood (malformed JSON, unknown or server-managed field, bad parameter). */
public class InvalidRequestException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(400, "Bad Request", detail, errors);
    }

    public InvalidRequestException(String detail) {
        this(detail, List.of());
    }
}
