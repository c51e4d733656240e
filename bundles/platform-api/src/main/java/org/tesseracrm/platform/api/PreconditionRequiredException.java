package org.tesseracrm.platform.api;

import java.util.List;

/**
 * 428: a change that could overwrite someone else's without anybody noticing needs a precondition:
 * {@code If-Match} with the ETag the client read, or {@code If-Match: *} to overwrite knowingly.
 */
public class PreconditionRequiredException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException(String detail) {
        super(428, "Precondition Required", detail, List.of());
    }
}
