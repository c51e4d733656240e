package org.tesseracrm.platform.internal.records;

import java.util.List;
import java.util.function.Supplier;

import javax.transaction.HeuristicMixedException;
import javax.transaction.HeuristicRollbackException;
import javax.transaction.NotSupportedException;
import javax.transaction.RollbackException;
import javax.transaction.SystemException;
import javax.transaction.TransactionManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.coordinator.Coordination;
import org.osgi.service.coordinator.Coordinator;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.internal.security.Callers;
import org.tesseracrm.platform.persistence.JpaRecordService;

/**
 * Merges records of one collection into a survivor, all or nothing: every record of every installed
 * module that pointed to a merged record points to the survivor (its history says so), the merged
 * records' notes, files, e-mails and what modules keep about them (activities, campaign memberships,
 * touches) follow, the merged records go to the recycle bin, and the survivor takes the chosen values.
 * History names the merge ("merge LEA-1, LEA-2").
 */
@Component(service = RecordMerges.class)
public class RecordMerges {
    /** How many records one merge takes in at most, besides the survivor. */
    public static final int MOST_MERGED = 10;

    private final TransactionManager transactions;
    private final Coordinator coordinator;
    private final RecordServices modules;

    @Activate
    public RecordMerges(@Reference TransactionManager transactions, @Reference Coordinator coordinator, @Reference RecordServices modules) {
        this.transactions = transactions;
        this.coordinator = coordinator;
        this.modules = modules;
    }

    /**
     * Merges {@code mergedIds} (named {@code mergedNumbers} in history) of {@code collection} into
     * {@code survivorId}, then applies {@code survivorChange} (the values that win), in one
     * transaction; the survivor as it then is.
     */
    public RecordDto merge(String collection, String survivorId, List<String> mergedIds, List<String> mergedNumbers, String user,
            Runnable survivorChange) {
        JpaRecordService<?, ?> owner = modules.of(collection);
        return Callers.runAs(Callers.current(), "merge " + String.join(", ", mergedNumbers), () -> inTransaction(() -> {
            for (String merged : mergedIds) {
                for (JpaRecordService<?, ?> module : modules.all()) {
                    module.repoint(collection, merged, survivorId, user);
                }
                owner.delete(merged, null, user);
            }
            survivorChange.run();
            return owner.markMerged(survivorId, user);
        }));
    }

    /**
     * {@code work} in one JTA transaction and one OSGi coordination: Aries JPA keeps one entity manager
     * per persistence unit for the coordination, so a record a module changed earlier in the merge is
     * the same object when it changes it again (each call on its own would read the shared cache's
     * older version and fail its version check).
     */
    private <T> T inTransaction(Supplier<T> work) {
        Coordination coordination = coordinator.begin("tessera.merge", 0);
        try {
            return inJtaTransaction(work);
        } finally {
            coordination.end();
        }
    }

    private <T> T inJtaTransaction(Supplier<T> work) {
        try {
            transactions.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("No transaction for the merge", e);
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
        try {
            transactions.commit();
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException e) {
            throw new ConflictException("The merge met a change made at the same moment and was undone; try again");
        } catch (SystemException e) {
            throw new IllegalStateException("The merge could not be committed", e);
        }
        return result;
    }

    private void rollback() {
        try {
            transactions.rollback();
        } catch (SystemException | IllegalStateException e) {
            // the transaction is gone already: nothing was written
        }
    }
}
