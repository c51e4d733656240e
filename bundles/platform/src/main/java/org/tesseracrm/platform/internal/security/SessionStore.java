package org.tesseracrm.platform.internal.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * Sign-in sessions of the web UI: an unguessable token (sent as an HttpOnly, SameSite=Strict cookie)
 * for a user the realm accepted, valid while used within the idle time and never longer than
 * {@link #ABSOLUTE}, and only while the user exists with the roles they signed in with (removing a
 * user or changing their roles ends their sessions). Kept in memory: a restart signs everyone out.
 */
@Component(service = SessionStore.class)
public class SessionStore {
    public static final String COOKIE = "tessera_session";
    static final Duration IDLE = Duration.ofHours(8);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final UserDirectory directory;

    @org.osgi.service.component.annotations.Activate
    public SessionStore(@org.osgi.service.component.annotations.Reference UserDirectory directory) {
        this.directory = directory;
    }

    String open(Authenticator.Authenticated who) {
        if (sessions.size() >= MAX_SESSIONS) {
            long now = System.currentTimeMillis();
            sessions.values().removeIf(s -> s.expires < now);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long now = System.currentTimeMillis();
        sessions.put(token, new Session(who, directory.roles(who.user).orElse(Set.of()), now + IDLE.toMillis(),
                now + ABSOLUTE.toMillis()));
        return token;
    }

    /** The session's user, its idle time restarted; empty when unknown or expired. */
    Optional<Authenticator.Authenticated> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        long now = System.currentTimeMillis();
        if (s == null || s.expires < now || s.ends < now
                || !directory.roles(s.who.user).equals(Optional.of(s.directoryRoles))) {
            if (s != null) {
                sessions.remove(token);
            }
            return Optional.empty();
        }
        s.expires = now + IDLE.toMillis();
        return Optional.of(s.who);
    }

    /** Ends every session of {@code user} on this node (deactivated, or given a new password). */
    void closeAll(String user) {
        sessions.values().removeIf(s -> s.who.user.equals(user));
    }

    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    private static final class Session {
        final Authenticator.Authenticated who;
        final Set<String> directoryRoles;
        volatile long expires;
        final long ends;

        Session(Authenticator.Authenticated who, Set<String> directoryRoles, long expires, long ends) {
            this.who = who;
            this.directoryRoles = directoryRoles;
            this.expires = expires;
            this.ends = ends;
        }
    }
}
