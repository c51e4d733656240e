package org.tesseracrm.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
    private final UserDirectory directory;
    private final SignInThrottle throttle;

    @org.osgi.service.component.annotations.Activate
    public Authenticator(@org.osgi.service.component.annotations.Reference UserDirectory directory,
            @org.osgi.service.component.annotations.Reference SignInThrottle throttle) {
        this.directory = directory;
        this.throttle = throttle;
    }

    static final String REALM = "karaf";
    /** The roles a signed-in user is told about (GET /api/v1/session). */
    static final List<String> KNOWN_ROLES = List.of("admin", "manager", "viewer");
    private static final long CACHE_MILLIS = 60_000;
    private static final int CACHE_MAX = 10_000;

    private final Map<String, Remembered> cache = new ConcurrentHashMap<>();
    /** The same credentials asked for in parallel (all of a client's requests when its minute ends) are hashed once. */
    private final SingleFlight<String, Optional<Authenticated>> checking = new SingleFlight<>();

    /**
     * Checks a sign-in from {@code address} (Basic credentials or the web UI's form, {@code scheme}).
     * Credentials that signed in a moment ago are remembered; anything else is a guess the
     * {@link SignInThrottle} counts, and may answer 429 before the realm is even asked.
     */
    public Optional<Authenticated> signIn(String user, String password, String address, String scheme) {
        String key = digest(user, password);
        Remembered cached = cache.get(key);
        long now = System.currentTimeMillis();
        // Remembered while the user still exists with the same roles: a removed user or a change of
        // roles takes effect within the directory's freshness, not the minute of the cache.
        if (cached != null && cached.who.expires > now && directory.roles(user).equals(Optional.of(cached.directoryRoles))
                && directory.version(user) == cached.version) {
            return Optional.of(cached.who);
        }
        throttle.check(user, address);
        return checking.run(key, () -> checkAndRemember(key, user, password, address, scheme, now));
    }

    /** Asks the realm (a deliberately slow password hash), counts the guess and remembers a success. */
    private Optional<Authenticated> checkAndRemember(String key, String user, String password, String address,
            String scheme, long now) {
        Optional<Authenticated> result = SignInThrottle.countedHere(() -> login(user, password, now + CACHE_MILLIS));
        if (result.isPresent()) {
            throttle.succeeded(user, address, scheme);
        } else {
            throttle.failed(user, address, scheme);
        }
        // A login without roles is not kept: while a user is being created its roles come a moment
        // after it, and a cached empty set would refuse everything it does for the cache's lifetime.
        if (result.isPresent() && !result.get().roles.isEmpty()) {
            if (cache.size() >= CACHE_MAX) {
                cache.clear();
            }
            Optional<Set<String>> roles = directory.roles(user);
            if (roles.isPresent()) {
                cache.put(key, new Remembered(result.get(), roles.get(), directory.version(user)));
            }
        } else if (result.isEmpty()) {
            cache.remove(key);
        }
        return result;
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
        } catch (UserTableLoginModule.UsersUnreadable e) {
            throw (RuntimeException) e.getCause(); // a server failure (503 when the database dropped the connection)
        } catch (LoginException e) {
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String digest(String user, String password) {
        MessageDigest sha = Sha256.digest();
        sha.update(user.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(password.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A sign-in the realm accepted, with the user's roles in the directory at that moment. */
    private static final class Remembered {
        final Authenticated who;
        final Set<String> directoryRoles;
        /** The user's version when remembered: a new password (any change of the user) makes it differ. */
        final long version;

        Remembered(Authenticated who, Set<String> directoryRoles, long version) {
            this.who = who;
            this.directoryRoles = directoryRoles;
            this.version = version;
        }
    }

    /** Who a request runs as. */
    public static final class Authenticated {
        public final String user;
        public final Set<String> roles;
        final long expires;
        /** The API token's name when the request came in with one. */
        final String tokenName;

        Authenticated(String user, Set<String> roles, long expires) {
            this(user, roles, expires, null);
        }

        Authenticated(String user, Set<String> roles, long expires, String tokenName) {
            this.user = user;
            this.roles = roles;
            this.expires = expires;
            this.tokenName = tokenName;
        }
    }
}
