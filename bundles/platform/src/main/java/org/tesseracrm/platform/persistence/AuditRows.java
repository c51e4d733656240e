package org.tesseracrm.platform.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        em.createNativeQuery(INSERT)
                .setParameter(1, RecordIds.newId())
                .setParameter(2, Timestamp.from(Instant.now()))
                .setParameter(3, user == null ? "system" : user)
                .setParameter(4, via)
                .setParameter(5, action)
                .setParameter(6, collection)
                .setParameter(7, recordId)
                .setParameter(8, number)
                .setParameter(9, json(changes))
                .executeUpdate();
    }

    /** One line of the trail, for {@link #writeAll}. */
    record Line(String action, String recordId, String number, List<HistoryEntry.FieldChange> changes) {
    }

    /**
     * Many lines of one collection at once, as one JDBC batch on the transaction's connection (after
     * the entity manager's own writes were flushed): a bulk creation writes its history in a few
     * round trips instead of one statement per record.
     */
    static void writeAll(EntityManager em, String collection, String user, String via, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        Timestamp at = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Line line : lines) {
                insert.setString(1, RecordIds.newId());
                insert.setTimestamp(2, at);
                insert.setString(3, user == null ? "system" : user);
                insert.setString(4, via);
                insert.setString(5, line.action());
                insert.setString(6, collection);
                insert.setString(7, line.recordId());
                insert.setString(8, line.number());
                insert.setString(9, json(line.changes()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("The history of " + lines.size() + " " + collection + " records could not be written", e);
        }
    }

    private static String json(List<HistoryEntry.FieldChange> changes) {
        try {
            // never null: PostgreSQL's driver cannot type a null bound in a native query
            return Json.mapper().writeValueAsString(changes.stream().map(AuditRows::shortened).toList());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
