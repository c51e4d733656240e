package org.tesseracrm.platform.api;

import java.util.List;

/** 413: the request body is larger than the server accepts. */
public class PayloadTooLargeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long maxBytes) {
        super(413, "Content Too Large", "The request body exceeds " + maxBytes + " bytes", List.of());
    }
}
