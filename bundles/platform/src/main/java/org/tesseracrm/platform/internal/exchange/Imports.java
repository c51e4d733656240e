package org.tesseracrm.platform.internal.exchange;

import java.io.IOException;
import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.ProblemException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.api.text.TextFolding;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.internal.db.Sql;
import org.tesseracrm.platform.internal.fields.CustomValues;
import org.tesseracrm.platform.internal.security.Callers;
import org.tesseracrm.platform.internal.security.UserAccounts;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.JsonInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Imports into any module: a file's columns mapped to fields (proposed from the headers, English
 * or Vietnamese, without case or marks), each row's cells read as people type them ({@link Values}),
 * duplicates found by the keys the user picks (against the records they may see and within the
 * file) and skipped, updated or created anyway; a dry run shows what would happen, the run happens
 * in the background for the user who asked (their roles and scope; history says "import <file>"),
 * row by row, each row's outcome kept so that failed rows can be downloaded, an interrupted import
 * goes on after its last handled row, and an import is undone (its records to the recycle bin, its
 * changes reverted).
 */
@Component(service = Imports.class)
public class Imports {
    private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
    static final int PREVIEW_ROWS = 20;
    /**
     * Rows committed together: one commit, one block of numbers and one batch of history lines for
     * many rows, and a crash loses at most one batch not yet acknowledged.
     */
    static final int BATCH = 1000;
    private static final String COLUMNS = "id, collection, file_name, owner, state, settings, rows_read, created, updated, skipped, failed,"
            + " error, created_at, started_at, finished_at";

    public static final String PREVIEW = "PREVIEW";
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    /** How long a node's claim on an import it runs holds without a batch done (then another node may take it for interrupted). */
    private static final java.time.Duration LEASE = java.time.Duration.ofMinutes(2);
    /** This node: its host and Karaf home (two nodes may share a host, never a home). */
    private static final String NODE = node();
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
    public static final String CANCELLED = "CANCELLED";
    public static final String INTERRUPTED = "INTERRUPTED";
    public static final String UNDONE = "UNDONE";

    private final Sql sql;
    private final org.tesseracrm.platform.internal.db.OneTransaction batches;
    private final RecordServices modules;
    private final UserAccounts users;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tessera-imports");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    @Activate
    public Imports(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource, @Reference SchemaMigrator platformSchema,
            @Reference RecordServices modules, @Reference UserAccounts users,
            @Reference org.tesseracrm.platform.internal.db.OneTransaction batches) {
        this.sql = new Sql(dataSource);
        this.batches = batches;
        this.modules = modules;
        this.users = users;
        // what ran when the server stopped goes on when its owner runs it again, after its last handled row;
        // what another node of the cluster is running (its lease still holds) is left to it
        Instant now = Instant.now();
        sql.update("mark interrupted imports", "UPDATE tessera_import SET state = ?, lease_until = NULL WHERE state IN (?, ?)"
                + " AND (lease_until IS NULL OR lease_until < ? OR lease_node = ?)", INTERRUPTED, RUNNING, QUEUED, now, NODE);
        // their counts as their rows are: the batch that a crash cut off was never written, the last count may lag behind
        for (String interrupted : sql.query("find interrupted imports", "SELECT id FROM tessera_import WHERE state = ?", r -> r.getString(1),
                INTERRUPTED)) {
            counts(interrupted);
        }
    }

    private static String node() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        String node = host + ":" + System.getProperty("karaf.base", System.getProperty("user.dir"));
        return node.length() <= 300 ? node : node.substring(node.length() - 300);
    }

    @Deactivate
    void stop() {
        worker.shutdown(); // not interrupted: an interrupted read closes H2's database file
    }

    /** What the user chose: which column fills which field, the keys that find duplicates, and what to do with one. */
    public static final class Settings {
        /** Column header → field name ("" or absent: the column is not imported). */
        public Map<String, String> mapping = new LinkedHashMap<>();
        public List<String> keys = new ArrayList<>();
        /** skip (the default), update (the existing record) or create (anyway). */
        public String policy = "skip";
    }

    /** An import and where it is. */
    public static final class Job {
        public String id;
        public String collection;
        public String fileName;
        public String owner;
        public String state;
        public List<String> headers;
        public Settings settings;
        public int rowsRead;
        public int created;
        public int updated;
        public int skipped;
        public int failed;
        /** Rows handled a second while it ran. */
        public Double rate;
        public String error;
        public Instant createdAt;
        public Instant startedAt;
        public Instant finishedAt;
        /** For a dry run: what would happen to the first rows and to all of them. */
        public Preview preview;
    }

    /** A dry run's answer. */
    public static final class Preview {
        public int rows;
        public Map<String, Integer> outcomes = new LinkedHashMap<>();
        public List<RowOutcome> first = new ArrayList<>();
    }

    /** What became (or would become) of one data row (numbered from 1, after the header). */
    public static final class RowOutcome {
        public int row;
        public String outcome;
        public String recordId;
        public String reason;
        public Map<String, Object> values;
        /** A record the row makes, written with the others of its batch. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        RecordDto toCreate;
        /** The row's duplicate key, which its record answers once made. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        String key;
    }

    // ---- starting ----

    /**
     * A new import of {@code content} into {@code collection}: checked and dry-run at once (the
     * answer shows its preview); run in the background unless {@code dryRun}.
     */
    public Job create(String collection, String fileName, byte[] content, Settings given, boolean dryRun, String owner) {
        JpaRecordService<?, ?> service = module(collection);
        List<String> headers;
        try (Sheet sheet = Sheet.open(content)) {
            headers = sheet.header();
        }
        Settings settings = given == null ? new Settings() : given;
        if (settings.mapping.isEmpty()) {
            settings.mapping = propose(service, headers);
        }
        check(service, headers, settings);
        Job job = new Job();
        job.id = RecordIds.newId();
        job.collection = collection;
        job.fileName = fileName == null || fileName.isBlank() ? "import" : fileName.strip();
        job.owner = owner;
        job.state = PREVIEW;
        job.headers = headers;
        job.settings = settings;
        job.createdAt = Instant.now();
        sql.inTransaction("save the import", c -> {
            Sql.update(c, "INSERT INTO tessera_import (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, NULL, ?, NULL, NULL)",
                    job.id, collection, shorten(job.fileName, 255), owner, PREVIEW, json(settings, headers), job.createdAt);
            return Sql.update(c, "INSERT INTO tessera_import_file (import_id, content) VALUES (?, ?)", job.id, content);
        });
        if (!dryRun) {
            return run(job.id, null, owner); // the run's own counts say what happened: no dry run first
        }
        job.preview = preview(job, service, content);
        return job;
    }

    /** A dry run again with other settings, for an import not yet run. */
    public Job change(String id, Settings settings, String caller) {
        Job job = get(id, caller);
        if (!PREVIEW.equals(job.state)) {
            throw new RuleViolationException("state", "the import is " + job.state + ": only one not yet run changes");
        }
        JpaRecordService<?, ?> service = module(job.collection);
        check(service, job.headers, settings);
        sql.update("change the import", "UPDATE tessera_import SET settings = ? WHERE id = ?", json(settings, job.headers), id);
        job.settings = settings;
        job.preview = preview(job, service, file(id));
        return job;
    }

    /** Runs (or goes on with, after an interruption) an import, in the background, as the caller. */
    public Job run(String id, Settings settings, String caller) {
        Job job = get(id, caller);
        if (!PREVIEW.equals(job.state) && !INTERRUPTED.equals(job.state)) {
            throw new RuleViolationException("state", "the import is " + job.state + ": it runs once");
        }
        if (settings != null && PREVIEW.equals(job.state)) {
            check(module(job.collection), job.headers, settings);
            sql.update("change the import", "UPDATE tessera_import SET settings = ? WHERE id = ?", json(settings, job.headers), id);
        }
        if (sql.update("queue the import", "UPDATE tessera_import SET state = ?, lease_until = ?, lease_node = ? WHERE id = ? AND state IN (?, ?)",
                QUEUED, Instant.now().plus(LEASE), NODE, id, PREVIEW, INTERRUPTED) == 0) {
            throw new RuleViolationException("state", "the import was started at the same time");
        }
        Callers.Caller as = Callers.current();
        worker.execute(() -> Callers.runAs(as, "import " + job.fileName, () -> {
            process(id);
            return null;
        }));
        return get(id, caller);
    }

    public Job cancel(String id, String caller) {
        Job job = get(id, caller);
        if (!QUEUED.equals(job.state) && !RUNNING.equals(job.state) && !PREVIEW.equals(job.state) && !INTERRUPTED.equals(job.state)) {
            throw new RuleViolationException("state", "the import is " + job.state + " and cannot be cancelled");
        }
        cancelled.add(id);
        sql.update("cancel the import", "UPDATE tessera_import SET state = ?, finished_at = ? WHERE id = ? AND state IN (?, ?, ?)",
                CANCELLED, Instant.now(), id, PREVIEW, QUEUED, INTERRUPTED);
        return get(id, caller);
    }

    // ---- reading ----

    /** The caller's import (an administrator's, anyone's). */
    public Job get(String id, String caller) {
        Job job = sql.first("read the import", "SELECT " + COLUMNS + " FROM tessera_import WHERE id = ?", Imports::job, id)
                .orElseThrow(() -> new RecordNotFoundException("imports", id));
        if (caller != null && !caller.equals(job.owner)) {
            throw new RecordNotFoundException("imports", id);
        }
        return job;
    }

    public Page<Job> list(String owner, int limit, String cursor) {
        org.tesseracrm.platform.internal.records.Cursor after = org.tesseracrm.platform.internal.records.Cursor.decode(cursor);
        List<Object> parameters = new ArrayList<>();
        String where = "1 = 1";
        if (owner != null) {
            where += " AND owner = ?";
            parameters.add(owner);
        }
        if (after != null) {
            where += " AND " + org.tesseracrm.platform.internal.records.Cursor.before("created_at");
            parameters.addAll(List.of(after.at, after.at, after.id));
        }
        List<Job> jobs = sql.query("read the imports", limit + 1, "SELECT " + COLUMNS + " FROM tessera_import WHERE " + where
                + " ORDER BY created_at DESC, id DESC", Imports::job, parameters.toArray());
        return org.tesseracrm.platform.internal.records.Cursor.page(jobs, limit,
                j -> new org.tesseracrm.platform.internal.records.Cursor(j.createdAt, j.id));
    }

    /** The rows that failed, as CSV: their cells as the file had them and, last, the reason. */
    public String failedRows(String id, String caller) {
        Job job = get(id, caller);
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL)) {
            List<String> header = new ArrayList<>(List.of("row"));
            header.addAll(job.headers);
            header.add("reason");
            csv.printRecord(header);
            for (String[] r : sql.query("read the failed rows", "SELECT row_no, cells, reason FROM tessera_import_row WHERE import_id = ?"
                    + " AND outcome = 'FAILED' ORDER BY row_no", x -> new String[] { x.getString(1), x.getString(2), x.getString(3) }, id)) {
                List<String> line = new ArrayList<>();
                line.add(r[0]);
                line.addAll(cells(r[1]));
                line.add(r[2]);
                csv.printRecord(line.stream().map(RecordExports::neutralised).toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    // ---- undoing ----

    /** The import's records to the recycle bin and its changes reverted, as the caller; then UNDONE. */
    public Job undo(String id, String caller) {
        Job job = get(id, caller);
        if (!DONE.equals(job.state) && !CANCELLED.equals(job.state) && !INTERRUPTED.equals(job.state) && !FAILED.equals(job.state)) {
            throw new RuleViolationException("state", "the import is " + job.state + ": only a finished import is undone");
        }
        JpaRecordService<?, ?> service = module(job.collection);
        List<String[]> rows = sql.query("read the import's rows", "SELECT row_no, outcome, record_id, undo FROM tessera_import_row"
                + " WHERE import_id = ? AND outcome IN ('CREATED', 'UPDATED') ORDER BY row_no DESC",
                r -> new String[] { r.getString(1), r.getString(2), r.getString(3), r.getString(4) }, id);
        List<String> refused = new ArrayList<>();
        for (String[] r : rows) {
            try {
                if ("CREATED".equals(r[1])) {
                    service.delete(r[2], null, caller(job));
                } else if (r[3] != null) {
                    revert(service, r[2], r[3], job);
                }
            } catch (RecordNotFoundException gone) {
                // deleted since: nothing to undo
            } catch (ProblemException e) {
                refused.add("row " + r[0] + ": " + e.getMessage());
            }
        }
        sql.update("mark the import undone", "UPDATE tessera_import SET state = ?, error = ? WHERE id = ?", UNDONE,
                refused.isEmpty() ? null : shorten("not undone: " + String.join("; ", refused), 2000), id);
        return get(id, job.owner);
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private void revert(JpaRecordService service, String recordId, String before, Job job) {
        try {
            ObjectNode patch = (ObjectNode) Json.mapper().readTree(before);
            RecordDto current = (RecordDto) service.get(recordId);
            RecordDto reverted = (RecordDto) JsonInput.patch(current, patch, service.recordType(), serverManaged(service));
            reverted.custom.putAll(current.custom);
            service.update(recordId, reverted, current.version, caller(job));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the work ----

    private void process(String id) {
        Job job = get(id, null);
        JpaRecordService<?, ?> service;
        try {
            service = module(job.collection);
        } catch (ProblemException gone) {
            finish(id, FAILED, gone.getMessage());
            return;
        }
        int done = sql.first("read the import's progress", "SELECT COALESCE(MAX(row_no), 0) FROM tessera_import_row WHERE import_id = ?",
                r -> r.getInt(1), id).orElse(0);
        sql.update("start the import", "UPDATE tessera_import SET state = ?, started_at = COALESCE(started_at, ?), lease_until = ?,"
                + " lease_node = ? WHERE id = ?", RUNNING, Instant.now(), Instant.now().plus(LEASE), NODE, id);
        Pass pass = new Pass(job, service, true);
        try (Sheet sheet = Sheet.open(file(id))) {
            int row = 0;
            List<List<String>> batch = new ArrayList<>(BATCH);
            for (List<String> cells = sheet.next(); cells != null; cells = sheet.next()) {
                row++;
                if (row <= done) {
                    pass.handle(row, cells, true); // handled before an interruption: only seen
                    continue;
                }
                batch.add(cells);
                if (batch.size() == BATCH) {
                    if (!handleBatch(id, pass, row - batch.size() + 1, batch)) {
                        return;
                    }
                    batch.clear();
                }
            }
            if (!batch.isEmpty() && !handleBatch(id, pass, row - batch.size() + 1, batch)) {
                return;
            }
            finish(id, DONE, null);
        } catch (RuntimeException e) {
            LOG.warn("Import {} stopped", id, e);
            finish(id, FAILED, e.getMessage());
        }
    }

    /**
     * Rows {@code first}… of the file, committed together with their outcomes and the import's counts
     * (a crash leaves whole batches, and the job knows each of their rows); their new records made
     * at once ({@link JpaRecordService#createAll}). When a module refuses one inside its transaction
     * the batch is undone and its rows handled one by one, each in its own transaction. False when
     * the import was cancelled meanwhile (the batches committed so far stay).
     */
    private boolean handleBatch(String id, Pass pass, int first, List<List<String>> rows) {
        if (cancelled.remove(id)) {
            finish(id, CANCELLED, null);
            return false;
        }
        Pass.Journal journal = pass.journal();
        java.util.Optional<Boolean> whole;
        try {
            whole = batches.attempt("tessera.import", () -> {
                List<RowOutcome> outcomes = new ArrayList<>(rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    outcomes.add(pass.handle(first + i, rows.get(i), false));
                    if (batches.failing()) {
                        return false; // the row failed inside its module's transaction: the batch goes row by row
                    }
                }
                pass.createPending(outcomes);
                record(id, outcomes, rows);
                return true;
            });
        } catch (ProblemException refusedInside) {
            whole = java.util.Optional.empty();
        }
        if (whole.isEmpty()) {
            pass.undo(journal);
            for (int i = 0; i < rows.size(); i++) {
                handleAlone(id, pass, first + i, rows.get(i));
            }
        }
        return true;
    }

    /** One row in its own transaction with its outcome; refused inside a module, it is recorded as failed with the reason. */
    private void handleAlone(String id, Pass pass, int row, List<String> cells) {
        String refused;
        try {
            java.util.Optional<Boolean> done = batches.attempt("tessera.import.row", () -> {
                RowOutcome o = pass.handle(row, cells, false);
                if (batches.failing()) {
                    return false;
                }
                pass.createPending(List.of(o));
                record(id, List.of(o), List.of(cells));
                return true;
            });
            if (done.isPresent()) {
                return;
            }
            refused = "the row could not be written";
        } catch (ProblemException e) {
            refused = e.getMessage();
        }
        RowOutcome failed = new RowOutcome();
        failed.row = row;
        failed.outcome = "FAILED";
        failed.reason = refused;
        batches.attempt("tessera.import.row", () -> record(id, List.of(failed), List.of(cells)));
    }

    /** The rows' outcomes, and the import's counts moved on by them, in the running transaction. */
    private int record(String id, List<RowOutcome> outcomes, List<List<String>> cells) {
        List<Object[]> rows = new ArrayList<>(outcomes.size());
        Map<String, Integer> counted = new HashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            RowOutcome o = outcomes.get(i);
            counted.merge(o.outcome, 1, Integer::sum);
            rows.add(new Object[] { id, o.row, o.outcome, o.recordId, shorten(o.reason, 2000),
                "FAILED".equals(o.outcome) ? shorten(cellsJson(cells.get(i)), 20000) : null,
                o.values == null ? null : shorten(toJson(o.values), 20000) });
        }
        sql.batch("save the rows' outcomes", "INSERT INTO tessera_import_row (import_id, row_no, outcome, record_id, reason, cells, undo)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        return sql.update("count the import", "UPDATE tessera_import SET rows_read = rows_read + ?, created = created + ?,"
                + " updated = updated + ?, skipped = skipped + ?, failed = failed + ?, lease_until = ? WHERE id = ?", outcomes.size(),
                counted.getOrDefault("CREATED", 0), counted.getOrDefault("UPDATED", 0), counted.getOrDefault("SKIPPED", 0),
                counted.getOrDefault("FAILED", 0), Instant.now().plus(LEASE), id);
    }

    private void counts(String id) {
        sql.update("count the import", "UPDATE tessera_import SET"
                + " rows_read = (SELECT COUNT(*) FROM tessera_import_row WHERE import_id = ?),"
                + " created = (SELECT COUNT(*) FROM tessera_import_row WHERE import_id = ? AND outcome = 'CREATED'),"
                + " updated = (SELECT COUNT(*) FROM tessera_import_row WHERE import_id = ? AND outcome = 'UPDATED'),"
                + " skipped = (SELECT COUNT(*) FROM tessera_import_row WHERE import_id = ? AND outcome = 'SKIPPED'),"
                + " failed = (SELECT COUNT(*) FROM tessera_import_row WHERE import_id = ? AND outcome = 'FAILED') WHERE id = ?",
                id, id, id, id, id, id);
    }

    private void finish(String id, String state, String error) {
        cancelled.remove(id);
        counts(id);
        sql.update("finish the import", "UPDATE tessera_import SET state = ?, error = ?, finished_at = ?, lease_until = NULL WHERE id = ? AND state <> ?",
                state, shorten(error, 2000), Instant.now(), id, CANCELLED);
    }

    private Preview preview(Job job, JpaRecordService<?, ?> service, byte[] content) {
        Preview preview = new Preview();
        Pass pass = new Pass(job, service, false);
        try (Sheet sheet = Sheet.open(content)) {
            int row = 0;
            for (List<String> cells = sheet.next(); cells != null; cells = sheet.next()) {
                RowOutcome o = pass.handle(++row, cells, false);
                preview.outcomes.merge(o.outcome, 1, Integer::sum);
                if (row <= PREVIEW_ROWS) {
                    preview.first.add(o);
                }
            }
            preview.rows = row;
        }
        return preview;
    }

    /**
     * One pass over a file's rows: each read, checked for duplicates and (when {@code writing})
     * created, updated or skipped.
     */
    private final class Pass {
        private final Job job;
        private final JpaRecordService<?, ?> service;
        private final boolean writing;
        private final Map<String, FieldDescriptor> fields;
        private final Set<String> managed;
        private final Values values = new Values(modules, users);
        private final Map<String, String> existing;
        private final Map<String, Integer> seen = new HashMap<>();
        /** What this pass learnt since the journal began (keys first seen, records made), so a batch undone forgets it. */
        private Journal journal;

        /** Keys a batch added to the pass's maps. */
        final class Journal {
            final List<String> seenKeys = new ArrayList<>();
            final List<String> existingKeys = new ArrayList<>();
        }

        Journal journal() {
            journal = new Journal();
            return journal;
        }

        void undo(Journal undone) {
            undone.seenKeys.forEach(seen::remove);
            undone.existingKeys.forEach(existing::remove);
            journal = null;
        }

        Pass(Job job, JpaRecordService<?, ?> service, boolean writing) {
            this.job = job;
            this.service = service;
            this.writing = writing;
            this.fields = fields(service);
            this.managed = serverManaged(service);
            this.existing = job.settings.keys.isEmpty() ? Map.of() : existingKeys();
        }

        /** Row {@code row}; {@code handledBefore}: it was handled before an interruption, and only counts as seen. */
        RowOutcome handle(int row, List<String> cells, boolean handledBefore) {
            RowOutcome o = new RowOutcome();
            o.row = row;
            ObjectNode node = Json.mapper().createObjectNode();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < job.headers.size(); i++) {
                String field = job.settings.mapping.get(job.headers.get(i));
                String raw = i < cells.size() ? cells.get(i) : null;
                if (field == null || field.isEmpty() || raw == null || raw.isBlank()) {
                    continue;
                }
                int dot = field.indexOf('.');
                if (dot > 0) {
                    node.with(field.substring(0, dot)).put(field.substring(dot + 1), raw.strip());
                    continue;
                }
                try {
                    node.set(field, values.read(fields.get(field), raw));
                } catch (Values.Unreadable e) {
                    problems.add(job.headers.get(i) + ": " + e.getMessage());
                }
            }
            String key = key(node);
            Integer earlier = key == null ? null : seen.putIfAbsent(key, row);
            if (key != null && earlier == null && journal != null) {
                journal.seenKeys.add(key);
            }
            String match = key == null ? null : existing.get(key);
            if (handledBefore) {
                o.outcome = "SKIPPED";
                return o;
            }
            o.values = Json.mapper().convertValue(node, Map.class);
            if (!problems.isEmpty()) {
                return failed(o, String.join("; ", problems));
            }
            String policy = job.settings.policy;
            if (earlier != null && !"create".equals(policy)) {
                o.outcome = "SKIPPED";
                o.reason = "the same as row " + earlier + " of the file";
                return o;
            }
            if (match != null && "skip".equals(policy)) {
                o.outcome = "SKIPPED";
                o.recordId = match;
                o.reason = "matches an existing record";
                return o;
            }
            boolean update = match != null && "update".equals(policy);
            if (!update) {
                for (FieldDescriptor f : service.descriptor().fields()) {
                    if (f.required && !f.readOnly && !node.hasNonNull(f.name)) {
                        problems.add(f.name + " is required");
                    }
                }
                if (!problems.isEmpty()) {
                    return failed(o, String.join("; ", problems));
                }
            }
            if (!writing) {
                o.outcome = update ? "UPDATED" : "CREATED";
                o.recordId = match;
                return o;
            }
            try {
                if (update) {
                    o.values = change(match, node);
                    o.outcome = "UPDATED";
                    o.recordId = match;
                } else {
                    o.toCreate = newRecord(node);
                    o.key = key;
                    o.outcome = "CREATED";
                    o.values = null;
                }
                return o;
            } catch (ProblemException e) {
                return failed(o, e.getMessage());
            }
        }

        private RowOutcome failed(RowOutcome o, String reason) {
            o.outcome = "FAILED";
            o.reason = reason;
            return o;
        }

        @SuppressWarnings({ "rawtypes", "unchecked" })
        private RecordDto newRecord(ObjectNode node) {
            JpaRecordService s = service;
            RecordDto record = (RecordDto) JsonInput.read(node, s.recordType(), managed);
            record.custom.putAll(custom(node));
            return record;
        }

        /** The records the rows make, made together; a row whose record is refused fails with the reason. */
        @SuppressWarnings({ "rawtypes", "unchecked" })
        void createPending(List<RowOutcome> outcomes) {
            List<RowOutcome> pending = outcomes.stream().filter(o -> o.toCreate != null).toList();
            if (pending.isEmpty()) {
                return;
            }
            JpaRecordService s = service;
            List<JpaRecordService.Creation<RecordDto>> made = s.createAll(pending.stream().map(o -> o.toCreate).toList(), caller(job));
            for (int i = 0; i < pending.size(); i++) {
                RowOutcome o = pending.get(i);
                JpaRecordService.Creation<RecordDto> c = made.get(i);
                o.toCreate = null;
                if (c.refused != null) {
                    failed(o, c.refused.getMessage());
                    continue;
                }
                o.recordId = c.record.id;
                if (o.key != null && existing.putIfAbsent(o.key, o.recordId) == null && journal != null) {
                    journal.existingKeys.add(o.key);
                }
            }
            s.releaseWritten();
        }

        /** The record changed as the row says; answers the fields' values before, to revert them. */
        @SuppressWarnings({ "rawtypes", "unchecked" })
        private Map<String, Object> change(String id, ObjectNode node) {
            JpaRecordService s = service;
            RecordDto current = (RecordDto) s.get(id);
            ObjectNode now = Json.mapper().valueToTree(current);
            Map<String, Object> before = new LinkedHashMap<>();
            node.fieldNames().forEachRemaining(f -> before.put(f, Json.mapper().convertValue(now.get(f), Object.class)));
            RecordDto patched = (RecordDto) JsonInput.patch(current, node, s.recordType(), managed);
            patched.custom.putAll(current.custom);
            patched.custom.putAll(custom(node));
            s.update(id, patched, current.version, caller(job));
            s.releaseWritten();
            return before;
        }

        private Map<String, Object> custom(ObjectNode node) {
            Map<String, Object> values = new LinkedHashMap<>();
            node.fieldNames().forEachRemaining(name -> {
                FieldDescriptor f = fields.get(name);
                if (f != null && f.custom) {
                    values.put(name, CustomValues.fromJson(f, node.get(name), null));
                }
            });
            return values;
        }

        /** The row's duplicate key: its key fields' values as they are matched, or null when one is empty. */
        private String key(JsonNode node) {
            if (job.settings.keys.isEmpty()) {
                return null;
            }
            StringBuilder key = new StringBuilder();
            for (String k : job.settings.keys) {
                FieldDescriptor f = fields.get(k);
                String v = Values.matchable(node.get(k), f != null && f.type == FieldType.PHONE);
                if (v == null || v.isEmpty()) {
                    return null;
                }
                key.append(v).append('\u0001');
            }
            return key.toString();
        }

        /** The keys of the records the importer may see, a page at a time. */
        private Map<String, String> existingKeys() {
            Map<String, String> keys = new HashMap<>();
            String cursor = null;
            do {
                Page<? extends RecordDto> page = service.list(new ListQuery(null, Map.of(), List.of(), ListQuery.MAX_LIMIT, cursor, false));
                for (RecordDto r : page.items) {
                    String key = key(Json.mapper().valueToTree(r));
                    if (key != null) {
                        keys.putIfAbsent(key, r.id);
                    }
                }
                cursor = page.nextCursor;
            } while (cursor != null);
            return keys;
        }
    }

    // ---- mapping ----

    /** The fields a column may fill: the module's own (not computed ones), address parts, tags and custom fields. */
    private static Map<String, FieldDescriptor> fields(JpaRecordService<?, ?> service) {
        Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
        for (FieldDescriptor f : service.descriptor().fields()) {
            if (!f.readOnly && f.type != FieldType.LINE_ITEMS && f.type != FieldType.TOTALS && f.type != FieldType.PARTICIPANTS) {
                fields.put(f.name, f);
            }
        }
        fields.put("tags", FieldDescriptor.field("tags", FieldType.TAGS).build());
        service.customFields().forEach(f -> fields.put(f.name, f));
        return fields;
    }

    /** Each header matched to the field whose name or English or Vietnamese label it is, folded. */
    static Map<String, String> propose(JpaRecordService<?, ?> service, List<String> headers) {
        Map<String, String> byName = new HashMap<>();
        for (FieldDescriptor f : fields(service).values()) {
            java.util.Locale vi = java.util.Locale.forLanguageTag("vi");
            for (String name : new String[] { f.name, f.labelEn, f.labelVi, service.descriptor().fieldLabel(f.name, java.util.Locale.ROOT),
                service.descriptor().fieldLabel(f.name, vi) }) {
                if (name != null) {
                    byName.putIfAbsent(TextFolding.fold(name).replaceAll("[^a-z0-9]", ""), f.name);
                }
            }
            if (f.type == FieldType.ADDRESS) {
                for (String part : List.of("street", "city", "state", "postalCode", "country")) {
                    byName.putIfAbsent(TextFolding.fold(f.name + part).replaceAll("[^a-z0-9]", ""), f.name + "." + part);
                }
            }
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String h : headers) {
            String field = byName.get(TextFolding.fold(h).replaceAll("[^a-z0-9]", ""));
            mapping.put(h, field != null && used.add(field) ? field : "");
        }
        return mapping;
    }

    private static void check(JpaRecordService<?, ?> service, List<String> headers, Settings s) {
        Map<String, FieldDescriptor> fields = fields(service);
        List<FieldError> errors = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        s.mapping.forEach((header, field) -> {
            if (!headers.contains(header)) {
                errors.add(new FieldError("mapping", "\"" + header + "\" is not a column of the file"));
            } else if (field != null && !field.isEmpty()) {
                String base = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
                FieldDescriptor f = fields.get(base);
                if (f == null || field.contains(".") && f.type != FieldType.ADDRESS) {
                    errors.add(new FieldError("mapping", field + " is not a field of " + service.collection() + " a column can fill"));
                } else if (!targets.add(field)) {
                    errors.add(new FieldError("mapping", field + " is filled by two columns"));
                }
            }
        });
        for (String k : s.keys) {
            if (!fields.containsKey(k)) {
                errors.add(new FieldError("keys", k + " is not a field of " + service.collection()));
            }
        }
        if (!List.of("skip", "update", "create").contains(s.policy)) {
            errors.add(new FieldError("policy", "must be skip, update or create"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The import's settings are not valid: " + errors, errors);
        }
    }

    // ---- helpers ----

    private JpaRecordService<?, ?> module(String collection) {
        JpaRecordService<?, ?> service = collection == null ? null : modules.of(collection);
        if (service == null) {
            throw new InvalidRequestException("No installed module keeps " + collection, List.of(new FieldError("collection",
                    "is not the collection of an installed module")));
        }
        return service;
    }

    private static Set<String> serverManaged(JpaRecordService<?, ?> service) {
        Set<String> managed = new HashSet<>(RecordDto.SERVER_MANAGED);
        service.descriptor().fields().stream().filter(f -> f.readOnly).forEach(f -> managed.add(f.name));
        return managed;
    }

    private static String caller(Job job) {
        Callers.Caller c = Callers.current();
        return c == null ? job.owner : c.user;
    }

    private byte[] file(String id) {
        return sql.first("read the import's file", "SELECT content FROM tessera_import_file WHERE import_id = ?", r -> r.getBytes(1), id)
                .orElseThrow(() -> new RecordNotFoundException("imports", id));
    }

    private static String json(Settings settings, List<String> headers) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("settings", settings);
        stored.put("headers", headers);
        return toJson(stored);
    }

    private static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cellsJson(List<String> cells) {
        return toJson(cells);
    }

    private static List<String> cells(String json) {
        try {
            return json == null ? List.of() : List.of(Json.mapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static Job job(ResultSet r) throws SQLException {
        Job j = new Job();
        j.id = r.getString("id");
        j.collection = r.getString("collection");
        j.fileName = r.getString("file_name");
        j.owner = r.getString("owner");
        j.state = r.getString("state");
        try {
            JsonNode stored = Json.mapper().readTree(r.getString("settings"));
            j.settings = Json.mapper().treeToValue(stored.get("settings"), Settings.class);
            j.headers = List.of(Json.mapper().treeToValue(stored.get("headers"), String[].class));
        } catch (JsonProcessingException e) {
            throw new SQLException("An import's settings cannot be read", e);
        }
        j.rowsRead = r.getInt("rows_read");
        j.created = r.getInt("created");
        j.updated = r.getInt("updated");
        j.skipped = r.getInt("skipped");
        j.failed = r.getInt("failed");
        j.error = r.getString("error");
        j.createdAt = Sql.instant(r, "created_at");
        j.startedAt = Sql.instant(r, "started_at");
        j.finishedAt = Sql.instant(r, "finished_at");
        if (j.startedAt != null && j.rowsRead > 0) {
            Instant end = j.finishedAt != null ? j.finishedAt : Instant.now();
            double seconds = Math.max(0.001, Duration.between(j.startedAt, end).toMillis() / 1000.0);
            j.rate = Math.round(j.rowsRead / seconds * 10) / 10.0;
        }
        return j;
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
