package org.tesseracrm.platform.internal.webhooks;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.tesseracrm.platform.api.HistoryEntry.FieldChange;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.internal.db.Sql;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The webhooks every node shares: the endpoints, the events written in the transaction of the change
 * they tell of, and the deliveries, one per endpoint and event. Which events are wanted is kept in
 * memory and read again at each poll of the {@link WebhookSender} (and at once after a change here),
 * so a change of a record costs nothing while no endpoint is subscribed to it.
 */
@Component(service = WebhookOutbox.class, configurationPid = WebhookOutbox.PID)
@Designate(ocd = WebhookOutbox.Config.class)
public class WebhookOutbox {
    static final String PID = "org.tesseracrm.webhooks";
    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ENDPOINT_COLUMNS = "id, url, events, active, description, created_at, created_by, updated_at";
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event_id, event_name, state, attempts, created_at, next_attempt_at,"
            + " last_attempt_at, last_status, last_duration_ms, last_error, response_excerpt, delivered_at";

    @ObjectClassDefinition(name = "Tessera webhooks", description = "Delivery of record events to registered endpoints")
    public @interface Config {
        @AttributeDefinition(description = "Allow endpoints on loopback, private and link-local networks (off: no request forgery into the server's network)")
        boolean allowPrivateNetworks() default false;

        @AttributeDefinition(description = "The first wait before a retry, in seconds; each further wait doubles (at most an hour)")
        int firstRetrySeconds() default 30;

        @AttributeDefinition(description = "Hours after which a delivery that never succeeded is FAILED")
        int giveUpAfterHours() default 24;

        @AttributeDefinition(description = "Seconds an endpoint has to answer")
        int timeoutSeconds() default 10;

        @AttributeDefinition(description = "How often each node looks for due deliveries, in milliseconds")
        int pollMillis() default 1000;

        @AttributeDefinition(description = "Days delivered and failed deliveries stay in the log")
        int keepDays() default 30;
    }

    /** A registered endpoint; its secret is shown once, when it is made. */
    public static final class Webhook {
        public String id;
        public String url;
        public List<String> events = new ArrayList<>();
        public boolean active;
        public String description;
        public Instant createdAt;
        public String createdBy;
        public Instant updatedAt;
        public String secret;
    }

    /** One event sent (or to be sent) to one endpoint: the delivery log's line. */
    public static final class Delivery {
        public String id;
        public String webhookId;
        public String eventId;
        public String event;
        public String state;
        public int attempts;
        public Instant createdAt;
        public Instant nextAttemptAt;
        public Instant lastAttemptAt;
        public Integer lastStatus;
        public Integer lastDurationMs;
        public String lastError;
        public String responseExcerpt;
        public Instant deliveredAt;
    }

    /** An endpoint as the sender needs it. */
    record Target(String id, String url, String secret, boolean active) {
    }

    private record Subscription(String webhookId, List<String> events) {
    }

    private final Sql sql;
    private volatile Config config;
    private volatile List<Subscription> subscriptions = List.of();
    private final List<Runnable> queuedListeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<ModuleDescriptor> modules = new CopyOnWriteArrayList<>();

    @Activate
    public WebhookOutbox(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, Config config) {
        this.sql = new Sql(dataSource);
        this.config = config;
        reload();
    }

    @Modified
    void configure(Config changed) {
        this.config = changed;
    }

    Config config() {
        return config;
    }

    /** Reads again which events the active endpoints want (each poll, and after a change of an endpoint). */
    void reload() {
        subscriptions = List.copyOf(sql.query("read the webhook subscriptions", "SELECT id, events FROM tessera_webhook WHERE active = ?",
                r -> new Subscription(r.getString(1), lines(r.getString(2))), true));
    }

    /** Told after deliveries are queued (the sender looks sooner than its next poll). */
    void onQueued(Runnable listener) {
        queuedListeners.add(listener);
    }

    void offQueued(Runnable listener) {
        queuedListeners.remove(listener);
    }

    /** Tells the sender that deliveries were committed. */
    public void committed() {
        queuedListeners.forEach(Runnable::run);
    }

    /**
     * Writes the event of a change and a delivery for each endpoint that wants it, on {@code em} in
     * the change's transaction; false (nothing written) when no endpoint wants it.
     */
    public boolean announce(EntityManager em, String collection, String action, String id, String number, String user,
            String via, Object record, List<FieldChange> changes) {
        List<Subscription> wanting = subscriptions;
        if (wanting.isEmpty()) {
            return false;
        }
        Set<String> names = WebhookEvents.of(module(collection), collection, action, changes);
        Map<String, List<String>> deliveries = new LinkedHashMap<>();
        for (Subscription s : wanting) {
            for (String name : names) {
                if (WebhookEvents.wanted(s.events(), name)) {
                    deliveries.computeIfAbsent(s.webhookId(), k -> new ArrayList<>()).add(name);
                }
            }
        }
        if (deliveries.isEmpty()) {
            return false;
        }
        Instant now = Instant.now();
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("occurredAt", now.toString());
        data.put("collection", collection);
        data.put("recordId", id);
        data.put("number", number);
        data.put("action", action);
        data.put("actor", user == null ? "system" : user);
        data.put("via", via);
        data.set("record", Json.mapper().valueToTree(record));
        data.set("changes", Json.mapper().valueToTree(changes));
        String eventId = RecordIds.newId();
        em.createNativeQuery("INSERT INTO tessera_webhook_event (id, occurred_at, data) VALUES (?, ?, ?)")
                .setParameter(1, eventId).setParameter(2, Timestamp.from(now)).setParameter(3, json(data)).executeUpdate();
        deliveries.forEach((webhook, events) -> {
            for (String event : events) {
                em.createNativeQuery("INSERT INTO tessera_webhook_delivery (id, webhook_id, event_id, event_name, state, attempts,"
                        + " created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)")
                        .setParameter(1, RecordIds.newId()).setParameter(2, webhook).setParameter(3, eventId)
                        .setParameter(4, event).setParameter(5, PENDING).setParameter(6, Timestamp.from(now))
                        .setParameter(7, Timestamp.from(now)).executeUpdate();
            }
        });
        return true;
    }

    private ModuleDescriptor module(String collection) {
        for (ModuleDescriptor m : modules) {
            if (m.collection().equals(collection)) {
                return m;
            }
        }
        return null;
    }

    List<ModuleDescriptor> modules() {
        return List.copyOf(modules);
    }

    // ---- endpoints ----

    Webhook create(String url, List<String> events, String secret, boolean active, String description, String user) {
        Webhook w = new Webhook();
        w.id = RecordIds.newId();
        w.url = url;
        w.events = List.copyOf(events);
        w.active = active;
        w.description = description;
        w.createdAt = Instant.now();
        w.createdBy = user;
        w.updatedAt = w.createdAt;
        w.secret = secret != null ? secret : newSecret();
        sql.update("register the webhook", "INSERT INTO tessera_webhook (" + ENDPOINT_COLUMNS + ", secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                w.id, w.url, String.join("\n", w.events), w.active, w.description, w.createdAt, w.createdBy, w.updatedAt, w.secret);
        reload();
        return w;
    }

    void update(Webhook w, String newSecret) {
        w.updatedAt = Instant.now();
        if (newSecret != null) {
            sql.update("change the webhook's secret", "UPDATE tessera_webhook SET secret = ? WHERE id = ?", newSecret, w.id);
        }
        sql.update("change the webhook", "UPDATE tessera_webhook SET url = ?, events = ?, active = ?, description = ?, updated_at = ? WHERE id = ?",
                w.url, String.join("\n", w.events), w.active, w.description, w.updatedAt, w.id);
        if (!w.active) { // what an endpoint that was switched off still had to receive is not sent
            sql.update("cancel the webhook's deliveries", "UPDATE tessera_webhook_delivery SET state = ?, last_error = ?, lease_until = NULL"
                    + " WHERE webhook_id = ? AND state = ?", FAILED, "the webhook was deactivated", w.id, PENDING);
        }
        reload();
    }

    boolean delete(String id) {
        int deleted = sql.inTransaction("delete the webhook", c -> {
            Sql.update(c, "DELETE FROM tessera_webhook_delivery WHERE webhook_id = ?", id);
            return Sql.update(c, "DELETE FROM tessera_webhook WHERE id = ?", id);
        });
        reload();
        return deleted == 1;
    }

    List<Webhook> list() {
        return sql.query("list the webhooks", "SELECT " + ENDPOINT_COLUMNS + " FROM tessera_webhook ORDER BY created_at, id",
                WebhookOutbox::webhook);
    }

    Optional<Webhook> find(String id) {
        return sql.first("read the webhook", "SELECT " + ENDPOINT_COLUMNS + " FROM tessera_webhook WHERE id = ?", WebhookOutbox::webhook, id);
    }

    Optional<Target> target(String id) {
        return sql.first("read the webhook's target", "SELECT id, url, secret, active FROM tessera_webhook WHERE id = ?",
                r -> new Target(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4)), id);
    }

    private static Webhook webhook(ResultSet r) throws SQLException {
        Webhook w = new Webhook();
        w.id = r.getString("id");
        w.url = r.getString("url");
        w.events = lines(r.getString("events"));
        w.active = r.getBoolean("active");
        w.description = r.getString("description");
        w.createdAt = Sql.instant(r, "created_at");
        w.createdBy = r.getString("created_by");
        w.updatedAt = Sql.instant(r, "updated_at");
        return w;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- deliveries ----

    /** A ping (or any event the platform itself makes) for one endpoint, queued now. */
    Delivery queue(String webhookId, String event, ObjectNode data) {
        Instant now = Instant.now();
        data.put("occurredAt", now.toString());
        String eventId = RecordIds.newId();
        String deliveryId = RecordIds.newId();
        sql.inTransaction("queue the webhook event", c -> {
            Sql.update(c, "INSERT INTO tessera_webhook_event (id, occurred_at, data) VALUES (?, ?, ?)", eventId, now, json(data));
            return Sql.update(c, "INSERT INTO tessera_webhook_delivery (id, webhook_id, event_id, event_name, state, attempts, created_at,"
                    + " next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)", deliveryId, webhookId, eventId, event, PENDING, now, now);
        });
        committed();
        return delivery(deliveryId).orElseThrow();
    }

    /** The same event again, as a new delivery to the same endpoint. */
    Delivery redeliver(Delivery earlier) {
        Instant now = Instant.now();
        String deliveryId = RecordIds.newId();
        sql.update("queue the webhook event again", "INSERT INTO tessera_webhook_delivery (id, webhook_id, event_id, event_name, state,"
                + " attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)", deliveryId, earlier.webhookId,
                earlier.eventId, earlier.event, PENDING, now, now);
        committed();
        return delivery(deliveryId).orElseThrow();
    }

    /** An endpoint's deliveries, newest first, after the one with {@code after} (a cursor) when given. */
    List<Delivery> deliveries(String webhookId, Instant before, String beforeId, int limit) {
        return before == null
                ? sql.query("read the delivery log", limit, "SELECT " + DELIVERY_COLUMNS + " FROM tessera_webhook_delivery WHERE webhook_id = ?"
                        + " ORDER BY created_at DESC, id DESC", WebhookOutbox::delivery, webhookId)
                : sql.query("read the delivery log", limit, "SELECT " + DELIVERY_COLUMNS + " FROM tessera_webhook_delivery WHERE webhook_id = ?"
                        + " AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC", WebhookOutbox::delivery,
                        webhookId, before, before, beforeId);
    }

    Optional<Delivery> delivery(String id) {
        return sql.first("read the delivery", "SELECT " + DELIVERY_COLUMNS + " FROM tessera_webhook_delivery WHERE id = ?",
                WebhookOutbox::delivery, id);
    }

    private static Delivery delivery(ResultSet r) throws SQLException {
        Delivery d = new Delivery();
        d.id = r.getString("id");
        d.webhookId = r.getString("webhook_id");
        d.eventId = r.getString("event_id");
        d.event = r.getString("event_name");
        d.state = r.getString("state");
        d.attempts = r.getInt("attempts");
        d.createdAt = Sql.instant(r, "created_at");
        d.nextAttemptAt = Sql.instant(r, "next_attempt_at");
        d.lastAttemptAt = Sql.instant(r, "last_attempt_at");
        d.lastStatus = (Integer) r.getObject("last_status", Integer.class);
        d.lastDurationMs = (Integer) r.getObject("last_duration_ms", Integer.class);
        d.lastError = r.getString("last_error");
        d.responseExcerpt = r.getString("response_excerpt");
        d.deliveredAt = Sql.instant(r, "delivered_at");
        if (DELIVERED.equals(d.state) || FAILED.equals(d.state)) {
            d.nextAttemptAt = null;
        }
        return d;
    }

    /** Deliveries due now (never claimed, due for a retry, or whose node let its lease run out), oldest first. */
    List<String[]> due(Instant now, int max) {
        return sql.query("find due webhook deliveries", max, "SELECT id, webhook_id FROM tessera_webhook_delivery"
                + " WHERE (state = ? AND next_attempt_at <= ?) OR (state = ? AND lease_until < ?) ORDER BY next_attempt_at, id",
                r -> new String[] { r.getString(1), r.getString(2) }, PENDING, now, SENDING, now);
    }

    /** Claims a due delivery for this node until {@code leaseUntil}; false when another node has it. */
    boolean claim(String id, Instant now, Instant leaseUntil) {
        return sql.update("claim the webhook delivery", "UPDATE tessera_webhook_delivery SET state = ?, lease_until = ?, attempts = attempts + 1"
                + " WHERE id = ? AND ((state = ? AND next_attempt_at <= ?) OR (state = ? AND lease_until < ?))",
                SENDING, leaseUntil, id, PENDING, now, SENDING, now) == 1;
    }

    /** The body fields of a delivery's event, as written when it happened. */
    Optional<String> eventData(String eventId) {
        return sql.first("read the webhook event", "SELECT data FROM tessera_webhook_event WHERE id = ?", r -> r.getString(1), eventId);
    }

    /** What one attempt came to: DELIVERED, PENDING again at {@code retryAt}, or FAILED when there is none. */
    void attempted(String id, Instant at, Integer status, int durationMs, String error, String excerpt, boolean delivered, Instant retryAt) {
        String state = delivered ? DELIVERED : retryAt != null ? PENDING : FAILED;
        sql.update("record the webhook attempt", "UPDATE tessera_webhook_delivery SET state = ?, lease_until = NULL, last_attempt_at = ?,"
                + " last_status = ?, last_duration_ms = ?, last_error = ?, response_excerpt = ?, delivered_at = ?, next_attempt_at = ?"
                + " WHERE id = ? AND state = ?", state, at, status, durationMs, cut(error), cut(excerpt), delivered ? at : null,
                retryAt != null ? retryAt : at, id, SENDING);
    }

    /** Forgets delivered and failed deliveries older than {@code before}, and the events no delivery needs. */
    void purge(Instant before) {
        sql.update("forget old webhook deliveries", "DELETE FROM tessera_webhook_delivery WHERE state IN (?, ?) AND created_at < ?",
                DELIVERED, FAILED, before);
        sql.update("forget old webhook events", "DELETE FROM tessera_webhook_event WHERE occurred_at < ? AND NOT EXISTS"
                + " (SELECT 1 FROM tessera_webhook_delivery d WHERE d.event_id = tessera_webhook_event.id)", before);
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static String json(ObjectNode data) {
        try {
            return Json.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
