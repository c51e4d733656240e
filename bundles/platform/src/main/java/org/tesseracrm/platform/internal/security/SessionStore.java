package org.tesseracrm.platform.internal.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * Sign-in sessions of the web UI: an unguessable token (sent as an HttpOnly, SameSite=Strict cookie)
 * for a user the realm accepted, valid while used within the idle time. Kept in memory: a restart
 * signs everyone out.
 */
@Component(service = SessionStore.class)
public class SessionStore {
    static final String COOKIE = "tessera_session";
    static final Duration IDLE = Duration.ofHours(8);
    private static final int MAX_SESSIONS = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    String open(Authenticator.Authenticated who) {
        if (sessions.size() >= MAX_SESSIONS) {
            long now = System.currentTimeMillis();
            sessions.values().removeIf(s -> s.expires < now);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(who, System.currentTimeMillis() + IDLE.toMillis()));
        return token;
    }

    /** The session's user, its idle time restarted; empty when unknown or expired. */
    Optional<Authenticator.Authenticated> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = sessions.get(token);
        long now = System.currentTimeMillis();
        if (s == null || s.expires < now) {
            if (s != null) {
                sessions.remove(token);
            }
            return Optional.empty();
        }
        s.expires = now + IDLE.toMillis();
        return Optional.of(s.who);
    }

    void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    private static final class Session {
        final Authenticator.Authenticated who;
        volatile long expires;

        Session(Authenticator.Authenticated who, long expires) {
            this.who = who;
            this.expires = expires;
        }
    }
}
