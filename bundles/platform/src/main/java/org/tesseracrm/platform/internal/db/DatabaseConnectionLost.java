package org.tesseracrm.platform.internal.db;

import java.sql.SQLException;
import java.util.Set;

/**
 * A statement that failed because the database dropped the connection it ran on (the database was
 * restarted or ended the session): the pool discards that connection, and the request may be sent
 * again on another. Not the client's mistake and not a fault of the server's code.
 */
public final class DatabaseConnectionLost {
    /** PostgreSQL's session ended by an administrator, by a crash shutdown, or refused while starting. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03");

    private DatabaseConnectionLost() {
    }

    /** Whether {@code e} or one of its causes is a connection the database dropped or refused (SQL state class 08). */
    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                    return true;
                }
            }
        }
        return false;
    }
}
