package org.tesseracrm.platform.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The few JDBC shapes the platform's own tables need (the record modules use JPA): a query mapped
 * row by row, an update, and several statements in one local transaction. Instants are bound as
 * timestamps; a failure is an {@link IllegalStateException} naming what was being done.
 */
public final class Sql {
    private final DataSource dataSource;

    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public <T> List<T> query(String what, String sql, Row<T> mapper, Object... parameters) {
        return run(what, c -> query(c, sql, 0, mapper, parameters));
    }

    /** At most {@code maxRows} rows. */
    public <T> List<T> query(String what, int maxRows, String sql, Row<T> mapper, Object... parameters) {
        return run(what, c -> query(c, sql, maxRows, mapper, parameters));
    }

    public <T> Optional<T> first(String what, String sql, Row<T> mapper, Object... parameters) {
        return query(what, 1, sql, mapper, parameters).stream().findFirst();
    }

    public int update(String what, String sql, Object... parameters) {
        return run(what, c -> update(c, sql, parameters));
    }

    /** One statement for many rows, as one JDBC batch (in the running transaction, when there is one). */
    public void batch(String what, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        run(what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(s, row);
                    s.addBatch();
                }
                return s.executeBatch();
            }
        });
    }

    /** {@code work} in one local transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(String what, Work<T> work) {
        return run(what, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    public static <T> List<T> query(Connection c, String sql, int maxRows, Row<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            if (maxRows > 0) {
                s.setMaxRows(maxRows);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(mapper.map(r));
                }
            }
            return rows;
        }
    }

    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp t = row.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Instant) {
                s.setTimestamp(i + 1, Timestamp.from((Instant) p));
            } else if (p instanceof byte[]) {
                s.setBytes(i + 1, (byte[]) p);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    private <T> T run(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
