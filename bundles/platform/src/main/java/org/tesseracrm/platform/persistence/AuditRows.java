package org.tesseracrm.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import org.tesseracrm.platform.api.HistoryEntry;
import org.tesseracrm.platform.rest.Json;

/**
 * Writes a line of the audit trail in the record's own transaction, so a change and its history
 * are committed together or not at all.
 */
final class AuditRows {
    static final int LONGEST = 2000;
    private static final String INSERT = "INSERT INTO tessera_audit"
            + " (id, at, actor, via, action, collection, recordId, recordNumber, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private AuditRows() {
    }

    static void write(EntityManager em, String action, String collection, String recordId, String number, String user,
            String via, List<HistoryEntry.FieldChange> changes) {
        String json;
        try {
            // never null: PostgreSQL's driver cannot type a null bound in a native query
            json = Json.mapper().writeValueAsString(changes.stream().map(AuditRows::shortened).toList());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery(INSERT)
                .setParameter(1, RecordIds.newId())
                .setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, user == null ? "system" : user)
                .setParameter(4, via)
                .setParameter(5, action)
                .setParameter(6, collection)
                .setParameter(7, recordId)
                .setParameter(8, number)
                .setParameter(9, json)
                .executeUpdate();
    }

    /** Long texts are kept to their first {@value #LONGEST} characters, so a line stays within its column. */
    private static HistoryEntry.FieldChange shortened(HistoryEntry.FieldChange c) {
        return new HistoryEntry.FieldChange(c.field, shortened(c.from), shortened(c.to));
    }

    private static Object shortened(Object value) {
        if (value instanceof JsonNode && ((JsonNode) value).isTextual()) {
            String text = ((JsonNode) value).textValue();
            return text.length() <= LONGEST ? value : text.substring(0, LONGEST) + "…";
        }
        return value;
    }
}
