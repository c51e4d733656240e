package org.tesseracrm.platform.internal.notify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.Notification;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.Notifier;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.internal.db.Sql;
import org.tesseracrm.platform.persistence.RecordIds;

/**
 * Each user's in-application notifications: written in the transaction of what caused them where
 * there is one (a note's mention), read unread first, marked read one by one or all at once. An
 * event key makes an event one notification on however many nodes it is told.
 */
@Component(service = { Notifications.class, Notifier.class })
public class Notifications implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final String COLUMNS = "id, kind, at, actor, collection, record_id, title, detail, read_at";
    /** Unread (0) before read (1), then newest first. */
    private static final String ORDER = "CASE WHEN read_at IS NULL THEN 0 ELSE 1 END";

    private final Sql sql;

    private final org.tesseracrm.platform.internal.mail.Outbox outbox;
    private final org.tesseracrm.platform.internal.security.UserAccounts users;

    @Activate
    public Notifications(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, @Reference org.tesseracrm.platform.internal.mail.Outbox outbox,
            @Reference org.tesseracrm.platform.internal.security.UserAccounts users) {
        this.sql = new Sql(dataSource);
        this.outbox = outbox;
        this.users = users;
    }

    /** How a record is named in a notification: its number and label. */
    public static String titleOf(RecordRef record) {
        String title = (record.number == null ? "" : record.number)
                + (record.label == null || record.label.isEmpty() ? "" : (record.number == null ? "" : " ") + record.label);
        title = title.isEmpty() ? record.collection + " " + record.id : title;
        return title.length() <= 300 ? title : title.substring(0, 299) + "…";
    }

    @Override
    public void notify(String recipient, String kind, String actor, String collection, String recordId, String title,
            String detail, String eventKey) {
        try {
            sql.inTransaction("write the notification", c -> {
                notify(c, recipient, kind, actor, collection, recordId, title, detail, eventKey);
                return null;
            });
        } catch (IllegalStateException e) {
            LOG.warn("Notification {} for {} not written: {}", kind, recipient, e.getMessage());
        }
    }

    /** Writes a notification on {@code c}, in its transaction; an event already told is told once. */
    public void notify(Connection c, String recipient, String kind, String actor, String collection, String recordId,
            String title, String detail, String eventKey) throws SQLException {
        if (recipient == null || recipient.equals(actor)) {
            return; // nobody is told what they did themselves
        }
        if (eventKey != null && !Sql.query(c, "SELECT id FROM tessera_notification WHERE event_key = ?", 1, r -> r.getString(1),
                eventKey).isEmpty()) {
            return;
        }
        // two nodes telling the same event at once: the unique event key keeps one, the other fails its insert
        String id = RecordIds.newId();
        Sql.update(c, "INSERT INTO tessera_notification (" + COLUMNS + ", recipient, event_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, kind, Instant.now(), actor, collection, recordId, shorten(title, 300), shorten(detail, 1000),
                null, recipient, eventKey);
        email(c, id, recipient, kind, actor, collection, recordId, title, detail);
    }

    /** What the notification says and a link to its record. */
    private static final Map<String, String> SUBJECTS = Map.of(
            "MENTION", "{0} mentioned you · {0} nhắc đến bạn",
            "ASSIGNED", "{0} assigned to you · {0} giao cho bạn",
            "TASK_ASSIGNED", "{0} gave you a task · {0} giao việc cho bạn",
            "INVITED", "{0} invited you · {0} mời bạn",
            "REMINDER", "Reminder · Nhắc việc");

    /**
     * The notification by e-mail too, when mail is configured and the recipient has an address: in
     * the same transaction, so it goes out exactly when the notification exists.
     */
    private void email(Connection c, String id, String recipient, String kind, String actor, String collection, String recordId,
            String title, String detail) throws SQLException {
        if (!outbox.configured()) {
            return;
        }
        String address = users.find(recipient).filter(u -> u.active && u.email != null && !u.email.isBlank()).map(u -> u.email)
                .orElse(null);
        if (address == null) {
            return;
        }
        org.tesseracrm.platform.api.mail.OutgoingEmail e = new org.tesseracrm.platform.api.mail.OutgoingEmail();
        e.to = List.of(address);
        e.subject = SUBJECTS.getOrDefault(kind, kind).replace("{0}", actor == null ? "Tessera CRM" : actor) + ": " + (title == null ? "" : title);
        e.body = (title == null ? "" : title) + (detail == null || detail.isBlank() ? "" : "\n\n" + detail)
                + (collection == null || recordId == null ? "" : "\n\n" + outbox.link("#/c/" + collection + "/" + recordId)) + "\n";
        e.key = "notification:" + id;
        try {
            outbox.queueIn(c, e);
        } catch (org.tesseracrm.platform.api.InvalidRequestException unusable) {
            LOG.info("Notification {} for {} not e-mailed: {}", kind, recipient, unusable.getMessage());
        }
    }

    /** A user's notifications, unread first, then newest first. */
    public Inbox inbox(String user, boolean unreadOnly, int limit, String cursor) {
        Position after = Position.decode(cursor);
        String where = "recipient = ?" + (unreadOnly ? " AND read_at IS NULL" : "");
        Object[] parameters = { user };
        if (after != null) {
            where += " AND (" + ORDER + " > ? OR (" + ORDER + " = ? AND (at < ? OR (at = ? AND id < ?))))";
            parameters = new Object[] { user, after.read, after.read, after.at, after.at, after.id };
        }
        List<Notification> rows = sql.query("read the notifications", limit + 1, "SELECT " + COLUMNS + " FROM tessera_notification WHERE "
                + where + " ORDER BY " + ORDER + ", at DESC, id DESC", Notifications::notification, parameters);
        Inbox inbox = new Inbox();
        boolean more = rows.size() > limit;
        inbox.items = more ? rows.subList(0, limit) : rows;
        if (more) {
            Notification last = inbox.items.get(inbox.items.size() - 1);
            inbox.nextCursor = new Position(last.readAt == null ? 0 : 1, last.at, last.id).encode();
        }
        inbox.unread = sql.first("count the notifications", "SELECT COUNT(*) FROM tessera_notification WHERE recipient = ? AND read_at IS NULL",
                r -> r.getLong(1), user).orElse(0L);
        return inbox;
    }

    /** One page of a user's notifications and how many are unread in all. */
    public static final class Inbox {
        public List<Notification> items;
        public String nextCursor;
        public long unread;
    }

    public Notification markRead(String user, String id) {
        sql.update("mark the notification read", "UPDATE tessera_notification SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL",
                Instant.now(), id, user);
        return sql.first("read the notification", "SELECT " + COLUMNS + " FROM tessera_notification WHERE id = ? AND recipient = ?",
                Notifications::notification, id, user)
                .orElseThrow(() -> new RecordNotFoundException("notifications", id));
    }

    public int markAllRead(String user) {
        return sql.update("mark the notifications read", "UPDATE tessera_notification SET read_at = ? WHERE recipient = ? AND read_at IS NULL",
                Instant.now(), user);
    }

    private static Notification notification(ResultSet r) throws SQLException {
        Notification n = new Notification();
        n.id = r.getString("id");
        n.kind = r.getString("kind");
        n.at = Sql.instant(r, "at");
        n.actor = r.getString("actor");
        n.collection = r.getString("collection");
        n.recordId = r.getString("record_id");
        n.title = r.getString("title");
        n.detail = r.getString("detail");
        n.readAt = Sql.instant(r, "read_at");
        return n;
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A position in the inbox: read or not, then instant and id. */
    private static final class Position {
        final int read;
        final Instant at;
        final String id;

        Position(int read, Instant at, String id) {
            this.read = read;
            this.at = at;
            this.id = id;
        }

        String encode() {
            return new org.tesseracrm.platform.internal.records.Cursor(at, read + ":" + id).encode();
        }

        static Position decode(String cursor) {
            org.tesseracrm.platform.internal.records.Cursor c = org.tesseracrm.platform.internal.records.Cursor.decode(cursor);
            if (c == null) {
                return null;
            }
            int colon = c.id.indexOf(':');
            String read = colon < 0 ? "" : c.id.substring(0, colon);
            if (!read.equals("0") && !read.equals("1")) {
                throw new org.tesseracrm.platform.api.InvalidRequestException("cursor is not a cursor of this list",
                        List.of(new org.tesseracrm.platform.api.FieldError("cursor", "is not a cursor of this list")));
            }
            return new Position(Integer.parseInt(read), c.at, c.id.substring(colon + 1));
        }
    }
}
