package org.tesseracrm.platform.api.mail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A message in the outbox and where it is: QUEUED, SENDING, SENT, FAILED (with the mail server's answer) or SUPPRESSED. */
public class Email {
    public static final String QUEUED = "QUEUED";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    /** Not sent: marketing to an address that has unsubscribed. */
    public static final String SUPPRESSED = "SUPPRESSED";

    public String id;
    /** The record it was sent from (a lead, a quote, a campaign…). */
    public String collection;
    public String recordId;
    public List<String> to = new ArrayList<>();
    public List<String> cc = new ArrayList<>();
    public String subject;
    public String body;
    /** The names of the files it carries. */
    public List<String> attachments = new ArrayList<>();
    public String state;
    public int attempts;
    /** The mail server's last answer when a try failed. */
    public String lastError;
    /** The user who sent it, or null for the system. */
    public String sender;
    public Instant queuedAt;
    /** When the next try is due (QUEUED), e.g. a scheduled campaign offer or a retry after a failure. */
    public Instant nextAttemptAt;
    public Instant sentAt;
}
