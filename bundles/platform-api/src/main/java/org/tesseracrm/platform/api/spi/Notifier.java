package org.tesseracrm.platform.api.spi;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's in-application notifications, for modules that tell a user something (a task
 * assigned, a reminder due). A notification is never sent to the user who caused it.
 */
@ProviderType
public interface Notifier {
    /**
     * Tells {@code recipient}. {@code eventKey}, when given, makes the event one notification however
     * many times or on however many nodes it is told (a reminder fired by two servers).
     */
    void notify(String recipient, String kind, String actor, String collection, String recordId, String title,
            String detail, String eventKey);
}
