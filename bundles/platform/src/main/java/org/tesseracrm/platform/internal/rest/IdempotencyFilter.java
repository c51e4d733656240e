package org.tesseracrm.platform.internal.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.annotation.Priority;
import javax.sql.DataSource;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.GenericEntity;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code Idempotency-Key} on POST: the first answer to a key (per user) is kept for 24 hours and a
 * retry with the same key and the same request gets it again ({@code Idempotent-Replayed: true})
 * without doing the work twice. The same key with another request is a 422; a retry while the first
 * is still running is a 409. Server errors are not kept, so they can be retried. A claim whose
 * request never finished (its server process died) blocks nothing: each claim names the server and
 * the process that made it; a process knows which of its own claims are still running, a restarted
 * server gives up the claims of its previous process at once, and another server's claim is given up
 * after {@link #FOREIGN_CLAIM_LEASE}.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName(ApiExtensions.IDEMPOTENCY)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@Priority(Priorities.AUTHENTICATION + 100)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = "tessera.idempotency.claim";
    private static final Duration KEPT = Duration.ofHours(24);
    /** Another server process's pending claim this old is taken as abandoned (that process went down). */
    static final Duration FOREIGN_CLAIM_LEASE = Duration.ofSeconds(30);
    /** No request runs longer: a claim of this process that is older was lost on its way (it blocks nothing). */
    private static final Duration LONGEST_REQUEST = Duration.ofMinutes(5);
    /** This server (its host and data folder) and this process of it, as named in the claims it makes. */
    private static final String SERVER = server();
    private static final String PROCESS = SERVER + "/" + java.util.UUID.randomUUID();
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final DataSource dataSource;
    private final AtomicLong lastPurge = new AtomicLong();
    /** This process's claims whose requests are running now ("user\0key"), with when they started. */
    private final java.util.Map<String, Instant> running = new java.util.concurrent.ConcurrentHashMap<>();

    @Activate
    public IdempotencyFilter(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema) {
        this.dataSource = dataSource; // the platform's migrations (the table) ran when the migrator started
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return;
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException(HEADER + " must be 1 to 255 visible ASCII characters",
                    List.of(new FieldError(HEADER, "must be 1 to 255 visible ASCII characters")));
        }
        if (request.getSecurityContext() == null || request.getSecurityContext().getUserPrincipal() == null) {
            return; // unauthenticated requests are refused before they do anything
        }
        String user = request.getSecurityContext().getUserPrincipal().getName();
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = hash(request.getUriInfo().getPath(), body);
        try (Connection c = dataSource.getConnection()) {
            purgeNowAndThen(c);
            Stored stored = find(c, user, key);
            if (stored != null && stored.status == null && abandoned(stored, user, key)) {
                delete(c, user, key);
                stored = null;
            }
            if (stored == null) {
                if (claim(c, user, key, hash)) {
                    running.put(user + '\0' + key, Instant.now());
                    request.setProperty(CLAIM, new String[] {user, key});
                    return;
                }
                stored = find(c, user, key);
            }
            if (stored == null || !stored.requestHash.equals(hash)) {
                throw new RuleViolationException(HEADER, "this key was used for a different request");
            }
            if (stored.status == null) {
                throw new ConflictException("A request with this " + HEADER + " is still being processed; retry later");
            }
            request.abortWith(stored.toResponse());
        } catch (SQLException e) {
            throw new IllegalStateException("Idempotency keys cannot be read", e);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object claim = request.getProperty(CLAIM);
        if (!(claim instanceof String[])) {
            return;
        }
        String user = ((String[]) claim)[0];
        String key = ((String[]) claim)[1];
        running.remove(user + '\0' + key);
        try (Connection c = dataSource.getConnection()) {
            if (response.getStatus() >= 500) {
                delete(c, user, key);
                return;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE tessera_idempotency SET status = ?, location = ?,"
                    + " etag = ?, contentType = ?, body = ? WHERE userName = ? AND idemKey = ?")) {
                s.setInt(1, response.getStatus());
                s.setString(2, header(response, HttpHeaders.LOCATION));
                s.setString(3, header(response, HttpHeaders.ETAG));
                s.setString(4, response.getMediaType() == null ? null : response.getMediaType().toString());
                s.setString(5, body(response.getEntity()));
                s.setString(6, user);
                s.setString(7, key);
                s.executeUpdate();
            }
        } catch (SQLException | UncheckedIOException e) {
            LOG.warn("The answer to {} {} could not be kept for retries", HEADER, key, e);
        }
    }

    /** Whether a pending claim's request can no longer answer: it is not running here, or its process is gone. */
    private boolean abandoned(Stored claim, String user, String key) {
        if (PROCESS.equals(claim.claimedBy)) {
            Instant started = running.get(user + '\0' + key);
            return started == null || started.isBefore(Instant.now().minus(LONGEST_REQUEST));
        }
        if (claim.claimedBy == null || claim.claimedBy.startsWith(SERVER + "/")) {
            return true; // an earlier process of this server: it is gone
        }
        return claim.createdAt.isBefore(Instant.now().minus(FOREIGN_CLAIM_LEASE));
    }

    private static String server() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return hash(host, String.valueOf(System.getProperty("karaf.data")).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static String header(ContainerResponseContext response, String name) {
        Object value = response.getHeaders().getFirst(name);
        return value == null ? null : value.toString();
    }

    private static String body(Object entity) {
        Object value = entity instanceof GenericEntity ? ((GenericEntity<?>) entity).getEntity() : entity;
        if (value == null) {
            return null;
        }
        try {
            return value instanceof String ? (String) value : Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(path.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts the pending row; false when another request holds the key already. */
    private static boolean claim(Connection c, String user, String key, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO tessera_idempotency (userName, idemKey, requestHash,"
                + " createdAt, claimedBy) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, user);
            s.setString(2, key);
            s.setString(3, hash);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.setString(5, PROCESS);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false; // integrity constraint: the key is taken
            }
            throw e;
        }
    }

    private static Stored find(Connection c, String user, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT requestHash, status, location, etag, contentType, body,"
                + " createdAt, claimedBy FROM tessera_idempotency WHERE userName = ? AND idemKey = ?")) {
            s.setString(1, user);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Stored stored = new Stored();
                stored.requestHash = rs.getString(1);
                int status = rs.getInt(2);
                stored.status = rs.wasNull() ? null : status;
                stored.location = rs.getString(3);
                stored.etag = rs.getString(4);
                stored.contentType = rs.getString(5);
                stored.body = rs.getString(6);
                stored.createdAt = rs.getTimestamp(7).toInstant();
                stored.claimedBy = rs.getString(8);
                return stored;
            }
        }
    }

    private static void delete(Connection c, String user, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM tessera_idempotency WHERE userName = ? AND idemKey = ?")) {
            s.setString(1, user);
            s.setString(2, key);
            s.executeUpdate();
        }
    }

    private void purgeNowAndThen(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < PURGE_EVERY.toMillis() || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM tessera_idempotency WHERE createdAt < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(KEPT)));
            s.executeUpdate();
        }
    }

    /** A kept answer; {@code status} is null while the first request is still running. */
    private static final class Stored {
        String requestHash;
        Integer status;
        String location;
        String etag;
        String contentType;
        String body;
        Instant createdAt;
        String claimedBy;

        Response toResponse() {
            Response.ResponseBuilder r = Response.status(status).header(REPLAYED, "true");
            if (location != null) {
                r.header(HttpHeaders.LOCATION, location);
            }
            if (etag != null) {
                r.header(HttpHeaders.ETAG, etag);
            }
            if (body != null) {
                r.entity(body.getBytes(StandardCharsets.UTF_8)).type(contentType);
            }
            return r.build();
        }
    }
}
