package org.tesseracrm.platform.api;

import java.util.List;

/** 401: the request carries no valid credentials. */
public class AuthenticationRequiredException extends ProblemException {
    private static final long serialVersionUID = 1L;

    private final boolean challenge;

    public AuthenticationRequiredException(String detail) {
        this(detail, true);
    }

    /** @param challenge whether to ask for HTTP Basic credentials (browsers then show their own sign-in box) */
    public AuthenticationRequiredException(String detail, boolean challenge) {
        super(401, "Unauthorized", detail, List.of());
        this.challenge = challenge;
    }

    /** Whether the answer asks for HTTP Basic credentials ({@code WWW-Authenticate}). */
    public boolean challenge() {
        return challenge;
    }
}
