package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/** The integrity rules on PostgreSQL. Skipped, saying so, when no server answers there. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class IntegrityOnPostgresIT extends IntegrityContract {
    /** The server's own pooled database, to end its sessions as a restart of PostgreSQL would. */
    @Inject
    @Filter(value = "(osgi.jndi.service.name=tessera)", timeout = 60000)
    private DataSource database;

    @Configuration
    public Option[] configuration() {
        Option[] options = TesseraDistribution.withPostgresOrSkip(getClass().getSimpleName());
        Option[] more = java.util.Arrays.copyOf(options, options.length + 1);
        // tables looked at every 2 s rather than 30, so the statistics test need not wait long
        more[options.length] = org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/org.tesseracrm.statistics.cfg", "periodSeconds", "2");
        return more;
    }

    /**
     * Where the PostgreSQL server's autovacuum is off, Tessera takes its tables' statistics itself
     * once they changed (as autovacuum would), so that the planner knows how many rows there are: a lead is then read by its
     * primary key, not through another index that holds its id (which the planner chose for a table it
     * believed empty: 18 ms at 30,000 leads).
     */
    @Test
    public void aGrownTableIsAnalyzedWhereAutovacuumIsOff() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW autovacuum")) {
            r.next();
            org.junit.Assume.assumeTrue("autovacuum is on: PostgreSQL takes the statistics itself", "off".equals(r.getString(1)));
        }
        String id = null;
        for (int i = 0; i < 120; i++) {
            Api.Reply made = api.post("/api/v1/leads", Api.json(Map.of("lastName", "Thống Kê " + tag + " " + i, "firstName", "Bảng")));
            assertEquals(made.toString(), 201, made.status);
            id = made.json().get("id").asText();
        }
        // current as autovacuum keeps them: taken, and changed since by no more than its threshold
        String stale = Await.until(java.time.Duration.ofSeconds(60), this::leadsStatisticsStaleness, java.util.Objects::isNull);
        assertEquals("the statistics of leads_lead", null, stale);
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("EXPLAIN SELECT * FROM leads_lead WHERE id = '" + id + "'")) {
            r.next();
            String plan = r.getString(1);
            // few rows: a scan of the table is right too; what must not be is another index holding the id
            assertTrue(plan, !plan.contains("Index") || plan.contains("leads_lead_pkey"));
        }
        assertEquals(200, api.get("/api/v1/leads/" + id).status);
    }

    /** Why the planner's statistics of leads_lead are not current as autovacuum keeps them; null when they are. */
    private String leadsStatisticsStaleness() {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT t.last_analyze IS NOT NULL, t.n_mod_since_analyze, k.reltuples FROM pg_stat_user_tables t"
                        + " JOIN pg_class k ON k.oid = t.relid WHERE t.relid = 'leads_lead'::regclass")) {
            r.next();
            return !r.getBoolean(1) ? "never taken"
                    : r.getLong(2) > 50 + 0.1 * Math.max(0, r.getDouble(3)) ? r.getLong(2) + " rows changed since, " + r.getDouble(3) + " counted"
                    : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Before
    public void requirePostgres() {
        TesseraDistribution.requirePostgres();
    }

    /**
     * PostgreSQL ends every session of the server (as a restart does): the requests that meet a
     * dropped connection are answered 503 problem+json with Retry-After, never 500, and changed
     * nothing; the pool discards those connections and the service answers again on new ones.
     */
    @Test
    public void droppedDatabaseConnectionsAre503sAndTheServiceRecovers() throws Exception {
        // people who have not signed in yet: their first sign-in reads the users table on a connection of the pool
        List<Api> newcomers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = "ketnoi" + i + tag.substring(3).toLowerCase();
            Api.Reply made = api.post("/api/v1/users", Api.json(Map.of("name", name, "password", "Ket-noi-lai-" + i, "roles", List.of("sales"))));
            assertEquals(made.toString(), 201, made.status);
            newcomers.add(api.withCredentials(name, "Ket-noi-lai-" + i));
        }
        race(() -> api.get("/api/v1/leads?limit=5")); // several pooled connections, all of them soon dropped
        List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        int failedRounds = 0;
        // held while the requests run, so that they are given the pool's other (dropped) connections
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet ended = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                ended.next();
                assertTrue("no session of the server was ended", ended.getInt(1) > 0);
            }
            while (true) {
                List<Api.Reply> round = race(() -> {
                    int n = sent.getAndIncrement();
                    return n < newcomers.size() ? newcomers.get(n).get("/api/v1/leads?limit=5")
                            : n % 2 == 0 ? api.get("/api/v1/leads?limit=5")
                            : api.post("/api/v1/leads", Api.json(Map.of("lastName", "Ngắt " + tag + " " + n, "firstName", "Kết Nối")));
                });
                boolean allAnswered = true;
                for (Api.Reply r : round) {
                    if (r.status == 503) {
                        assertEquals(r.toString(), "database-unavailable", r.json().path("type").asText().replaceAll(".*/", ""));
                        assertTrue(r.toString(), r.header("Content-Type").startsWith("application/problem+json"));
                        assertEquals(r.toString(), "1", r.header("Retry-After"));
                        allAnswered = false;
                    } else {
                        assertTrue(r.toString(), r.status == 200 || r.status == 201);
                        if (r.status == 201) {
                            created.add(r.json().get("id").asText());
                        }
                    }
                }
                if (allAnswered) {
                    break;
                }
                assertTrue("the service did not recover within " + sent + " requests", ++failedRounds < 5);
            }
        }
        List<String> found = new ArrayList<>();
        api.get("/api/v1/leads?limit=100&q=" + tag).json().get("items").forEach(i -> found.add(i.get("id").asText()));
        assertEquals("the leads answered 201 are stored, and only they", new java.util.TreeSet<>(created), new java.util.TreeSet<>(found));
    }
}
