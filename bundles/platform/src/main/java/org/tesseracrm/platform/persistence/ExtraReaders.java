package org.tesseracrm.platform.persistence;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Who may read a module's records besides the owners their scope reaches: a meeting's attendees,
 * whoever may see the record an activity is about. Reading only: changing a record still takes the
 * scope. A module gives its readers to {@link JpaRecordService#readAlsoBy}; they count only for
 * callers whose role grants the module at all.
 */
@ConsumerType
public interface ExtraReaders<E extends RecordEntity> {

    /**
     * A JPQL condition on the record alias {@code e}, true for the records {@code caller} reads this
     * way; its values bound with {@link Conditions#bind}. Null when there are none.
     */
    String clause(Conditions conditions, String caller);

    /** Whether {@code caller} reads {@code entity} this way. */
    boolean mayRead(E entity, String caller);
}
