package org.tesseracrm.platform.internal.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.HistoryEntry;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.spi.FieldLabels;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The audit trail: the history lines the record services write in their own transactions, and the
 * security events (sign-ins, tokens, users, roles, teams) written here. Lines older than the
 * configured retention are removed once a day.
 */
@Component(service = AuditTrail.class, configurationPid = "org.tesseracrm.audit", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AuditTrail.Config.class)
public class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final TypeReference<List<HistoryEntry.FieldChange>> CHANGES = new TypeReference<>() {
    };
    static final int MAX_LIMIT = 200;

    @ObjectClassDefinition(name = "Tessera audit trail")
    public @interface Config {
        @AttributeDefinition(description = "Days a line of the audit trail (record history, sign-ins) is kept; 0 keeps it for ever")
        int retentionDays() default 0;
    }

    private final DataSource dataSource;
    private final ScheduledExecutorService purge;
    /** The trail in service, for the record resources that modules construct themselves. */
    private static volatile AuditTrail active;

    /**
     * Gives each changed field its label in the caller's language (the first of {@code languages}),
     * from the descriptor of the record's module; a module no longer installed keeps the platform's labels.
     */
    public static void label(List<HistoryEntry> entries, Function<String, ModuleDescriptor> moduleOf, List<Locale> languages) {
        Locale language = FieldLabels.language(languages.isEmpty() ? null : languages.get(0));
        for (HistoryEntry e : entries) {
            ModuleDescriptor module = e.collection == null ? null : moduleOf.apply(e.collection);
            for (HistoryEntry.FieldChange c : e.changes) {
                org.tesseracrm.platform.internal.fields.CustomField custom = c.field.startsWith(org.tesseracrm.platform.api.RecordDto.CUSTOM_PREFIX)
                        && org.tesseracrm.platform.internal.fields.CustomFieldCatalog.active() != null
                        ? org.tesseracrm.platform.internal.fields.CustomFieldCatalog.active().field(e.collection, c.field) : null;
                c.label = custom != null ? custom.label.get(language == Locale.ROOT ? "en" : "vi")
                        : module != null ? module.fieldLabel(c.field, language) : FieldLabels.common(c.field, language);
            }
        }
    }

    public static AuditTrail active() {
        AuditTrail trail = active;
        if (trail == null) {
            throw new IllegalStateException("The audit trail is not running");
        }
        return trail;
    }

    @Activate
    public AuditTrail(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, Config config) {
        this.dataSource = dataSource;
        int days = config.retentionDays();
        if (days > 0) {
            purge = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tessera-audit-retention");
                t.setDaemon(true);
                return t;
            });
            purge.scheduleWithFixedDelay(() -> purge(Duration.ofDays(days)), 1, 24 * 60, TimeUnit.MINUTES);
        } else {
            purge = null;
        }
        active = this;
    }

    @Deactivate
    void stop() {
        if (active == this) {
            active = null;
        }
        if (purge != null) {
            purge.shutdown(); // not interrupted: an interrupted read closes H2's database file
        }
    }

    /** A security event: {@code action} such as SIGNED_IN, SIGN_IN_FAILED, TOKEN_CREATED, USER_CHANGED. */
    public void security(String action, String actor, String via, String subject, String detail) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO tessera_audit"
                + " (id, at, actor, via, action, collection, recordId, changes, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, RecordIds.newId());
            s.setTimestamp(2, Timestamp.from(Instant.now()));
            s.setString(3, actor == null ? "anonymous" : shorten(actor, 100));
            s.setString(4, via == null ? "system" : shorten(via, 140));
            s.setString(5, action);
            s.setString(6, "security");
            s.setString(7, subject == null ? null : shorten(subject, 100));
            s.setString(8, "[]");
            s.setString(9, detail == null ? null : shorten(detail, 1000));
            s.executeUpdate();
        } catch (SQLException e) {
            // the event is in the security log too; a failing audit table must not lock users out
            LOG.warn("Security event {} of {} not written to the audit trail: {}", action, actor, e.getMessage());
        }
    }

    /** A record's history, newest first. */
    public Page<HistoryEntry> history(String collection, String recordId, Integer limit, String cursor) {
        Query q = new Query();
        q.where("collection = ?", collection);
        q.where("recordId = ?", recordId);
        return page(q, limit, cursor);
    }

    /** The audit trail, newest first, filtered by user, module (a collection, or "security"), action and time. */
    public Page<HistoryEntry> search(String user, String module, String action, Instant from, Instant to, Integer limit,
            String cursor) {
        Query q = new Query();
        if (user != null && !user.isEmpty()) {
            q.where("actor = ?", user);
        }
        if (module != null && !module.isEmpty()) {
            q.where("collection = ?", module);
        }
        if (action != null && !action.isEmpty()) {
            q.where("action = ?", action.toUpperCase(java.util.Locale.ROOT));
        }
        if (from != null) {
            q.where("at >= ?", Timestamp.from(from));
        }
        if (to != null) {
            q.where("at < ?", Timestamp.from(to));
        }
        return page(q, limit, cursor);
    }

    /** A record's history before a position (at, then id), newest first: at most {@code limit} lines. */
    public List<HistoryEntry> history(String collection, String recordId, Instant before, String beforeId, int limit) {
        Query q = new Query();
        q.where("collection = ?", collection);
        q.where("recordId = ?", recordId);
        return lines(q, limit, before, beforeId);
    }

    private Page<HistoryEntry> page(Query q, Integer limit, String cursor) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be 1 to " + MAX_LIMIT,
                    List.of(new FieldError("limit", "must be 1 to " + MAX_LIMIT)));
        }
        String[] after = cursor == null || cursor.isEmpty() ? null : decode(cursor);
        List<HistoryEntry> entries = lines(q, size + 1, after == null ? null : Instant.parse(after[0]),
                after == null ? null : after[1]);
        boolean more = entries.size() > size;
        List<HistoryEntry> items = more ? entries.subList(0, size) : entries;
        String next = more ? encode(items.get(items.size() - 1)) : null;
        return new Page<>(new ArrayList<>(items), next);
    }

    private List<HistoryEntry> lines(Query q, int maxRows, Instant before, String beforeId) {
        if (before != null) {
            q.where("(at < ? OR (at = ? AND id < ?))", Timestamp.from(before), Timestamp.from(before), beforeId);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        String sql = "SELECT id, at, actor, via, action, collection, recordId, recordNumber, changes, detail FROM tessera_audit"
                + q.where + " ORDER BY at DESC, id DESC";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < q.values.size(); i++) {
                s.setObject(i + 1, q.values.get(i));
            }
            s.setMaxRows(maxRows);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    HistoryEntry e = new HistoryEntry();
                    e.id = r.getString(1);
                    e.at = r.getTimestamp(2).toInstant();
                    e.user = r.getString(3);
                    e.via = r.getString(4);
                    e.action = r.getString(5);
                    e.collection = r.getString(6);
                    e.recordId = r.getString(7);
                    e.recordNumber = r.getString(8);
                    String changes = r.getString(9);
                    if (changes != null && !changes.isEmpty()) {
                        e.changes = Json.mapper().readValue(changes, CHANGES);
                    }
                    e.detail = r.getString(10);
                    entries.add(e);
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The audit trail cannot be read", e);
        }
        return entries;
    }

    void purge(Duration age) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM tessera_audit WHERE at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(age)));
            int removed = s.executeUpdate();
            if (removed > 0) {
                LOG.info("Audit trail: removed {} lines older than {} days", removed, age.toDays());
            }
        } catch (SQLException e) {
            LOG.warn("Audit trail retention failed; tried again tomorrow", e);
        }
    }

    private static String encode(HistoryEntry last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.at + "\n" + last.id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n");
            Instant.parse(parts[0]);
            if (parts.length != 2 || parts[1].length() > 36) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor is not a cursor of this list",
                    List.of(new FieldError("cursor", "is not a cursor of this list")));
        }
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static final class Query {
        String where = "";
        final List<Object> values = new ArrayList<>();

        void where(String clause, Object... parameters) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + clause;
            values.addAll(List.of(parameters));
        }
    }
}
