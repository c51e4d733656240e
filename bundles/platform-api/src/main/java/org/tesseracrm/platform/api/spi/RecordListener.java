package org.tesseracrm.platform.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.platform.api.FieldError;

/**
 * A partner's hook into every record change of the modules it names: refuse a change before it
 * commits, or react once it has. Published as a whiteboard service; listeners come and go with
 * their bundles (no restart) and run in {@code service.ranking} order, highest first.
 */
@ConsumerType
public interface RecordListener {
    /**
     * Service property: the module names listened to (e.g. {@code leads}), a string or a list;
     * without it, every module.
     */
    String MODULES = "tessera.listener.modules";

    /**
     * Called in the change's transaction, after the module's own rules passed. Adding errors refuses
     * the change with a 422 that carries them, and nothing is written.
     */
    default void beforeCommit(RecordChange change, List<FieldError> errors) {
    }

    /** Called once the change committed (never when it rolled back). What it throws is logged only. */
    default void afterCommit(RecordChange change) {
    }
}
