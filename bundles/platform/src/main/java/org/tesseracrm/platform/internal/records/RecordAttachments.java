package org.tesseracrm.platform.internal.records;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.apache.tika.Tika;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.Attachment;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.PayloadTooLargeException;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.TimelineEntry;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.api.spi.TimelineQuery;
import org.tesseracrm.platform.api.spi.TimelineSource;
import org.tesseracrm.platform.internal.db.Sql;
import org.tesseracrm.platform.internal.rest.BodySizeLimitFilter;
import org.tesseracrm.platform.persistence.RecordIds;

/**
 * Files attached to records of every module, kept in the database (so every node of a cluster
 * serves them). The content type is what the content is, recognised by Apache Tika, never what the
 * uploader declared; files are served as downloads only (see the record resource).
 */
@Component(service = { RecordAttachments.class, TimelineSource.class }, configurationPid = BodySizeLimitFilter.PID)
public class RecordAttachments implements TimelineSource {
    private static final String COLUMNS = "id, collection, record_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

    private final Sql sql;
    private final long maxBytes;
    private final Tika tika = new Tika();

    @Activate
    public RecordAttachments(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, BodySizeLimitFilter.Config limits) {
        this.sql = new Sql(dataSource);
        this.maxBytes = limits.maxUploadBytes();
    }



    public Attachment add(RecordRef record, String accountId, String fileName, InputStream content, String uploader) {
        byte[] bytes = read(content);
        if (bytes.length == 0) {
            throw new InvalidRequestException("The file is empty", List.of(new FieldError("file", "is empty")));
        }
        Attachment a = new Attachment();
        a.id = RecordIds.newId();
        a.collection = record.collection;
        a.recordId = record.id;
        a.fileName = safeName(fileName);
        a.contentType = tika.detect(bytes, a.fileName);
        a.size = bytes.length;
        a.sha256 = sha256(bytes);
        a.uploadedBy = uploader;
        a.uploadedAt = Instant.now();
        sql.inTransaction("save the file", c -> {
            Sql.update(c, "INSERT INTO tessera_attachment (" + COLUMNS + ", account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    a.id, a.collection, a.recordId, a.fileName, a.contentType, a.size, a.sha256, a.uploadedBy, a.uploadedAt, accountId);
            return Sql.update(c, "INSERT INTO tessera_attachment_content (id, content) VALUES (?, ?)", a.id, bytes);
        });
        return a;
    }

    public List<Attachment> list(String collection, String recordId) {
        return sql.query("read the files", "SELECT " + COLUMNS + " FROM tessera_attachment WHERE collection = ? AND record_id = ?"
                + " ORDER BY uploaded_at DESC, id DESC", RecordAttachments::attachment, collection, recordId);
    }

    public Attachment get(String collection, String recordId, String id) {
        return sql.first("read the file", "SELECT " + COLUMNS + " FROM tessera_attachment WHERE id = ? AND collection = ? AND record_id = ?",
                RecordAttachments::attachment, id, collection, recordId)
                .orElseThrow(() -> new RecordNotFoundException(collection + " attachments", id));
    }

    public byte[] content(String id) {
        return sql.first("read the file", "SELECT content FROM tessera_attachment_content WHERE id = ?", r -> r.getBytes(1), id)
                .orElseThrow(() -> new RecordNotFoundException("attachments", id));
    }

    public void delete(String collection, String recordId, String id) {
        get(collection, recordId, id);
        sql.inTransaction("remove the file", c -> {
            Sql.update(c, "DELETE FROM tessera_attachment_content WHERE id = ?", id);
            return Sql.update(c, "DELETE FROM tessera_attachment WHERE id = ?", id);
        });
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery query) {
        List<Object> parameters = new ArrayList<>();
        return sql.query("read the files", query.limit, "SELECT " + COLUMNS + " FROM tessera_attachment WHERE "
                + Cursor.timeline(query, "uploaded_at", parameters) + " ORDER BY uploaded_at DESC, id DESC",
                r -> entry(attachment(r)), parameters.toArray());
    }

    private static TimelineEntry entry(Attachment a) {
        TimelineEntry e = new TimelineEntry();
        e.id = a.id;
        e.at = a.uploadedAt;
        e.kind = "ATTACHMENT";
        e.user = a.uploadedBy;
        e.title = a.fileName;
        e.record = new RecordRef(a.collection, a.recordId, null, null);
        e.data.put("fileName", a.fileName);
        e.data.put("contentType", a.contentType);
        e.data.put("size", a.size);
        e.data.put("href", "/api/v1/" + a.collection + "/" + a.recordId + "/attachments/" + a.id);
        return e;
    }

    private byte[] read(InputStream content) {
        try (InputStream in = content) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new PayloadTooLargeException(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidRequestException("The file could not be read: " + e.getMessage(),
                    List.of(new FieldError("file", "could not be read")));
        }
    }

    /** The file's own name without any folder, control characters or quotes; "file" when nothing is left. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attachment attachment(ResultSet r) throws SQLException {
        Attachment a = new Attachment();
        a.id = r.getString("id");
        a.collection = r.getString("collection");
        a.recordId = r.getString("record_id");
        a.fileName = r.getString("file_name");
        a.contentType = r.getString("content_type");
        a.size = r.getLong("size_bytes");
        a.sha256 = r.getString("sha256");
        a.uploadedBy = r.getString("uploaded_by");
        a.uploadedAt = Sql.instant(r, "uploaded_at");
        return a;
    }
}
