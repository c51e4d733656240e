package org.tesseracrm.platform.persistence;

import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.ProblemException;
import org.tesseracrm.platform.api.StaleVersionException;

/**
 * Runs a module's work in JPA transactions (joining one already running on the thread), keeps the
 * outermost one's unit (its entity manager and the records as it first read them) and whether the
 * innermost writes, and turns what the database threw into the problem a client should see.
 */
final class Transactions<D> {
    private final JpaTemplate jpa;
    private final String moduleName;
    private final java.util.function.BooleanSupplier sharedDatabase;
    private final ThreadLocal<Unit<D>> unit = new ThreadLocal<>();
    private final ThreadLocal<Boolean> writing = new ThreadLocal<>();

    Transactions(JpaTemplate jpa, String moduleName, java.util.function.BooleanSupplier sharedDatabase) {
        this.jpa = jpa;
        this.moduleName = moduleName;
        this.sharedDatabase = sharedDatabase;
    }

    /** The outermost transaction running on this thread, or null outside one. */
    Unit<D> current() {
        return unit.get();
    }

    /** Whether the innermost transaction on this thread writes (reads do not need the scope to change). */
    boolean writing() {
        return Boolean.TRUE.equals(writing.get());
    }

    <R> R run(TransactionType type, EmFunction<R> work) {
        try {
            return jpa.txExpr(type, em -> {
                Unit<D> outer = unit.get();
                Boolean outerWriting = writing.get();
                if (outer == null) {
                    unit.set(new Unit<>(em));
                    if (sharedDatabase.getAsBoolean()) {
                        // Another node may have changed any record since this node cached it: finds and
                        // queries read the database and refresh the cache with what they read.
                        em.setProperty("javax.persistence.cache.retrieveMode", javax.persistence.CacheRetrieveMode.BYPASS);
                        em.setProperty("javax.persistence.cache.storeMode", javax.persistence.CacheStoreMode.REFRESH);
                    }
                }
                writing.set(type == TransactionType.Required);
                try {
                    return work.apply(em);
                } finally {
                    if (outer == null) {
                        unit.remove();
                    }
                    if (outerWriting == null) {
                        writing.remove();
                    } else {
                        writing.set(outerWriting);
                    }
                }
            });
        } catch (RuntimeException e) {
            throw problemOf(e);
        }
    }

    private RuntimeException problemOf(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException) {
                return (ProblemException) t;
            }
            if (t instanceof OptimisticLockException) {
                return new StaleVersionException("The record was changed by someone else at the same time; read it again");
            }
            if (t instanceof java.sql.SQLException && ((java.sql.SQLException) t).getSQLState() != null
                    && ((java.sql.SQLException) t).getSQLState().startsWith("23")) {
                // A rule the database holds under concurrency (a unique name or code): another
                // request made the same record a moment earlier.
                return new ConflictException("The " + moduleName + " record conflicts with one saved at the same time: "
                        + uniqueRule(t.getMessage()));
            }
        }
        return e;
    }

    /** What a unique index named {@code <table>_unique_<field>} holds, from the database's message. */
    static String uniqueRule(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)_unique_([a-z0-9]+)").matcher(String.valueOf(message));
        return m.find() ? "its " + m.group(1).toLowerCase(java.util.Locale.ROOT) + " is taken" : "it would break a rule of the database";
    }

    /** The entity manager of a transaction and the records as it first read them, by id. */
    static final class Unit<D> {
        final EntityManager em;
        final Map<String, D> before = new HashMap<>();

        Unit(EntityManager em) {
            this.em = em;
        }
    }
}
