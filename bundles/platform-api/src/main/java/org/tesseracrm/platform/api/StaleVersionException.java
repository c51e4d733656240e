package org.tesseracrm.platform.api;

import java.util.List;

/** 412: the client's {@code If-Match} names a version that is no longer current. */
public class StaleVersionException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public StaleVersionException(long expected, long current) {
        super(412, "Precondition Failed", "The record was changed by someone else: you sent version "
                + expected + ", the current version is " + current, List.of());
        with("currentVersion", current);
    }

    public StaleVersionException(String detail) {
        super(412, "Precondition Failed", detail, List.of());
    }
}
