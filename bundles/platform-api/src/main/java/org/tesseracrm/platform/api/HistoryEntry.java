package org.tesseracrm.platform.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a record's history or of the audit trail: who did what, when, through what ("web",
 * "token &lt;name&gt;", "basic", "import", "system"), and for a change each field's old and new value.
 */
public class HistoryEntry {
    public String id;
    public Instant at;
    public String user;
    public String via;
    /** CREATED, UPDATED, DELETED, RESTORED, an action of the module (CONVERTED, …) or a security event. */
    public String action;
    public String collection;
    public String recordId;
    public String recordNumber;
    public List<FieldChange> changes = new ArrayList<>();
    /** What a security event concerns (a token's name, the address of a sign-in), when it says more than the rest. */
    public String detail;

    /** A field's value before and after. */
    public static final class FieldChange {
        public String field;
        /** The field's label in the caller's language (Accept-Language), as the module declares it. */
        public String label;
        public Object from;
        public Object to;

        public FieldChange() {
        }

        public FieldChange(String field, Object from, Object to) {
            this.field = field;
            this.from = from;
            this.to = to;
        }
    }
}
