package org.tesseracrm.platform.internal.notify;

import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.RecordChange;
import org.tesseracrm.platform.api.spi.RecordListener;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.persistence.JpaRecordService;

/**
 * Tells a user when a record of any module is assigned to them by someone else (created so, or
 * reassigned). The record is named in the background: while a transaction completes, its thread
 * cannot read through JPA.
 */
@Component(service = RecordListener.class)
public class AssignmentNotices implements RecordListener {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AssignmentNotices.class);
    static final String FIELD = "assignedTo";

    private final Notifications notifications;
    private final RecordServices modules;
    /** Its own thread: the platform's background executor belongs to the record context, which calls this listener. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tessera-assignment-notices");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public AssignmentNotices(@Reference Notifications notifications, @Reference RecordServices modules) {
        this.notifications = notifications;
        this.modules = modules;
    }

    @Deactivate
    void stop() {
        background.shutdown(); // not interrupted: an interrupted read closes H2's database file
    }

    @Override
    public void afterCommit(RecordChange change) {
        if (!RecordEvents.CREATED.equals(change.action) && !RecordEvents.UPDATED.equals(change.action)) {
            return;
        }
        String now = assignee(change.record);
        if (now == null || now.equals(assignee(change.before))) {
            return;
        }
        JpaRecordService<?, ?> service = modules.ofModule(change.module);
        if (service == null || now.equals(change.user)) {
            return;
        }
        String collection = service.collection();
        background.execute(() -> {
            try {
                RecordRef record = service.find(change.record.id)
                        .orElse(new RecordRef(collection, change.record.id, change.record.number, null));
                notifications.notify(now, "ASSIGNED", change.user, collection, change.record.id, Notifications.titleOf(record),
                        null, "assigned:" + change.record.id + ":" + change.record.version + ":" + now);
            } catch (RuntimeException e) {
                LOG.warn("{} not told of {} {} assigned to them: {}", now, collection, change.record.id, e.toString());
            }
        });
    }

    /** The DTO's public {@code assignedTo} text field, looked up once per DTO type (this runs on every write). */
    private static final ClassValue<Optional<Field>> ASSIGNEE = new ClassValue<>() {
        @Override
        protected Optional<Field> computeValue(Class<?> type) {
            try {
                Field f = type.getField(FIELD);
                return f.getType() == String.class ? Optional.of(f) : Optional.empty();
            } catch (NoSuchFieldException e) {
                return Optional.empty();
            }
        }
    };

    private static String assignee(RecordDto record) {
        if (record == null) {
            return null;
        }
        Optional<Field> field = ASSIGNEE.get(record.getClass());
        if (field.isEmpty()) {
            return null;
        }
        try {
            String value = (String) field.get().get(record);
            return value == null || value.isEmpty() ? null : value;
        } catch (IllegalAccessException e) {
            return null;
        }
    }
}
