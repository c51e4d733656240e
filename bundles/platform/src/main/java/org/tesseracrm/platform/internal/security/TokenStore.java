package org.tesseracrm.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.spi.SchemaMigrator;

/**
 * API tokens: a user's named, revocable, optionally expiring credentials ({@code Authorization:
 * Bearer tsr_…}). Only a SHA-256 digest of the secret is stored. A token acts with its user's roles
 * as they are now in the realm, so a user removed or stripped of roles loses the token's access too.
 * Answers are kept a minute, like passwords; revoking here forgets the token at once.
 */
@Component(service = TokenStore.class)
public class TokenStore {
    static final String PREFIX = "tsr_";
    /** A token revoked on another node of the cluster stops working there within this time. */
    private static final long CACHE_MILLIS = 1_000;
    private static final int CACHE_MAX = 10_000;

    private final DataSource dataSource;
    private final UserDirectory directory;
    private final org.tesseracrm.platform.internal.audit.AuditTrail trail;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Authenticator.Authenticated> cache = new ConcurrentHashMap<>();

    @Activate
    public TokenStore(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema,
            @Reference UserDirectory directory, @Reference org.tesseracrm.platform.internal.audit.AuditTrail trail) {
        this.dataSource = dataSource; // the platform's migrations (the table) ran when the migrator started
        this.directory = directory;
        this.trail = trail;
    }

    /** A new token of {@code user}; the answer holds the secret, which is never shown again. */
    public Map<String, Object> create(String user, String name, Instant expiresAt) throws SQLException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO tessera_api_token (id, userName, name, secretHash, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, user);
            s.setString(3, name);
            s.setString(4, digest(secret));
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, expiresAt == null ? null : Timestamp.from(expiresAt));
            s.executeUpdate();
        }
        trail.security("TOKEN_CREATED", user, via(), user, "token " + name);
        Map<String, Object> token = describe(id, name, now, expiresAt, null);
        token.put("token", secret);
        return token;
    }

    /** The user's tokens that are not revoked, newest first, without their secrets. */
    public List<Map<String, Object>> list(String user) throws SQLException {
        List<Map<String, Object>> tokens = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, name, createdAt, expiresAt, lastUsedAt FROM tessera_api_token"
                        + " WHERE userName = ? AND revokedAt IS NULL ORDER BY createdAt DESC, id")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    tokens.add(describe(r.getString(1), r.getString(2), instant(r.getTimestamp(3)),
                            instant(r.getTimestamp(4)), instant(r.getTimestamp(5))));
                }
            }
        }
        return tokens;
    }

    /** Revokes one of the user's tokens; false when the user has no such live token. */
    public boolean revoke(String user, String id) throws SQLException {
        String hash = null;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT secretHash FROM tessera_api_token WHERE id = ? AND userName = ? AND revokedAt IS NULL")) {
                s.setString(1, id);
                s.setString(2, user);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        hash = r.getString(1);
                    }
                }
            }
            if (hash == null) {
                return false;
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE tessera_api_token SET revokedAt = ? WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setString(2, id);
                s.executeUpdate();
            }
        }
        cache.remove(hash);
        trail.security("TOKEN_REVOKED", user, via(), user, "token " + id);
        return true;
    }

    /** Who a bearer secret stands for: a live, unexpired token of a user who still has roles. */
    public Optional<Authenticator.Authenticated> authenticate(String secret) throws SQLException {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = digest(secret);
        long now = System.currentTimeMillis();
        Authenticator.Authenticated cached = cache.get(hash);
        if (cached != null && cached.expires > now && directory.roles(cached.user).map(cached.roles::equals).orElse(false)) {
            return Optional.of(cached);
        }
        cache.remove(hash);
        String user;
        Instant expiresAt;
        String tokenName;
        try (Connection c = dataSource.getConnection()) {
            String id;
            try (PreparedStatement s = c.prepareStatement("SELECT id, userName, expiresAt, name FROM tessera_api_token"
                    + " WHERE secretHash = ? AND revokedAt IS NULL")) {
                s.setString(1, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    id = r.getString(1);
                    user = r.getString(2);
                    expiresAt = instant(r.getTimestamp(3));
                    tokenName = r.getString(4);
                }
            }
            if (expiresAt != null && !expiresAt.isAfter(Instant.ofEpochMilli(now))) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE tessera_api_token SET lastUsedAt = ? WHERE id = ?")) {
                s.setTimestamp(1, new Timestamp(now));
                s.setString(2, id);
                s.executeUpdate();
            }
        }
        Set<String> roles = directory.roles(user).orElse(Set.of());
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        long until = expiresAt == null ? now + CACHE_MILLIS : Math.min(now + CACHE_MILLIS, expiresAt.toEpochMilli());
        Authenticator.Authenticated who = new Authenticator.Authenticated(user, roles, until, tokenName);
        if (cache.size() >= CACHE_MAX) {
            cache.clear();
        }
        cache.put(hash, who);
        return Optional.of(who);
    }

    private static String via() {
        Callers.Caller caller = Callers.current();
        return caller == null ? "system" : caller.via;
    }

    private static Map<String, Object> describe(String id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", id);
        token.put("name", name);
        token.put("createdAt", createdAt);
        token.put("expiresAt", expiresAt);
        token.put("lastUsedAt", lastUsedAt);
        return token;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
