package org.tesseracrm.platform.api.mail;

import java.util.Collection;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends e-mail through the outbox: a message is written to the database and delivered in the
 * background (never while a request waits), retried with backoff, at the configured rate.
 */
@ProviderType
public interface Mailer {
    /**
     * Queues {@code email}; checks its addresses and sizes ({@code InvalidRequestException} when they
     * are wrong). With a {@link OutgoingEmail#key key} already queued, answers that message instead.
     */
    Email queue(OutgoingEmail email);

    /** The messages queued with these keys, by key (those never queued are absent). */
    Map<String, Email> byKeys(Collection<String> keys);
}
