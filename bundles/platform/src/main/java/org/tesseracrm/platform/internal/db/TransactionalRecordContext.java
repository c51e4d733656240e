package org.tesseracrm.platform.internal.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;

import org.tesseracrm.platform.internal.fields.CustomFieldCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.spi.RecordListener;
import org.tesseracrm.platform.api.spi.References;
import org.tesseracrm.platform.api.spi.ServiceProperties;
import org.tesseracrm.platform.internal.security.Callers;
import org.tesseracrm.platform.internal.security.Scope;
import org.tesseracrm.platform.persistence.Conditions;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.persistence.Visibility;

/**
 * After-commit work through the JTA transaction manager that every persistence unit joins, and one
 * background thread for the record services' own upkeep (loading search indexes), so that upkeep
 * never takes more than one core from the requests.
 */
@Component(service = RecordContext.class, immediate = true)
public class TransactionalRecordContext implements RecordContext {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalRecordContext.class);

    private final TransactionManager transactions;
    private final EventAdmin events;
    private final References references;
    private final org.tesseracrm.platform.internal.security.UserDirectory users;
    private final ExecutorService background = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "tessera-records-background");
        t.setDaemon(true);
        return t;
    });

    /** Partner listeners with their service properties, lowest ranking first (as DS sorts them). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, collectionType = CollectionType.TUPLE)
    private volatile List<Map.Entry<Map<String, Object>, RecordListener>> listeners = List.of();

    private final CustomFieldCatalog customFields;
    private final RecordServices services;
    private final org.tesseracrm.platform.internal.security.TeamStore teams;

    @Activate
    public TransactionalRecordContext(@Reference TransactionManager transactions, @Reference EventAdmin events,
            @Reference References references, @Reference org.tesseracrm.platform.internal.security.UserDirectory users,
            @Reference CustomFieldCatalog customFields, @Reference RecordServices services,
            @Reference org.tesseracrm.platform.internal.security.TeamStore teams) {
        this.customFields = customFields;
        this.services = services;
        this.teams = teams;
        this.transactions = transactions;
        this.events = events;
        this.references = references;
        this.users = users;
    }

    @Override
    public boolean isUser(String name) {
        return name != null && users.roles(name).isPresent();
    }

    @Override
    public Visibility visibility(String collection) {
        Callers.Caller caller = Callers.current();
        if (caller == null) {
            return Visibility.ALL;
        }
        return Visibility.of(owners(caller, caller.grants.readScope(collection)),
                owners(caller, caller.grants.writeScope(collection)));
    }

    /** The owners whose records a scope reaches: null for all, none without a grant. */
    private static Set<String> owners(Callers.Caller caller, Scope scope) {
        if (scope == null) {
            return Set.of();
        }
        switch (scope) {
        case ALL:
            return null;
        case TEAM:
            return caller.colleagues();
        default:
            return Set.of(caller.user);
        }
    }

    @Override
    public String readableThrough(String collectionPath, String idPath, Conditions conditions) {
        List<String> any = new java.util.ArrayList<>();
        for (org.tesseracrm.platform.persistence.JpaRecordService<?, ?> service : services.all()) {
            String readable = service.readableId(idPath, conditions);
            if (readable != null) {
                String of = collectionPath + " = " + conditions.bind(service.collection());
                any.add(readable.isEmpty() ? of : "(" + of + " AND " + readable + ")");
            }
        }
        return any.isEmpty() ? "e.id IS NULL" : "(" + String.join(" OR ", any) + ")";
    }

    @Override
    public java.util.Optional<Set<String>> teamMembers(String team) {
        return teams.find(team).map(t -> {
            Set<String> members = new java.util.HashSet<>(t.members);
            if (t.manager != null) {
                members.add(t.manager);
            }
            return Set.copyOf(members);
        });
    }

    @Override
    public List<org.tesseracrm.platform.api.spi.FieldDescriptor> customFields(String collection) {
        return customFields.descriptors(collection);
    }

    @Override
    public String caller() {
        Callers.Caller caller = Callers.current();
        return caller == null ? null : caller.user;
    }

    @Override
    public String via() {
        Callers.Caller caller = Callers.current();
        return caller == null ? "system" : caller.via;
    }

    @Deactivate
    void stop() {
        // Never interrupted: H2 closes its database file when a thread reading it is interrupted
        // (ClosedByInterruptException), and every module loses its DataSource until it reopens.
        background.shutdown();
    }

    @Override
    public void inBackground(Runnable task) {
        try {
            background.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Background task failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Background task dropped: the platform is stopping");
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile org.tesseracrm.platform.internal.webhooks.WebhookOutbox webhooks;

    @Reference(target = "(osgi.jndi.service.name=tessera)")
    private javax.sql.DataSource dataSource;
    private volatile Boolean sharedDatabase;

    @Override
    public boolean sharedDatabase() {
        Boolean shared = sharedDatabase;
        if (shared == null) {
            try (java.sql.Connection c = dataSource.getConnection()) {
                shared = JdbcSchemaMigrator.dialect(c).equals("postgresql");
            } catch (java.sql.SQLException e) {
                return true; // not known yet: the safe answer, asked again next time
            }
            sharedDatabase = shared;
        }
        return shared;
    }

    @Override
    public void announce(javax.persistence.EntityManager em, String collection, String action, String id, String number,
            String user, Object record, List<org.tesseracrm.platform.api.HistoryEntry.FieldChange> changes) {
        org.tesseracrm.platform.internal.webhooks.WebhookOutbox outbox = webhooks;
        if (outbox != null && outbox.announce(em, collection, action, id, number, user, via(), record, changes)) {
            afterCommit(outbox::committed);
        }
    }

    @Override
    public References references() {
        return references;
    }

    @Override
    public List<RecordListener> listeners(String module) {
        List<RecordListener> following = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, RecordListener> l : listeners) {
            if (ServiceProperties.appliesTo(l.getKey(), RecordListener.MODULES, module)) {
                following.add(0, l.getValue());
            }
        }
        return following;
    }

    @Override
    public void post(Event event) {
        afterCommit(() -> events.postEvent(event));
    }

    @Override
    public void afterCommit(Runnable action) {
        try {
            Transaction tx = transactions.getTransaction();
            if (tx != null && tx.getStatus() == Status.STATUS_ACTIVE) {
                tx.registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        if (status == Status.STATUS_COMMITTED) {
                            run(action);
                        }
                    }
                });
                return;
            }
        } catch (SystemException | javax.transaction.RollbackException e) {
            return; // the transaction is failing: nothing happened to tell anyone about
        }
        run(action);
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("After-commit action failed", e);
        }
    }
}
