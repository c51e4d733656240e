package org.tesseracrm.platform.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.platform.api.RecordRef;

/** The platform's view over all installed collections (see {@link CollectionIndex}). */
@ProviderType
public interface References {

    /** Whether a module serving this collection is installed. */
    boolean isInstalled(String collection);

    /** The live record, if its module is installed and has it. */
    Optional<RecordRef> find(String collection, String id);

    /**
     * The account a record concerns, for a record the caller may see: the record itself when it is an
     * account, else the account its module's first reference to accounts names; empty otherwise.
     */
    Optional<String> accountOf(String collection, String id);

    /** Live records of any installed module that point to this record. */
    List<RecordRef> pointingTo(String collection, String id, int limit);

    /** How many live records of the collection have these field values; empty when its module is not installed. */
    OptionalLong count(String collection, Map<String, String> filters);

    /** Records of every installed collection whose text matches {@code q}: up to {@code limit} per collection. */
    List<RecordRef> search(String q, int limit);
}
