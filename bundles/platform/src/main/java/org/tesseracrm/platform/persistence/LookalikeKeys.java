package org.tesseracrm.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.internal.exchange.Duplicates;
import org.tesseracrm.platform.internal.security.Sha256;
import org.tesseracrm.platform.rest.Json;

/**
 * Each record's duplicate keys (its module's {@code duplicateKeys()}, folded as the look-alike check
 * compares them, then hashed) in {@code tessera_lookalike}, written in the record's own transaction:
 * a new record's look-alikes are one index probe per key, whatever the size of the table or the
 * database's statistics, where a text search per key grew with the table.
 *
 * <p>A record keeps its rows in the recycle bin (a restore needs them) and a row may outlive a change
 * made while the table was being filled: readers check every record they are given against the key.
 * What must never happen is a record missing its row, so writers always write and the filling of a
 * module's existing records only adds.
 */
final class LookalikeKeys<D extends RecordDto> {
    private static final Logger LOG = LoggerFactory.getLogger(LookalikeKeys.class);
    private static final int BATCH = 500;
    /** Records that share a key at most: more is not a look-alike check any more but a data problem. */
    static final int MOST = 50;
    private static final String INSERT = "INSERT INTO tessera_lookalike (collection, rule_name, key_hash, record_id) VALUES (?, ?, ?, ?)";

    private final String collection;
    private final List<List<String>> rules;
    private final Map<String, FieldDescriptor> fields;
    private final DtoFields<D> values;
    private final Transactions<D> transactions;
    private final RecordContext context;
    private final BatchReader<D> records;
    /** The rules as one string: the table holds every record's keys by these rules when the state row says so. */
    private final String signature;
    private volatile boolean complete;
    private final AtomicBoolean filling = new AtomicBoolean();

    LookalikeKeys(String collection, List<List<String>> rules, Map<String, FieldDescriptor> fields, DtoFields<D> values,
            Transactions<D> transactions, RecordContext context, BatchReader<D> records) {
        this.collection = collection;
        this.rules = rules;
        this.fields = fields;
        this.values = values;
        this.transactions = transactions;
        this.context = context;
        this.records = records;
        this.signature = String.join("|", rules.stream().map(LookalikeKeys::name).toList());
    }

    /** A module's records as their DTOs, {@code limit} at a time in id order after {@code id} ("" first). */
    interface BatchReader<D> {
        List<D> after(EntityManager em, String id, int limit);
    }

    /** Work on the transaction's connection. */
    private interface Sql<R> {
        R run(Connection c) throws SQLException;
    }

    static String name(List<String> rule) {
        return String.join(",", rule);
    }

    /** The record's keys by rule name, folded (not hashed); a rule with an empty field has none. */
    Map<String, String> of(D record) {
        Map<String, String> keys = new LinkedHashMap<>();
        if (record == null) {
            return keys;
        }
        for (List<String> rule : rules) {
            String key = Duplicates.keyOf(rule, f -> Json.mapper().valueToTree(values.get(record, f)), fields);
            if (key != null) {
                keys.put(name(rule), key);
            }
        }
        return keys;
    }

    /** A new record's keys. */
    void created(EntityManager em, String id, D after) {
        insert(em, Map.of(id, of(after)));
    }

    /** New records' keys, in one batch. */
    void createdAll(EntityManager em, List<D> after) {
        if (rules.isEmpty()) {
            return;
        }
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        after.forEach(r -> keys.put(r.id, of(r)));
        insert(em, keys);
    }

    /** A changed record's keys, rewritten when they changed ({@code before} null: not known, rewritten). */
    void changed(EntityManager em, String id, D before, D after) {
        if (rules.isEmpty()) {
            return;
        }
        Map<String, String> now = of(after);
        if (before != null && now.equals(of(before))) {
            return;
        }
        sql(em, "rewritten for " + id, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tessera_lookalike WHERE record_id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate();
            }
        });
        insert(em, Map.of(id, now));
    }

    /**
     * The ids of records (in the recycle bin or not, visible to the caller or not) that had {@code key}
     * by {@code rule}, at most {@link #MOST}; empty while the module's existing records are still being
     * added (the first call starts that, in the background).
     */
    Optional<List<String>> ids(List<String> rule, String key) {
        if (!complete && !isComplete()) {
            return Optional.empty();
        }
        List<?> ids = transactions.run(TransactionType.Supports, em -> em.createNativeQuery(
                "SELECT DISTINCT record_id FROM tessera_lookalike WHERE collection = ? AND rule_name = ? AND key_hash = ?")
                .setParameter(1, collection).setParameter(2, name(rule)).setParameter(3, hash(key))
                .setMaxResults(MOST).getResultList());
        return Optional.of(ids.stream().map(String::valueOf).toList());
    }

    private boolean isComplete() {
        List<?> state = transactions.run(TransactionType.Supports, em -> em.createNativeQuery(
                "SELECT rules FROM tessera_lookalike_state WHERE collection = ?").setParameter(1, collection).getResultList());
        if (!state.isEmpty() && signature.equals(state.get(0))) {
            complete = true;
            return true;
        }
        if (!filling.getAndSet(true)) {
            context.inBackground(this::fillQuietly);
        }
        return false;
    }

    private void fillQuietly() {
        try {
            fill();
        } catch (RuntimeException e) {
            filling.set(false); // the next look-alike check tries again; until then it searches the text
            LOG.warn("Duplicate keys of {} not filled; new records are compared by text search until a later check retries", collection, e);
        }
    }

    /**
     * Adds the keys of every existing record that lacks them, a batch per transaction, then notes that
     * the table holds this module's keys by its present rules. Rows of rules it no longer has go.
     */
    void fill() {
        long started = System.nanoTime();
        long count = 0;
        List<String> names = rules.isEmpty() ? List.of("") : rules.stream().map(LookalikeKeys::name).toList();
        transactions.run(TransactionType.Required, em -> sql(em, "of retired rules deleted", c -> {
            try (PreparedStatement stale = c.prepareStatement("DELETE FROM tessera_lookalike WHERE collection = ? AND rule_name NOT IN ("
                    + marks(names.size()) + ")")) {
                stale.setString(1, collection);
                for (int i = 0; i < names.size(); i++) {
                    stale.setString(i + 2, names.get(i));
                }
                return stale.executeUpdate();
            }
        }));
        String after = "";
        while (true) {
            String from = after;
            List<D> batch = transactions.run(TransactionType.Required, em -> {
                List<D> read = records.after(em, from, BATCH);
                Set<String> have = existing(em, read);
                Map<String, Map<String, String>> missing = new LinkedHashMap<>();
                for (D r : read) {
                    Map<String, String> keys = new LinkedHashMap<>(of(r));
                    keys.keySet().removeIf(rule -> have.contains(r.id + "\u0001" + rule));
                    missing.put(r.id, keys);
                }
                insert(em, missing);
                return read;
            });
            count += batch.size();
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1).id;
        }
        transactions.run(TransactionType.Required, em -> sql(em, "noted as complete", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tessera_lookalike_state WHERE collection = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO tessera_lookalike_state (collection, rules) VALUES (?, ?)")) {
                delete.setString(1, collection);
                delete.executeUpdate();
                insert.setString(1, collection);
                insert.setString(2, signature);
                return insert.executeUpdate();
            }
        }));
        complete = true;
        LOG.info("Duplicate keys of {}: {} records checked in {} ms", collection, count, (System.nanoTime() - started) / 1_000_000);
    }

    /** "id \u0001 rule" of the rows the records already have. */
    private Set<String> existing(EntityManager em, List<D> read) {
        Set<String> have = new HashSet<>();
        if (read.isEmpty()) {
            return have;
        }
        return sql(em, "read", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT record_id, rule_name FROM tessera_lookalike WHERE record_id IN ("
                    + marks(read.size()) + ")")) {
                for (int i = 0; i < read.size(); i++) {
                    select.setString(i + 1, read.get(i).id);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        have.add(rows.getString(1) + "\u0001" + rows.getString(2));
                    }
                }
            }
            return have;
        });
    }

    private void insert(EntityManager em, Map<String, Map<String, String>> keys) {
        if (keys.values().stream().allMatch(Map::isEmpty)) {
            return;
        }
        sql(em, "written", c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                for (Map.Entry<String, Map<String, String>> record : keys.entrySet()) {
                    for (Map.Entry<String, String> key : record.getValue().entrySet()) {
                        insert.setString(1, collection);
                        insert.setString(2, key.getKey());
                        insert.setString(3, hash(key.getValue()));
                        insert.setString(4, record.getKey());
                        insert.addBatch();
                    }
                }
                return insert.executeBatch();
            }
        });
    }

    /** Runs {@code work} on the transaction's own connection: its rows are committed with the record or not at all. */
    private <R> R sql(EntityManager em, String what, Sql<R> work) {
        try {
            return work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new IllegalStateException("Duplicate keys of " + collection + " not " + what, e);
        }
    }

    /** n JDBC parameters, comma-separated. */
    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** A key of any length as 43 characters (SHA-256, base64url): an index entry of fixed size. */
    static String hash(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.digest().digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
