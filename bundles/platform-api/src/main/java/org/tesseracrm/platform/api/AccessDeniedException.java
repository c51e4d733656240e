package org.tesseracrm.platform.api;

import java.util.List;

/** 403: the user is known but may not do this. */
public class AccessDeniedException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String detail) {
        super(403, "Forbidden", detail, List.of());
    }
}
