package org.tesseracrm.platform.api.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a module asks the {@link Mailer} to send. */
public class OutgoingEmail {
    /** The record it is sent from; its timeline (and its account's) shows the message. */
    public String collection;
    public String recordId;
    /** The account the record concerns, if any, so the account's timeline shows it too. */
    public String accountId;
    public List<String> to = new ArrayList<>();
    public List<String> cc = new ArrayList<>();
    public String subject;
    /** Plain text. */
    public String body;
    /** The language ({@code en}, {@code vi}) of what the CRM adds to the message (the unsubscribe line). */
    public String language;
    public List<Attachment> attachments = new ArrayList<>();
    /** The user sending, or null for the system. */
    public String sender;
    /**
     * Makes the request idempotent: a second message with the same key is not queued again and the
     * first is answered (e.g. {@code campaign-offer:<offer id>}).
     */
    public String key;
    /** Not sent before this instant (a scheduled offer); null for as soon as possible. */
    public Instant notBefore;
    /**
     * The person (a lead's or contact's or account's collection and id) the message goes to when it is
     * marketing: it then carries a link that opts them out ({@code emailOptOut}) without signing in.
     */
    public String unsubscribeCollection;
    public String unsubscribeRecordId;

    /** A file sent with the message. */
    public static class Attachment {
        public String fileName;
        public String contentType;
        public byte[] content;

        public Attachment() {
        }

        public Attachment(String fileName, String contentType, byte[] content) {
            this.fileName = fileName;
            this.contentType = contentType;
            this.content = content;
        }
    }
}
