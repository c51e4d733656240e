package org.tesseracrm.platform.api;

import java.util.List;

/** 409: the request conflicts with the current state (duplicate, already done, still referenced). */
public class ConflictException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String detail) {
        super(409, "Conflict", detail, List.of());
    }
}
