package org.tesseracrm.platform.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.spi.SchemaMigrator;

/**
 * Applies versioned SQL scripts from bundles, each once and in its own transaction, recording them
 * in {@code tessera_schema_history}. The platform's own scripts run first, when it starts.
 */
@Component(service = SchemaMigrator.class)
public class JdbcSchemaMigrator implements SchemaMigrator {
    static final String PLATFORM = "platform";
    private static final String FOLDER = "db/migration";
    /** The key of the advisory lock migrations hold on PostgreSQL ("tessera" in ASCII). */
    private static final long MIGRATION_LOCK = 0x74657373657261L;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSchemaMigrator.class);

    private final DataSource dataSource;

    @Activate
    public JdbcSchemaMigrator(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            BundleContext context) {
        this.dataSource = dataSource;
        migrate(PLATFORM, context.getBundle());
    }

    @Override
    public int migrate(String module, Bundle bundle) {
        return migrate(module, bundle, Map.of());
    }

    @Override
    public synchronized int migrate(String module, Bundle bundle, Map<String, String> placeholders) {
        try (Connection c = dataSource.getConnection()) {
            String dialect = dialect(c);
            List<Migration> migrations = Migration.select(entries(bundle), dialect);
            // Nodes of a cluster that start together migrate one after the other (the lock is the database's).
            boolean shared = dialect.equals("postgresql");
            if (shared) {
                lock(c, "SELECT pg_advisory_lock(?)");
            }
            try {
                c.setAutoCommit(false);
                createHistory(c);
                Set<Integer> applied = applied(c, module);
                int count = 0;
                for (Migration m : migrations) {
                    if (applied.contains(m.version)) {
                        continue;
                    }
                    String script = read(bundle, m);
                    for (Map.Entry<String, String> p : placeholders.entrySet()) {
                        script = script.replace("@" + p.getKey() + "@", p.getValue());
                    }
                    apply(c, module, m, script);
                    count++;
                }
                if (shared) {
                    searchIndexes(c);
                }
                return count;
            } finally {
                c.setAutoCommit(true);
                if (shared) {
                    lock(c, "SELECT pg_advisory_unlock(?)");
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Schema migration of module " + module + " failed: " + e.getMessage(), e);
        }
    }

    private void apply(Connection c, String module, Migration m, String script) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SqlScript.statements(script)) {
                s.execute(sql);
            }
            try (PreparedStatement record = c.prepareStatement(
                    "INSERT INTO tessera_schema_history (module, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
                record.setString(1, module);
                record.setInt(2, m.version);
                record.setString(3, m.description);
                record.setTimestamp(4, Timestamp.from(Instant.now()));
                record.executeUpdate();
            }
            c.commit();
            LOG.info("Schema of module {}: applied V{} {}", module, m.version, m.description);
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("V" + m.version + " " + m.description + ": " + e.getMessage(), e);
        }
    }

    /**
     * On PostgreSQL, {@code q} is answered by the database for every node alike: each record table's
     * folded search text gets a trigram index, so {@code searchText LIKE '%word%'} finds rows by index.
     * Without the pg_trgm extension (not installed, or not allowed) searches still work, by scanning.
     */
    private static void searchIndexes(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
            try (ResultSet r = s.executeQuery("SELECT table_name FROM information_schema.columns"
                    + " WHERE table_schema = current_schema() AND column_name = 'searchtext'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                if (table.matches("[a-z0-9_]+")) {
                    s.execute("CREATE INDEX IF NOT EXISTS " + table + "_search_trgm ON " + table + " USING gin (searchtext gin_trgm_ops)");
                    // A user who sees their own records searches those assigned to or created by them: with an index
                    // for each (modules index their owner), PostgreSQL intersects them with the words' rows
                    // (q for such a user at 1M leads: 350 ms at worst without it, under 90 ms with it).
                    s.execute("CREATE INDEX IF NOT EXISTS " + table + "_created_by ON " + table + " (createdby, createdat DESC, id DESC)");
                }
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            LOG.warn("No trigram index for q on PostgreSQL (searches scan the tables instead): {}", e.getMessage());
        }
    }

    /** Takes or gives back the cluster's migration lock (a PostgreSQL advisory lock of this connection's session). */
    private static void lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, MIGRATION_LOCK);
            s.execute();
        }
    }

    private static void createHistory(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS tessera_schema_history ("
                    + " module VARCHAR(64) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200),"
                    + " applied_at TIMESTAMP NOT NULL, PRIMARY KEY (module, version))");
            c.commit();
        }
    }

    private static Set<Integer> applied(Connection c, String module) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (PreparedStatement q = c.prepareStatement("SELECT version FROM tessera_schema_history WHERE module = ?")) {
            q.setString(1, module);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
        }
        c.commit();
        return versions;
    }

    static String dialect(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product;
    }

    private static List<String> entries(Bundle bundle) {
        List<String> names = new ArrayList<>();
        Enumeration<URL> found = bundle.findEntries(FOLDER, "*.sql", false);
        if (found != null) {
            for (URL url : Collections.list(found)) {
                String path = url.getPath();
                names.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        return names;
    }

    private static String read(Bundle bundle, Migration m) throws IOException {
        URL url = bundle.getEntry(FOLDER + "/" + m.file);
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
