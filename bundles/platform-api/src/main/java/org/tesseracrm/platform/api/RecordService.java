package org.tesseracrm.platform.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The operations every module offers on its records. {@code expectedVersion} is the client's
 * {@code If-Match} (null when it sent none); {@code user} is the authenticated user name.
 *
 * @param <D> the module's record DTO
 */
@ConsumerType
public interface RecordService<D extends RecordDto> {

    /** A live record; {@link RecordNotFoundException} when unknown or in the recycle bin. */
    D get(String id);

    /** How many live records the query's filters and text search select (its sort, limit and cursor do not matter). */
    long count(ListQuery query);

    /**
     * How many live records have each value of a filterable field, among those the query's filters
     * and search select (the module's default list restrictions do not apply): for dashboards.
     */
    Map<String, Long> countBy(String field, ListQuery query);

    Page<D> list(ListQuery query);

    D create(D record, String user);

    /** Replaces the client-writable fields of a record with those of {@code record}. */
    D update(String id, D record, Long expectedVersion, String user);

    /** Moves a record to the recycle bin. */
    void delete(String id, Long expectedVersion, String user);

    /** Takes a record back out of the recycle bin. */
    D restore(String id, String user);

    /** The tags the module's records carry, each once, most used first. */
    default List<String> tagsInUse() {
        return List.of();
    }
}
