package org.tesseracrm.platform.persistence;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.RecordDto;

/**
 * A module's own rules on its records, what the platform's record machinery ({@link JpaRecordService})
 * cannot know from the module's descriptor: how a record is named, what makes it valid, what a write
 * sets or refuses, what a read adds, what a list leaves out and what a merge moves. Every method has
 * a default that does nothing, so a module writes only the rules it has; the platform calls them in
 * the running transaction, and whatever they throw undoes the whole write.
 *
 * @param <D> the module's record DTO
 * @param <E> the module's record entity
 */
@ConsumerType
public interface RecordRules<D extends RecordDto, E extends RecordEntity> {

    /** Rules that only name records, by one of their fields (e.g. a vendor's name). */
    static <D extends RecordDto, E extends RecordEntity> RecordRules<D, E> labelledBy(Function<E, String> label) {
        return new RecordRules<>() {
            @Override
            public String label(E entity) {
                return label.apply(entity);
            }
        };
    }

    /** How a record is named to people (e.g. a lead's full name); its number by default. */
    default String label(E entity) {
        return entity.getNumber();
    }

    /** Checks a record about to be created ({@code existing == null}) or changed; adds what is wrong to {@code errors}. */
    default void validate(D record, E existing, List<FieldError> errors) {
    }

    /** Before a new record is stored: defaults, derived fields, rules that need the database. */
    default void beforeCreate(EntityManager em, E entity, D record, String user) {
    }

    /**
     * After the client's fields were copied onto an existing record (or a record is restored from the
     * recycle bin, then {@code before == record}); {@code before} is the record as it was.
     */
    default void beforeUpdate(EntityManager em, E entity, D before, D record, String user) {
    }

    /**
     * Before the record goes to the recycle bin: refuse (e.g. a 409 for a record in a final state, which
     * is cancelled rather than deleted) or release what only a live record holds (a unique name).
     */
    default void beforeDelete(EntityManager em, E entity, String user) {
    }

    /** Fills DTO fields that the entity does not hold as such (computed values). */
    default void complete(E entity, D dto) {
    }

    /**
     * Fills DTO fields kept outside the record's row (child rows), for a whole page at once, so a list
     * costs one more query, not one per record.
     */
    default void completePage(EntityManager em, List<E> entities, List<D> dtos) {
    }

    /**
     * Whether a new record is compared with existing ones by this duplicate key of the module (see
     * {@code ModuleDescriptor#duplicateKeys()}): a module leaves out a key that does not make this
     * record alike to others (two people may share a name, two companies may not).
     */
    default boolean comparedBy(D record, List<String> duplicateKey) {
        return true;
    }

    /** Restrictions of the default list, e.g. records in a final state left out unless asked for. */
    default void restrictList(ListQuery query, Conditions conditions) {
    }

    /** List parameters that are not field filters (e.g. {@code belowReorderLevel}); {@link #restrictList} reads them. */
    default Set<String> listParameters() {
        return Set.of();
    }

    /**
     * JPQL conditions on {@code e} (with the parameter {@code :id}) that also make a record point to a
     * record of {@code collection}, besides its reference fields (e.g. a document's lines to products).
     */
    default List<String> moreReferences(String collection) {
        return List.of();
    }

    /**
     * In a merge, after the reference fields were repointed: the module's rows about
     * {@code collection}/{@code fromId} that are not reference fields of its records (a lead's touches,
     * a campaign's members) now concern {@code toId}; how many moved.
     */
    default int repointOwn(EntityManager em, String collection, String fromId, String toId, String user) {
        return 0;
    }
}
