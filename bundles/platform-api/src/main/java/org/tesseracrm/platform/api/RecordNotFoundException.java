package org.tesseracrm.platform.api;

import java.util.List;

/** 404: no such record, or one the caller may not see. */
public class RecordNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String module, String id) {
        super(404, "Not Found", "No " + module + " record with id " + id, List.of());
    }
}
