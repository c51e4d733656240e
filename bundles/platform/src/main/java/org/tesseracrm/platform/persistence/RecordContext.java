package org.tesseracrm.platform.persistence;

import org.osgi.annotation.versioning.ProviderType;
import java.util.List;

import org.osgi.service.event.Event;
import org.tesseracrm.platform.api.spi.RecordListener;
import org.tesseracrm.platform.api.spi.References;

/** What the record machinery needs from the platform: references across modules and after-commit events. */
@ProviderType
public interface RecordContext {

    References references();

    /** Runs {@code action} once the running transaction commits (never if it rolls back), or now without one. */
    void afterCommit(Runnable action);

    /** Posts {@code event} after the running transaction commits, or now without one. */
    void post(Event event);

    /** Runs {@code task} on the platform's background thread, one task after another. */
    void inBackground(Runnable task);

    /** Whether {@code name} is a user of Tessera (fields of type USER, such as {@code assignedTo}, name one). */
    boolean isUser(String name);

    /** What the caller of the running request may see and change of {@code collection}; {@link Visibility#ALL} outside one. */
    Visibility visibility(String collection);

    /**
     * A JPQL condition on the record alias {@code e}: the record named by {@code collectionPath} and
     * {@code idPath} (e.g. {@code e.relatedCollection}, {@code e.relatedId}) is one of an installed
     * module that the caller may read. For records about a record of any module, such as activities.
     */
    String readableThrough(String collectionPath, String idPath, Conditions conditions);

    /** The members of team {@code team}; empty when there is no such team. */
    java.util.Optional<java.util.Set<String>> teamMembers(String team);

    /** The fields administrators added to {@code collection}, besides its module's own (retired ones left out). */
    List<org.tesseracrm.platform.api.spi.FieldDescriptor> customFields(String collection);

    /** The signed-in user of the running request, or null outside one. */
    String caller();

    /**
     * How the running work came in, for the audit trail: "web", "token &lt;name&gt;", "basic", or
     * "system" outside a request.
     */
    String via();

    /**
     * Tells integrations of a change of a record, in the change's own transaction (written with
     * {@code em}, so it is committed with the change or not at all): the webhook events an endpoint is
     * subscribed to, with the record as the API shows it and {@code changes} as its history has them.
     * Nothing is written while no endpoint wants them.
     */
    default void announce(javax.persistence.EntityManager em, String collection, String action, String id, String number,
            String user, Object record, List<org.tesseracrm.platform.api.HistoryEntry.FieldChange> changes) {
    }

    /**
     * Whether other nodes may write the same database (PostgreSQL; the embedded H2 belongs to one
     * node): record services then read from the database, never from this node's entity cache.
     */
    default boolean sharedDatabase() {
        return false;
    }

    /** The record listeners that follow {@code module}, highest ranking first. */
    List<RecordListener> listeners(String module);
}
