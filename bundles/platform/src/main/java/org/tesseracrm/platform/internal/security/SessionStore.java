package org.tesseracrm.platform.internal.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.internal.db.Sql;

/**
 * Sign-in sessions of the web UI: an unguessable token (sent as an HttpOnly, SameSite=Strict cookie)
 * for a user the realm accepted, valid while used within the idle time and never longer than
 * {@link #ABSOLUTE}, and only while the user exists with the roles they signed in with (removing a
 * user or changing their roles ends their sessions). Kept in the database, as a digest of the token:
 * every node of a cluster knows every session, and a restart signs nobody out. Each node remembers
 * what it read for a second, so a sign-out on another node holds here within that time.
 */
@Component(service = SessionStore.class)
public class SessionStore {
    public static final String COOKIE = "tessera_session";
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final long FRESH_MILLIS = 1_000;
    /** The idle expiry is pushed back in the database at most this often per session. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_REMEMBERED = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Sql sql;
    private final UserDirectory directory;
    private final Map<String, Session> remembered = new ConcurrentHashMap<>();

    @Activate
    public SessionStore(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, @Reference UserDirectory directory) {
        this.sql = new Sql(dataSource);
        this.directory = directory;
    }

    String open(Authenticator.Authenticated who) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        if (random.nextInt(100) == 0) { // now and then, the sessions that ended go
            sql.update("forget ended sessions", "DELETE FROM tessera_session WHERE ends_at < ? OR expires_at < ?", now, now);
        }
        sql.update("open the session", "INSERT INTO tessera_session (token_hash, user_name, roles, directory_roles, created_at,"
                + " expires_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)", TokenStore.digest(token), who.user, joined(who.roles),
                joined(directory.roles(who.user).orElse(Set.of())), now, now.plus(IDLE), now.plus(ABSOLUTE));
        return token;
    }

    /** The session's user, its idle time restarted; empty when unknown or expired. */
    Optional<Authenticator.Authenticated> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String hash = TokenStore.digest(token);
        long now = System.currentTimeMillis();
        Session s = remembered.get(hash);
        if (s == null || now - s.readAt > FRESH_MILLIS) {
            s = sql.first("read the session", "SELECT user_name, roles, directory_roles, expires_at, ends_at FROM tessera_session"
                    + " WHERE token_hash = ?", r -> new Session(new Authenticator.Authenticated(r.getString(1), split(r.getString(2)),
                            Sql.instant(r, "ends_at").toEpochMilli()), split(r.getString(3)), Sql.instant(r, "expires_at").toEpochMilli(),
                            Sql.instant(r, "ends_at").toEpochMilli(), now), hash).orElse(null);
            if (s == null) {
                remembered.remove(hash);
                return Optional.empty();
            }
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(hash, s);
        }
        if (s.expires < now || s.ends < now || !directory.roles(s.who.user).equals(Optional.of(s.directoryRoles))) {
            close(token);
            return Optional.empty();
        }
        if (s.expires - now < IDLE.minus(TOUCH_EVERY).toMillis()) {
            long expires = Math.min(now + IDLE.toMillis(), s.ends);
            sql.update("keep the session", "UPDATE tessera_session SET expires_at = ? WHERE token_hash = ?", Instant.ofEpochMilli(expires), hash);
            s.expires = expires;
        }
        return Optional.of(s.who);
    }

    /** Ends every session of {@code user} (deactivated, or given a new password), on every node. */
    void closeAll(String user) {
        sql.update("end the user's sessions", "DELETE FROM tessera_session WHERE user_name = ?", user);
        remembered.values().removeIf(s -> s.who.user.equals(user));
    }

    void close(String token) {
        if (token != null) {
            String hash = TokenStore.digest(token);
            sql.update("end the session", "DELETE FROM tessera_session WHERE token_hash = ?", hash);
            remembered.remove(hash);
        }
    }

    private static String joined(Set<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }

    private static Set<String> split(String roles) {
        Set<String> set = new TreeSet<>();
        for (String r : roles.split(",")) {
            if (!r.isEmpty()) {
                set.add(r);
            }
        }
        return Set.copyOf(set);
    }

    private static final class Session {
        final Authenticator.Authenticated who;
        final Set<String> directoryRoles;
        volatile long expires;
        final long ends;
        final long readAt;

        Session(Authenticator.Authenticated who, Set<String> directoryRoles, long expires, long ends, long readAt) {
            this.who = who;
            this.directoryRoles = directoryRoles;
            this.expires = expires;
            this.ends = ends;
            this.readAt = readAt;
        }
    }
}
