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
     * Marketing (with an unsubscribe link) to an address that has unsubscribed is kept as
     * {@link Email#SUPPRESSED} and never sent.
     */
    Email queue(OutgoingEmail email);

    /**
     * The e-mail address of a record of any module (its first e-mail field that is filled), as the
     * caller may see it; empty when it has none, is gone, or its module is not installed.
     */
    java.util.Optional<String> addressOf(String collection, String id);

    /** The messages queued with these keys, by key (those never queued are absent). */
    Map<String, Email> byKeys(Collection<String> keys);
}
