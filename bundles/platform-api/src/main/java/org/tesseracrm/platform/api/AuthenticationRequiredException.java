package org.tesseracrm.platform.api;

import java.util.List;

/** 401: the request carries no valid credentials. */
public class AuthenticationRequiredException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public AuthenticationRequiredException(String detail) {
        super(401, "Unauthorized", detail, List.of());
    }
}
