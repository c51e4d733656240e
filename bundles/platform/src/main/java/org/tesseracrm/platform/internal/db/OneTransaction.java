package org.tesseracrm.platform.internal.db;

import java.util.Optional;
import java.util.function.Supplier;

import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.coordinator.Coordination;
import org.osgi.service.coordinator.Coordinator;

/**
 * Work of several record services as one unit: one JTA transaction (every module's persistence unit
 * and the platform's own tables join it) and one OSGi coordination, for which Aries JPA keeps one
 * entity manager per persistence unit, so a record changed earlier in the unit is the same object
 * when it changes again (each call on its own would read the shared cache's older version).
 */
@Component(service = OneTransaction.class)
public class OneTransaction {
    private final TransactionManager transactions;
    private final Coordinator coordinator;

    @Activate
    public OneTransaction(@Reference TransactionManager transactions, @Reference Coordinator coordinator) {
        this.transactions = transactions;
        this.coordinator = coordinator;
    }

    /** {@code work} committed as one, or nothing of it when it throws (rethrown) or cannot commit (empty). */
    public <T> Optional<T> attempt(String name, Supplier<T> work) {
        Coordination coordination = coordinator.begin(name, 0);
        try {
            try {
                transactions.begin();
            } catch (NotSupportedException | SystemException e) {
                throw new IllegalStateException("No transaction for " + name, e);
            }
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollback();
                throw e;
            }
            try {
                if (transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                    rollback(); // a part failed and was caught: the unit is not whole
                    return Optional.empty();
                }
                transactions.commit();
                return Optional.ofNullable(result);
            } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException e) {
                return Optional.empty();
            } catch (SystemException e) {
                throw new IllegalStateException(name + " could not be committed", e);
            }
        } finally {
            coordination.end();
        }
    }

    /** Whether the running unit can no longer commit (a part of it failed): what follows would not be written with it. */
    public boolean failing() {
        try {
            return transactions.getStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            return true;
        }
    }

    private void rollback() {
        try {
            transactions.rollback();
        } catch (SystemException | IllegalStateException e) {
            // the transaction is gone already: nothing was written
        }
    }
}
