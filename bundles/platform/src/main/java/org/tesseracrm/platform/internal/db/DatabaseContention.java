package org.tesseracrm.platform.internal.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

/**
 * A statement that failed because other transactions held what it needed (a lock wait that timed
 * out, a deadlock, a serialization failure): the database rolled it back and the same request can
 * simply be sent again. Not the client's mistake and not a fault of the server's code.
 */
public final class DatabaseContention {
    /** H2's lock timeout; PostgreSQL's lock not available, serialization failure and deadlock. */
    private static final Set<String> STATES = Set.of("HYT00", "55P03", "40001", "40P01");

    private DatabaseContention() {
    }

    /** Whether {@code e} or one of its causes is contention in the database. */
    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTimeoutException || t instanceof java.sql.SQLTransactionRollbackException
                    || t instanceof javax.persistence.LockTimeoutException || t instanceof javax.persistence.PessimisticLockException
                    || t instanceof SQLException && STATES.contains(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database's other sessions that hold uncommitted work or wait, and its prepared transactions, as the database lists them:
     * who held the lock, for the log of a contention (a lock held for seconds is itself a fault to find).
     */
    public static String holders(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean postgres = JdbcSchemaMigrator.dialect(c).equals("postgresql");
            String sql = postgres
                    ? "SELECT pid, state, wait_event_type, xact_start, left(query, 200) FROM pg_stat_activity"
                            + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                            + " AND (state = 'idle in transaction' OR wait_event_type = 'Lock' OR xact_start < now() - interval '1 second')"
                    : "SELECT SESSION_ID, SESSION_STATE, BLOCKER_ID, SESSION_START, LEFT(EXECUTING_STATEMENT, 200)"
                            + " FROM INFORMATION_SCHEMA.SESSIONS WHERE CONTAINS_UNCOMMITTED OR BLOCKER_ID IS NOT NULL";
            StringBuilder found = new StringBuilder();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    found.append(found.length() == 0 ? " session " : "; session ").append(rs.getString(1)).append(": ").append(rs.getString(2))
                            .append(", waits for ").append(rs.getString(3)).append(", since ").append(rs.getString(4))
                            .append(", ").append(rs.getString(5));
                }
            }
            // a transaction prepared by the transaction manager before a crash holds its locks with no session until recovered
            try (ResultSet rs = s.executeQuery(postgres ? "SELECT gid, prepared FROM pg_prepared_xacts WHERE database = current_database()"
                    : "SELECT TRANSACTION_NAME, TRANSACTION_STATE FROM INFORMATION_SCHEMA.IN_DOUBT")) {
                while (rs.next()) {
                    found.append(found.length() == 0 ? " " : "; ").append("in-doubt (prepared) transaction ").append(rs.getString(1))
                            .append(" (").append(rs.getString(2)).append(')');
                }
            }
            return found.length() == 0 ? " (no session holds uncommitted work now)" : found.toString();
        } catch (SQLException | RuntimeException e) {
            return " (the database's sessions cannot be listed: " + e + ")";
        }
    }
}
