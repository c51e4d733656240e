package org.tesseracrm.platform.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.platform.api.RecordRef;

/**
 * Published by every module for its collection (service property {@code tessera.collection}), so
 * other modules can check and follow references by id without depending on the module.
 */
@ConsumerType
public interface CollectionIndex {
    String PROPERTY = "tessera.collection";

    String collection();

    /** The live record with this id, if any. */
    Optional<RecordRef> find(String id);

    /** Live records of this collection whose client-set reference fields point to {@code collection}/{@code id}. */
    List<RecordRef> pointingTo(String collection, String id, int limit);

    /** How many live records have these field values (equality filters, as in the list API); empty when not supported. */
    default OptionalLong count(Map<String, String> filters) {
        return OptionalLong.empty();
    }

    /** Up to {@code limit} live records whose text matches {@code q} (accent- and case-insensitive), newest first. */
    default List<RecordRef> search(String q, int limit) {
        return List.of();
    }
}
