package org.tesseracrm.platform.internal.records;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.AccessDeniedException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Note;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.StaleVersionException;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.TimelineSource;
import org.tesseracrm.platform.internal.db.Sql;
import org.tesseracrm.platform.internal.notify.Notifications;
import org.tesseracrm.platform.internal.security.UserAccounts;
import org.tesseracrm.platform.persistence.RecordIds;

/**
 * Notes on records of every module, kept by the platform: written by whoever may change the record,
 * changed or removed by their author (or an administrator), read by whoever may read the record.
 * {@code @name} of an active user mentions them, and they are notified once per note.
 */
@Component(service = { RecordNotes.class, TimelineSource.class })
public class RecordNotes implements TimelineSource {
    static final int LONGEST = 20_000;
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([A-Za-z0-9][A-Za-z0-9._@-]{0,99})");
    private static final String COLUMNS = "id, collection, record_id, body, mentions, author, created_at, updated_at, version";

    private final Sql sql;
    private final UserAccounts users;
    private final Notifications notifications;

    @Activate
    public RecordNotes(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, @Reference UserAccounts users, @Reference Notifications notifications) {
        this.sql = new Sql(dataSource);
        this.users = users;
        this.notifications = notifications;
    }



    public Note add(RecordRef record, String accountId, String body, String author) {
        Note note = new Note();
        note.id = RecordIds.newId();
        note.collection = record.collection;
        note.recordId = record.id;
        note.body = checked(body);
        note.mentions = mentions(note.body);
        note.author = author;
        note.createdAt = Instant.now();
        note.updatedAt = note.createdAt;
        note.version = 1;
        sql.inTransaction("save the note", c -> {
            Sql.update(c, "INSERT INTO tessera_note (" + COLUMNS + ", account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    note.id, note.collection, note.recordId, note.body, String.join(" ", note.mentions), note.author,
                    note.createdAt, note.updatedAt, note.version, accountId);
            notifyMentioned(c, note, note.mentions, record);
            return null;
        });
        return note;
    }

    public Page<Note> list(String collection, String recordId, int limit, String cursor) {
        Cursor after = Cursor.decode(cursor);
        List<Note> notes = sql.query("read the notes", limit + 1, "SELECT " + COLUMNS + " FROM tessera_note"
                + " WHERE collection = ? AND record_id = ?" + (after == null ? "" : " AND " + Cursor.before("created_at"))
                + " ORDER BY created_at DESC, id DESC", RecordNotes::note, after == null
                        ? new Object[] { collection, recordId }
                        : new Object[] { collection, recordId, after.at, after.at, after.id });
        return Cursor.page(notes, limit, n -> new Cursor(n.createdAt, n.id));
    }

    public Note get(String collection, String recordId, String noteId) {
        return sql.first("read the note", "SELECT " + COLUMNS + " FROM tessera_note WHERE id = ? AND collection = ? AND record_id = ?",
                RecordNotes::note, noteId, collection, recordId)
                .orElseThrow(() -> new RecordNotFoundException(collection + " notes", noteId));
    }

    /** A new body for the note, by its author or an administrator; {@code expectedVersion} (If-Match) guards a concurrent change. */
    public Note change(RecordRef record, String noteId, String body, Long expectedVersion, String caller, boolean administrator) {
        Note note = owned(get(record.collection, record.id, noteId), caller, administrator);
        if (expectedVersion != null && expectedVersion != note.version) {
            throw new StaleVersionException("The note was changed since version " + expectedVersion + "; it is at " + note.version);
        }
        Set<String> before = new LinkedHashSet<>(note.mentions);
        note.body = checked(body);
        note.mentions = mentions(note.body);
        note.updatedAt = Instant.now();
        long version = note.version;
        note.version = version + 1;
        sql.inTransaction("change the note", c -> {
            if (Sql.update(c, "UPDATE tessera_note SET body = ?, mentions = ?, updated_at = ?, version = ? WHERE id = ? AND version = ?",
                    note.body, String.join(" ", note.mentions), note.updatedAt, note.version, note.id, version) == 0) {
                throw new StaleVersionException("The note was changed at the same time; read it again");
            }
            List<String> added = new ArrayList<>(note.mentions);
            added.removeAll(before);
            notifyMentioned(c, note, added, record);
            return null;
        });
        return note;
    }

    public void delete(String collection, String recordId, String noteId, String caller, boolean administrator) {
        owned(get(collection, recordId, noteId), caller, administrator);
        sql.update("remove the note", "DELETE FROM tessera_note WHERE id = ?", noteId);
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        List<Object> parameters = new ArrayList<>();
        return sql.query("read the notes", query.limit, "SELECT " + COLUMNS + " FROM tessera_note WHERE "
                + Cursor.timeline(query, "created_at", parameters) + " ORDER BY created_at DESC, id DESC",
                r -> entry(note(r)), parameters.toArray());
    }

    private static TimelineEntry entry(Note note) {
        TimelineEntry e = new TimelineEntry();
        e.id = note.id;
        e.at = note.createdAt;
        e.kind = "NOTE";
        e.user = note.author;
        e.title = note.body.length() <= 120 ? note.body : note.body.substring(0, 119) + "…";
        e.text = note.body;
        e.record = new RecordRef(note.collection, note.recordId, null, null);
        e.data.put("mentions", note.mentions);
        e.data.put("updatedAt", note.updatedAt);
        return e;
    }

    private void notifyMentioned(java.sql.Connection c, Note note, List<String> mentioned, RecordRef record) throws SQLException {
        for (String user : mentioned) {
            notifications.notify(c, user, "MENTION", note.author, note.collection, note.recordId, Notifications.titleOf(record),
                    note.body.length() <= 300 ? note.body : note.body.substring(0, 299) + "…", "note:" + note.id + ":" + user);
        }
    }

    /** The active users {@code @name}d in the text, each once; a trailing full stop or dash is not part of a name. */
    List<String> mentions(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            while (!name.isEmpty()) {
                if (users.find(name).filter(u -> u.active).isPresent()) {
                    found.add(name);
                    break;
                }
                char last = name.charAt(name.length() - 1);
                if (last != '.' && last != '-' && last != '_' && last != '@') {
                    break;
                }
                name = name.substring(0, name.length() - 1);
            }
        }
        return new ArrayList<>(found);
    }

    private static Note owned(Note note, String caller, boolean administrator) {
        if (!administrator && !note.author.equals(caller)) {
            throw new AccessDeniedException("Only its author or an administrator changes or removes a note");
        }
        return note;
    }

    private static String checked(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidRequestException("A note needs a body", List.of(new FieldError("body", "is required")));
        }
        if (body.length() > LONGEST) {
            throw new InvalidRequestException("A note is at most " + LONGEST + " characters",
                    List.of(new FieldError("body", "is longer than " + LONGEST + " characters")));
        }
        return body.strip();
    }

    private static Note note(ResultSet r) throws SQLException {
        Note n = new Note();
        n.id = r.getString("id");
        n.collection = r.getString("collection");
        n.recordId = r.getString("record_id");
        n.body = r.getString("body");
        String mentions = r.getString("mentions");
        n.mentions = mentions.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(mentions.split(" ")));
        n.author = r.getString("author");
        n.createdAt = Sql.instant(r, "created_at");
        n.updatedAt = Sql.instant(r, "updated_at");
        n.version = r.getLong("version");
        return n;
    }
}
