package org.tesseracrm.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Component;

/**
 * Checks user name and password against Karaf's JAAS realm. A successful check is remembered for a
 * minute (keyed by a digest of the credentials, never the password itself) so that a busy client
 * does not re-read the user store on every request.
 */
@Component(service = Authenticator.class)
public class Authenticator {
    static final String REALM = "karaf";
    /** The roles a signed-in user is told about (GET /api/v1/session). */
    static final List<String> KNOWN_ROLES = List.of("admin", "manager", "viewer");
    private static final long CACHE_MILLIS = 60_000;
    private static final int CACHE_MAX = 10_000;

    private final Map<String, Authenticated> cache = new ConcurrentHashMap<>();

    public Optional<Authenticated> authenticate(String user, String password) {
        String key = digest(user, password);
        Authenticated cached = cache.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && cached.expires > now) {
            return Optional.of(cached);
        }
        Optional<Authenticated> result = login(user, password, now + CACHE_MILLIS);
        // A login without roles is not kept: while a user is being created its roles come a moment
        // after it, and a cached empty set would refuse everything it does for the cache's lifetime.
        if (result.isPresent() && !result.get().roles.isEmpty()) {
            if (cache.size() >= CACHE_MAX) {
                cache.clear();
            }
            cache.put(key, result.get());
        } else if (result.isEmpty()) {
            cache.remove(key);
        }
        return result;
    }

    /** Whether the realm accepts these credentials now, bypassing the cache. */
    boolean accepts(String user, String password) {
        return login(user, password, 0).isPresent();
    }

    private Optional<Authenticated> login(String user, String password, long expires) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(getClass().getClassLoader());
        try {
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback) {
                        ((NameCallback) callback).setName(user);
                    } else if (callback instanceof PasswordCallback) {
                        ((PasswordCallback) callback).setPassword(password.toCharArray());
                    }
                }
            });
            login.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(Principal::getName).collect(Collectors.toUnmodifiableSet());
            return Optional.of(new Authenticated(user, roles, expires));
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who a request runs as. */
    public static final class Authenticated {
        public final String user;
        public final Set<String> roles;
        final long expires;

        Authenticated(String user, Set<String> roles, long expires) {
            this.user = user;
            this.roles = roles;
            this.expires = expires;
        }
    }
}
