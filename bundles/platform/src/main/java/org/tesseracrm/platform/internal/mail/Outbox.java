package org.tesseracrm.platform.internal.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.mail.Email;
import org.tesseracrm.platform.api.mail.Mailer;
import org.tesseracrm.platform.api.mail.OutgoingEmail;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.TimelineSource;
import org.tesseracrm.platform.internal.db.Sql;
import org.tesseracrm.platform.internal.records.Cursor;
import org.tesseracrm.platform.persistence.RecordIds;

/**
 * The outbox: every e-mail the CRM sends is first a row here, written before the request that asked
 * for it is answered, so an acknowledged message survives a crash; {@link MailDelivery} sends it
 * later. A node claims a due message with a conditional update (a lease), so with several nodes on
 * one database each message goes out once.
 */
@Component(service = { Outbox.class, Mailer.class, TimelineSource.class }, configurationPid = MailDelivery.PID)
public class Outbox implements Mailer, TimelineSource {
    static final int MOST_RECIPIENTS = 50;
    static final int LONGEST_BODY = 100_000;
    static final long MOST_ATTACHED_BYTES = 20L * 1024 * 1024;
    private static final String COLUMNS = "id, collection, record_id, sender, to_addresses, cc_addresses, subject, body,"
            + " attachment_names, state, attempts, last_error, queued_at, next_attempt_at, sent_at";

    private final Sql sql;
    /** Changed in place: the mail settings arrive after start, and re-creating the outbox would restart all that uses it. */
    private volatile MailDelivery.Config config;
    private final org.tesseracrm.platform.internal.db.RecordServices modules;
    private final List<Runnable> queuedListeners = new CopyOnWriteArrayList<>();

    @Activate
    public Outbox(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, @Reference org.tesseracrm.platform.internal.db.RecordServices modules,
            MailDelivery.Config config) {
        this.sql = new Sql(dataSource);
        this.modules = modules;
        this.config = config;
    }

    @org.osgi.service.component.annotations.Modified
    void configure(MailDelivery.Config changed) {
        this.config = changed;
    }

    /** Told after a message is queued (the delivery looks sooner than its next poll). */
    void onQueued(Runnable listener) {
        queuedListeners.add(listener);
    }

    void offQueued(Runnable listener) {
        queuedListeners.remove(listener);
    }

    @Override
    public Email queue(OutgoingEmail request) {
        List<String> to = addresses("to", request.to, true);
        List<String> cc = addresses("cc", request.cc, false);
        List<FieldError> errors = new ArrayList<>();
        if (to.size() + cc.size() > MOST_RECIPIENTS) {
            errors.add(new FieldError("to", "at most " + MOST_RECIPIENTS + " recipients"));
        }
        String subject = request.subject == null ? "" : request.subject.strip();
        if (subject.isEmpty()) {
            errors.add(new FieldError("subject", "is required"));
        } else if (subject.length() > 998 || subject.chars().anyMatch(ch -> ch == '\r' || ch == '\n')) {
            errors.add(new FieldError("subject", "must be one line of at most 998 characters"));
        }
        String unsubscribe = request.unsubscribeRecordId == null ? null : newToken();
        String body = request.body == null ? "" : request.body;
        if (unsubscribe != null) {
            body = body.stripTrailing() + "\n\n-- \n" + ("vi".equals(request.language) ? "Không muốn nhận thư này nữa? Hủy đăng ký:"
                    : "en".equals(request.language) ? "Do not want these e-mails? Unsubscribe:"
                    : "Do not want these e-mails? Unsubscribe: / Không muốn nhận thư này nữa? Hủy đăng ký:") + "\n" + MailDelivery.unsubscribeLink(config, unsubscribe) + "\n";
        }
        if (body.length() > LONGEST_BODY) {
            errors.add(new FieldError("body", "must be at most " + LONGEST_BODY + " characters"));
        }
        long bytes = request.attachments.stream().mapToLong(a -> a.content == null ? 0 : a.content.length).sum();
        if (bytes > MOST_ATTACHED_BYTES) {
            errors.add(new FieldError("attachments", "must be at most " + MOST_ATTACHED_BYTES / (1024 * 1024) + " MiB in all"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The e-mail is not valid: " + errors, errors);
        }
        if (request.key != null) {
            Optional<Email> earlier = byKey(request.key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Email e = new Email();
        e.id = RecordIds.newId();
        e.collection = request.collection;
        e.recordId = request.recordId;
        e.to = to;
        e.cc = cc;
        e.subject = subject;
        e.body = body;
        request.attachments.forEach(a -> e.attachments.add(a.fileName));
        String firstAddress = bare(to.get(0));
        boolean suppressed = unsubscribe != null && unsubscribed(to);
        e.state = suppressed ? Email.SUPPRESSED : Email.QUEUED;
        e.sender = request.sender;
        e.queuedAt = Instant.now();
        e.nextAttemptAt = request.notBefore == null || request.notBefore.isBefore(e.queuedAt) ? e.queuedAt : request.notBefore;
        try {
            sql.inTransaction("queue the e-mail", c -> {
                for (int i = 0; i < request.attachments.size(); i++) {
                    OutgoingEmail.Attachment a = request.attachments.get(i);
                    Sql.update(c, "INSERT INTO tessera_email_file (email_id, seq, file_name, content_type, content) VALUES (?, ?, ?, ?, ?)",
                            e.id, i, a.fileName, a.contentType, a.content);
                }
                if (unsubscribe != null && !suppressed) {
                    Sql.update(c, "INSERT INTO tessera_unsubscribe (token, collection, record_id, address, created_at) VALUES (?, ?, ?, ?, ?)",
                            unsubscribe, request.unsubscribeCollection, request.unsubscribeRecordId, firstAddress, e.queuedAt);
                }
                return Sql.update(c, "INSERT INTO tessera_email (" + COLUMNS + ", account_id, send_key, unsubscribe)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        e.id, e.collection, e.recordId, e.sender, String.join("\n", to), String.join("\n", cc), e.subject, e.body,
                        String.join("\n", e.attachments), e.state, 0, null, e.queuedAt, e.nextAttemptAt, null,
                        request.accountId, request.key, suppressed ? null : unsubscribe);
            });
        } catch (IllegalStateException failed) {
            if (request.key != null) {
                Optional<Email> concurrent = byKey(request.key); // the same key queued at the same moment
                if (concurrent.isPresent()) {
                    return concurrent.get();
                }
            }
            throw failed;
        }
        if (!suppressed) {
            queuedListeners.forEach(Runnable::run);
        }
        return e;
    }

    /** A link into the web UI, from the configured {@code publicUrl}: {@code link("#/c/leads/<id>")}. */
    public String link(String path) {
        return config.publicUrl().replaceAll("/+$", "") + "/" + path;
    }

    /** Whether an SMTP server is configured: without one, what only informs (a notification) is not queued. */
    public boolean configured() {
        return !org.tesseracrm.platform.api.ConfigText.of(config.host()).isBlank();
    }

    /**
     * A plain message (no files, no unsubscribe link) written on {@code c}, in its transaction, so it
     * exists exactly when what it tells of does (a notification); a key already queued is not queued again.
     */
    public void queueIn(java.sql.Connection c, OutgoingEmail request) throws java.sql.SQLException {
        List<String> to = addresses("to", request.to, true);
        String subject = request.subject.strip().replaceAll("[\\r\\n]+", " ");
        subject = subject.length() <= 998 ? subject : subject.substring(0, 997) + "…";
        if (request.key != null && !Sql.query(c, "SELECT id FROM tessera_email WHERE send_key = ?", 1, r -> r.getString(1),
                request.key).isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Sql.update(c, "INSERT INTO tessera_email (" + COLUMNS + ", account_id, send_key, unsubscribe)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                RecordIds.newId(), request.collection, request.recordId, request.sender, String.join("\n", to), "", subject,
                request.body == null ? "" : request.body, "", Email.QUEUED, 0, null, now, now, null, request.accountId, request.key, null);
        queuedListeners.forEach(Runnable::run); // the delivery's next look finds it once committed
    }

    /** The address alone, in lower case: how an unsubscribed address is recognised. */
    private static String bare(String address) {
        try {
            return new InternetAddress(address, false).getAddress().toLowerCase(java.util.Locale.ROOT);
        } catch (AddressException checkedBefore) {
            return address.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether one of the addresses has used an unsubscribe link. */
    private boolean unsubscribed(List<String> addresses) {
        List<String> bare = addresses.stream().map(Outbox::bare).toList();
        String marks = String.join(", ", java.util.Collections.nCopies(bare.size(), "?"));
        return !sql.query("read the unsubscribed addresses", 1, "SELECT token FROM tessera_unsubscribe WHERE address IN (" + marks
                + ") AND used_at IS NOT NULL", r -> r.getString(1), bare.toArray()).isEmpty();
    }

    @Override
    public Optional<String> addressOf(String collection, String id) {
        org.tesseracrm.platform.persistence.JpaRecordService<?, ?> service = collection == null ? null : modules.of(collection);
        if (service == null || id == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(RecordEmails.firstAddress(service.descriptor(),
                    org.tesseracrm.platform.rest.Json.mapper().valueToTree(service.get(id))));
        } catch (RecordNotFoundException gone) {
            return Optional.empty();
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** 256 random bits: an unsubscribe link nobody can guess. */
    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** Well-formed addresses, one per entry (a name may come with it: {@code Lan <lan@example.com>}). */
    static List<String> addresses(String field, List<String> given, boolean required) {
        List<String> addresses = new ArrayList<>();
        for (String a : given == null ? List.<String>of() : given) {
            if (a == null || a.isBlank()) {
                continue;
            }
            try {
                InternetAddress parsed = new InternetAddress(a.strip(), true);
                parsed.validate();
                if (parsed.isGroup() || !parsed.getAddress().contains("@")) {
                    throw new AddressException("not one address");
                }
                addresses.add(parsed.toUnicodeString());
            } catch (AddressException bad) {
                throw new InvalidRequestException(field + ": \"" + a + "\" is not an e-mail address",
                        List.of(new FieldError(field, "\"" + a + "\" is not an e-mail address")));
            }
        }
        if (required && addresses.isEmpty()) {
            throw new InvalidRequestException("Name at least one recipient", List.of(new FieldError(field, "is required")));
        }
        return addresses;
    }

    @Override
    public Map<String, Email> byKeys(Collection<String> keys) {
        Map<String, Email> found = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            sql.query("read the e-mails", "SELECT " + COLUMNS + ", send_key FROM tessera_email WHERE send_key IN (" + marks + ")",
                    r -> found.put(r.getString("send_key"), email(r)), chunk.toArray());
        }
        return found;
    }

    private Optional<Email> byKey(String key) {
        return sql.first("read the e-mail", "SELECT " + COLUMNS + " FROM tessera_email WHERE send_key = ?", Outbox::email, key);
    }

    public Email get(String id) {
        return sql.first("read the e-mail", "SELECT " + COLUMNS + " FROM tessera_email WHERE id = ?", Outbox::email, id)
                .orElseThrow(() -> new RecordNotFoundException("emails", id));
    }

    /** The outbox newest first: all of it ({@code sender} null) or one user's; optionally in one state or of one record. */
    public Page<Email> list(String sender, String state, String collection, String recordId, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        if (sender != null) {
            where.append(" AND sender = ?");
            parameters.add(sender);
        }
        if (state != null) {
            where.append(" AND state = ?");
            parameters.add(state);
        }
        if (collection != null) {
            where.append(" AND collection = ?");
            parameters.add(collection);
        }
        if (recordId != null) {
            where.append(" AND record_id = ?");
            parameters.add(recordId);
        }
        if (after != null) {
            where.append(" AND ").append(Cursor.before("queued_at"));
            parameters.addAll(Arrays.asList(after.at, after.at, after.id));
        }
        List<Email> emails = sql.query("read the outbox", limit + 1, "SELECT " + COLUMNS + " FROM tessera_email WHERE " + where
                + " ORDER BY queued_at DESC, id DESC", Outbox::email, parameters.toArray());
        return Cursor.page(emails, limit, e -> new Cursor(e.queuedAt, e.id));
    }

    /** A failed message queued again now, its tries counted afresh. */
    public Email retry(String id) {
        Email e = get(id);
        if (!Email.FAILED.equals(e.state)) {
            throw new org.tesseracrm.platform.api.RuleViolationException("state", "only a FAILED e-mail is sent again; this one is " + e.state);
        }
        sql.update("queue the e-mail again", "UPDATE tessera_email SET state = ?, attempts = 0, next_attempt_at = ?, lease_until = NULL"
                + " WHERE id = ? AND state = ?", Email.QUEUED, Instant.now(), id, Email.FAILED);
        queuedListeners.forEach(Runnable::run);
        return get(id);
    }

    // ---- what the delivery uses ----

    /** Up to {@code max} messages due now, oldest first (not yet claimed). */
    List<String> due(Instant now, int max) {
        return sql.query("read the outbox", max, "SELECT id FROM tessera_email WHERE (state = ? AND next_attempt_at <= ?)"
                + " OR (state = ? AND lease_until < ?) ORDER BY next_attempt_at, id", r -> r.getString(1),
                Email.QUEUED, now, Email.SENDING, now);
    }

    /** Claims a due message for this node until {@code leaseUntil}; false when another node has it. */
    boolean claim(String id, Instant now, Instant leaseUntil) {
        return sql.update("claim the e-mail", "UPDATE tessera_email SET state = ?, lease_until = ?, attempts = attempts + 1"
                + " WHERE id = ? AND ((state = ? AND next_attempt_at <= ?) OR (state = ? AND lease_until < ?))",
                Email.SENDING, leaseUntil, id, Email.QUEUED, now, Email.SENDING, now) == 1;
    }

    /** What is sent for a claimed message: the message, its files and its unsubscribe token. */
    Outgoing outgoing(String id) {
        Email e = get(id);
        String token = sql.query("read the e-mail", "SELECT unsubscribe FROM tessera_email WHERE id = ?", r -> Optional.ofNullable(r.getString(1)), id)
                .stream().flatMap(Optional::stream).findFirst().orElse(null);
        List<OutgoingEmail.Attachment> files = sql.query("read the e-mail's files", "SELECT file_name, content_type, content"
                + " FROM tessera_email_file WHERE email_id = ? ORDER BY seq", r -> new OutgoingEmail.Attachment(r.getString(1),
                        r.getString(2), r.getBytes(3)), id);
        return new Outgoing(e, files, token);
    }

    record Outgoing(Email email, List<OutgoingEmail.Attachment> files, String unsubscribeToken) {
    }

    void sent(String id, Instant at) {
        sql.update("mark the e-mail sent", "UPDATE tessera_email SET state = ?, sent_at = ?, lease_until = NULL, last_error = NULL"
                + " WHERE id = ?", Email.SENT, at, id);
    }

    /** A try that failed: queued again after {@code retryAt}, or FAILED for good when {@code retryAt} is null. */
    void failed(String id, String error, Instant retryAt) {
        String answer = error == null ? "failed" : error.length() <= 2000 ? error : error.substring(0, 2000);
        sql.update("mark the e-mail failed", "UPDATE tessera_email SET state = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at),"
                + " lease_until = NULL WHERE id = ?", retryAt == null ? Email.FAILED : Email.QUEUED, answer, retryAt, id);
    }

    /** How many messages went out since {@code since}, on every node (the rate is the cluster's). */
    int sentSince(Instant since) {
        return sql.first("count the e-mails sent", "SELECT COUNT(*) FROM tessera_email WHERE sent_at >= ?", r -> r.getInt(1), since)
                .orElse(0);
    }

    /** The person an unsubscribe token names, marked used. */
    Optional<RecordRef> unsubscribe(String token) {
        if (token == null || !token.matches("[0-9a-f]{16,64}")) {
            return Optional.empty();
        }
        return sql.inTransaction("read the unsubscribe link", c -> {
            List<RecordRef> found = Sql.query(c, "SELECT collection, record_id FROM tessera_unsubscribe WHERE token = ?", 1,
                    r -> new RecordRef(r.getString(1), r.getString(2), null, null), token);
            if (!found.isEmpty()) {
                Sql.update(c, "UPDATE tessera_unsubscribe SET used_at = ? WHERE token = ? AND used_at IS NULL", Instant.now(), token);
            }
            return found.stream().findFirst();
        });
    }

    // ---- the timeline ----

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        List<Object> parameters = new ArrayList<>();
        return sql.query("read the e-mails", query.limit, "SELECT " + COLUMNS + " FROM tessera_email WHERE "
                + Cursor.timeline(query, "queued_at", parameters) + " ORDER BY queued_at DESC, id DESC",
                r -> entry(email(r)), parameters.toArray());
    }

    private static TimelineEntry entry(Email m) {
        TimelineEntry e = new TimelineEntry();
        e.id = m.id;
        e.at = m.queuedAt;
        e.kind = "EMAIL";
        e.user = m.sender;
        e.title = m.subject;
        e.record = new RecordRef(m.collection, m.recordId, null, null);
        e.data.put("to", m.to);
        e.data.put("state", m.state);
        e.data.put("attachments", m.attachments);
        if (m.sentAt != null) {
            e.data.put("sentAt", m.sentAt.toString());
        }
        if (m.lastError != null) {
            e.data.put("lastError", m.lastError);
        }
        e.data.put("href", "/api/v1/emails/" + m.id);
        return e;
    }

    private static Email email(ResultSet r) throws SQLException {
        Email e = new Email();
        e.id = r.getString("id");
        e.collection = r.getString("collection");
        e.recordId = r.getString("record_id");
        e.sender = r.getString("sender");
        e.to = split(r.getString("to_addresses"), "\n");
        e.cc = split(r.getString("cc_addresses"), "\n");
        e.subject = r.getString("subject");
        e.body = r.getString("body");
        e.attachments = split(r.getString("attachment_names"), "\n");
        e.state = r.getString("state");
        e.attempts = r.getInt("attempts");
        e.lastError = r.getString("last_error");
        e.queuedAt = Sql.instant(r, "queued_at");
        e.nextAttemptAt = Sql.instant(r, "next_attempt_at");
        e.sentAt = Sql.instant(r, "sent_at");
        return e;
    }

    private static List<String> split(String joined, String separator) {
        return joined == null || joined.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(joined.split(java.util.regex.Pattern.quote(separator))));
    }
}
