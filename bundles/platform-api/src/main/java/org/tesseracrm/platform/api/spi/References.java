package org.tesseracrm.platform.api.spi;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordRef;

/** The platform's view over all installed collections (see {@link CollectionIndex}). */
@ProviderType
public interface References {

    /** Whether a module serving this collection is installed. */
    boolean isInstalled(String collection);

    /** The live record, if its module is installed and has it. */
    Optional<RecordRef> find(String collection, String id);

    /** Live records of any installed module that point to this record. */
    List<RecordRef> pointingTo(String collection, String id, int limit);
}
