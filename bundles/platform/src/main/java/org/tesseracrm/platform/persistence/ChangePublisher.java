package org.tesseracrm.platform.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.spi.RecordChange;
import org.tesseracrm.platform.api.spi.RecordListener;

/**
 * Tells others about a module's changes: partners' record listeners before the commit (they may
 * refuse) and after it, and an OSGi event once the change is committed.
 */
final class ChangePublisher {
    private static final Logger LOG = LoggerFactory.getLogger(ChangePublisher.class);

    private final String moduleName;
    private final RecordContext context;

    ChangePublisher(String moduleName, RecordContext context) {
        this.moduleName = moduleName;
        this.context = context;
    }

    /** The listeners' objections to a change about to be committed, added to {@code errors}. */
    void beforeCommit(String action, RecordDto record, RecordDto before, String user, List<FieldError> errors) {
        List<RecordListener> listeners = context.listeners(moduleName);
        if (!listeners.isEmpty()) {
            RecordChange change = new RecordChange(moduleName, action, record, before, user);
            for (RecordListener l : listeners) {
                l.beforeCommit(change, errors);
            }
        }
    }

    /** Tells the listeners about the change once its transaction commits. */
    void afterCommit(String action, String id, RecordDto record, RecordDto before, String user) {
        List<RecordListener> listeners = context.listeners(moduleName);
        if (!listeners.isEmpty()) {
            RecordChange change = new RecordChange(moduleName, action, record, before, user);
            context.afterCommit(() -> {
                for (RecordListener l : listeners) {
                    try {
                        l.afterCommit(change);
                    } catch (RuntimeException e) {
                        LOG.warn("Record listener {} failed after {} {} {}", l, moduleName, action, id, e);
                    }
                }
            });
        }
    }

    /** The OSGi event of a committed change. */
    void post(String action, String id, String number, String user) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(RecordEvents.PROPERTY_ID, id);
        properties.put(RecordEvents.PROPERTY_NUMBER, number);
        if (user != null) {
            properties.put(RecordEvents.PROPERTY_USER, user);
        }
        context.post(new Event(RecordEvents.topic(moduleName, action), properties));
    }
}
