package org.tesseracrm.platform.internal.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends the deliveries of the {@link WebhookOutbox}: each node looks for due ones every poll (and at
 * once when some are committed), claims each with a lease so one node sends it, and posts it signed
 * on a pool of its own, one delivery at a time per endpoint, so an endpoint that hangs or fails holds
 * only its own deliveries. A delivery that does not get a 2xx is tried again, the wait doubling from
 * {@code firstRetrySeconds} up to an hour, until {@code giveUpAfterHours} have passed: then FAILED.
 *
 * <p>Each request carries {@code X-Tessera-Event}, {@code X-Tessera-Delivery}, {@code X-Tessera-Timestamp}
 * (Unix seconds) and {@code X-Tessera-Signature: sha256=<hex>}, the HMAC-SHA256 with the endpoint's
 * secret of {@code <timestamp>.<body>}.
 */
@Component(service = WebhookSender.class, immediate = true)
public class WebhookSender {
    static final String SIGNATURE = "X-Tessera-Signature";
    static final String TIMESTAMP = "X-Tessera-Timestamp";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MOST_AT_ONCE = 16;
    private static final int EXCERPT = 500;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final WebhookOutbox outbox;
    /** Made at the first delivery: a server without webhooks starts without a client and its selector thread. */
    private volatile HttpClient client;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "tessera-webhooks"));
    private final ExecutorService senders = new ThreadPoolExecutor(MOST_AT_ONCE, MOST_AT_ONCE, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> thread(r, "tessera-webhook-send"));
    /** Endpoints with a delivery on its way from this node: their next one waits for it. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Runnable nudge = this::nudge;
    private volatile Instant purgedAt = Instant.EPOCH;

    @Activate
    public WebhookSender(@Reference WebhookOutbox outbox) {
        this.outbox = outbox;
        ((ThreadPoolExecutor) senders).allowCoreThreadTimeOut(true);
        long every = Math.max(100, outbox.config().pollMillis());
        timer.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        outbox.onQueued(nudge);
    }

    @Deactivate
    void stop() {
        outbox.offQueued(nudge);
        timer.shutdown(); // not interrupted: an interrupted read closes H2's database file
        senders.shutdown();
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
                    client = c;
                }
            }
        }
        return c;
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Looks for due deliveries now rather than at the next poll; never waits. */
    void nudge() {
        if (pending.compareAndSet(false, true)) {
            try {
                timer.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                pending.set(false);
            }
        }
    }

    private void poll() {
        pending.set(false);
        try {
            outbox.reload();
            Instant now = Instant.now();
            for (String[] due : outbox.due(now, 200)) {
                String id = due[0];
                String webhook = due[1];
                if (busy.contains(webhook)) {
                    continue; // its endpoint is still answering the one before
                }
                WebhookOutbox.Config config = outbox.config();
                Instant leaseUntil = Instant.now().plusSeconds(Math.max(1, config.timeoutSeconds()) + 60L);
                if (!outbox.claim(id, now, leaseUntil)) {
                    continue; // another node has it
                }
                busy.add(webhook);
                try {
                    senders.execute(() -> {
                        try {
                            send(id);
                        } finally {
                            busy.remove(webhook);
                            nudge(); // the endpoint's next delivery may be waiting
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    busy.remove(webhook);
                    return; // its lease runs out and another start sends it
                }
            }
            if (Instant.now().isAfter(purgedAt.plus(PURGE_EVERY))) {
                purgedAt = Instant.now();
                outbox.purge(Instant.now().minus(Duration.ofDays(Math.max(1, outbox.config().keepDays()))));
            }
        } catch (RuntimeException e) {
            LOG.warn("Webhook deliveries not looked for this time; looked for again shortly", e);
        }
    }

    private void send(String id) {
        WebhookOutbox.Config config = outbox.config();
        Optional<WebhookOutbox.Delivery> found = outbox.delivery(id);
        if (found.isEmpty()) {
            return; // its endpoint was deleted meanwhile
        }
        WebhookOutbox.Delivery delivery = found.get();
        Instant started = Instant.now();
        Optional<WebhookOutbox.Target> target = outbox.target(delivery.webhookId);
        if (target.isEmpty() || !target.get().active()) {
            outbox.attempted(id, started, null, 0, "the webhook is deleted or deactivated", null, false, null);
            return;
        }
        Optional<String> refused = Targets.refusal(target.get().url(), config.allowPrivateNetworks());
        if (refused.isPresent()) {
            done(delivery, started, null, "url " + refused.get(), null, false, config);
            return;
        }
        String body = body(delivery);
        String timestamp = String.valueOf(started.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.get().url().strip()))
                .timeout(Duration.ofSeconds(Math.max(1, config.timeoutSeconds())))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Tessera-Webhooks/1")
                .header("X-Tessera-Event", delivery.event)
                .header("X-Tessera-Delivery", delivery.id)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(target.get().secret(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                excerpt = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
            done(delivery, started, response.statusCode(), ok ? null : "answered " + response.statusCode(), excerpt, ok, config);
        } catch (HttpTimeoutException e) {
            done(delivery, started, null, "no answer within " + config.timeoutSeconds() + " s", null, false, config);
        } catch (IOException e) {
            done(delivery, started, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, false, config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the lease runs out and it is sent again
        } catch (RuntimeException e) {
            LOG.warn("Webhook delivery {} not sent", id, e);
            done(delivery, started, null, e.toString(), null, false, config);
        }
    }

    private void done(WebhookOutbox.Delivery delivery, Instant started, Integer status, String error, String excerpt, boolean ok,
            WebhookOutbox.Config config) {
        Instant now = Instant.now();
        Instant retryAt = null;
        if (!ok) {
            long wait = Math.min(Duration.ofHours(1).toSeconds(),
                    Math.max(1, config.firstRetrySeconds()) * (1L << Math.min(20, Math.max(0, delivery.attempts - 1))));
            Instant next = now.plusSeconds(wait);
            if (next.isBefore(delivery.createdAt.plus(Duration.ofHours(Math.max(1, config.giveUpAfterHours()))))) {
                retryAt = next;
            }
        }
        outbox.attempted(delivery.id, started, status, (int) Duration.between(started, now).toMillis(), error, excerpt, ok, retryAt);
        if (!ok) {
            LOG.info("Webhook delivery {} ({}) to endpoint {}: {}; {}", delivery.id, delivery.event, delivery.webhookId, error,
                    retryAt == null ? "failed for good" : "tried again at " + retryAt);
        }
    }

    /** The body of a delivery: its ids and event, then the event's data as written when it happened. */
    private String body(WebhookOutbox.Delivery delivery) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("id", delivery.id);
        body.put("eventId", delivery.eventId);
        body.put("event", delivery.event);
        body.put("webhookId", delivery.webhookId);
        try {
            String data = outbox.eventData(delivery.eventId).orElse("{}");
            body.setAll((ObjectNode) Json.mapper().readTree(data));
            return Json.mapper().writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable webhook event " + delivery.eventId, e);
        }
    }

    static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
