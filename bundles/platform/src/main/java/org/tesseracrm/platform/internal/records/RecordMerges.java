package org.tesseracrm.platform.internal.records;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.internal.db.OneTransaction;
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

    private final OneTransaction unit;
    private final RecordServices modules;

    @Activate
    public RecordMerges(@Reference OneTransaction unit, @Reference RecordServices modules) {
        this.unit = unit;
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
        return Callers.runAs(Callers.current(), "merge " + String.join(", ", mergedNumbers), () -> unit.attempt("tessera.merge", () -> {
            for (String merged : mergedIds) {
                for (JpaRecordService<?, ?> module : modules.all()) {
                    module.repoint(collection, merged, survivorId, user);
                }
                owner.delete(merged, null, user);
            }
            survivorChange.run();
            return owner.markMerged(survivorId, user);
        }).orElseThrow(() -> new ConflictException("The merge met a change made at the same moment and was undone; try again")));
    }
}
