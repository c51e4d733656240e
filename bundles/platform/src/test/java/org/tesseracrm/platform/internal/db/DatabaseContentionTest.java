package org.tesseracrm.platform.internal.db;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;

import org.junit.Test;

public class DatabaseContentionTest {
    @Test
    public void lockWaitsDeadlocksAndSerializationFailuresAreContentionWhereverTheyAreWrapped() {
        assertTrue(DatabaseContention.causes(new IllegalStateException("Idempotency keys cannot be read",
                new SQLException("Timeout trying to lock table", "HYT00", 50200))));
        assertTrue(DatabaseContention.causes(new javax.persistence.PersistenceException(
                new RuntimeException(new SQLException("deadlock detected", "40P01")))));
        assertTrue(DatabaseContention.causes(new SQLException("could not serialize access", "40001")));
        assertTrue(DatabaseContention.causes(new SQLException("could not obtain lock on row", "55P03")));
        assertTrue(DatabaseContention.causes(new java.sql.SQLTimeoutException("timed out")));
        assertTrue(DatabaseContention.causes(new javax.persistence.LockTimeoutException("timed out")));
    }

    @Test
    public void otherFailuresAreNot() {
        assertFalse(DatabaseContention.causes(new IllegalStateException(new SQLException("unique", "23505"))));
        assertFalse(DatabaseContention.causes(new SQLException("syntax", "42000")));
        assertFalse(DatabaseContention.causes(new NullPointerException()));
    }
}
