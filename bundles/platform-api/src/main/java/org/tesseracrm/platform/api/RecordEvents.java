package org.tesseracrm.platform.api;

/**
 * Event Admin topics and properties posted after a record change commits:
 * {@code tessera/<module>/<ACTION>} with the record's id and number.
 */
public final class RecordEvents {
    public static final String CREATED = "CREATED";
    public static final String UPDATED = "UPDATED";
    public static final String DELETED = "DELETED";
    public static final String RESTORED = "RESTORED";

    public static final String PROPERTY_ID = "id";
    public static final String PROPERTY_NUMBER = "number";
    public static final String PROPERTY_USER = "user";

    private RecordEvents() {
    }

    public static String topic(String module, String action) {
        return "tessera/" + module + "/" + action;
    }
}
