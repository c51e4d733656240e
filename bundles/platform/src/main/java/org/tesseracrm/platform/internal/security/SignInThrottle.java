package org.tesseracrm.platform.internal.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.ProblemException;

/**
 * Slows password guessing: after {@value #FREE_FAILURES} failed sign-ins for one user name, or
 * {@value #FREE_FAILURES_PER_ADDRESS} from one address (more: behind a reverse proxy many users share
 * one), within {@link #MEMORY}, every further attempt must wait, twice as long after each
 * new failure (1 s, 2 s, 4 s … up to {@link #LONGEST_PAUSE}); an attempt during the pause answers
 * 429 with {@code Retry-After} without the password even being checked. A success clears the
 * user's count, not the address's. Every sign-in and failure is written to the security log
 * ({@code data/log/security.log}) with user, address and time. The API counts its sign-ins in
 * {@link Authenticator}; Karaf's SSH shell is counted by {@link ThrottledLoginModule}.
 */
@Component(service = SignInThrottle.class)
public class SignInThrottle {
    static final int FREE_FAILURES = 5;
    static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration MEMORY = Duration.ofMinutes(15);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    private static final int MAX_KEYS = 100_000;
    /** Karaf's security log (the "audit" logger writes data/log/security.log). */
    private static final Logger AUDIT = LoggerFactory.getLogger("audit.tessera.sign-in");

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    @org.osgi.service.component.annotations.Reference
    private org.tesseracrm.platform.internal.audit.AuditTrail trail;
    /** The active throttle, for the JAAS login module Karaf instantiates itself. */
    private static volatile SignInThrottle active;
    /** Set while {@link Authenticator} signs in through the realm: it counts that sign-in itself. */
    private static final ThreadLocal<Boolean> COUNTED_BY_CALLER = new ThreadLocal<>();

    @Activate
    void activate() {
        active = this;
    }

    @Deactivate
    void deactivate() {
        if (active == this) {
            active = null;
        }
    }

    static SignInThrottle active() {
        return active;
    }

    static boolean countedByCaller() {
        return Boolean.TRUE.equals(COUNTED_BY_CALLER.get());
    }

    /** Runs a realm sign-in that the caller counts itself (the login module then stays out of it). */
    static <T> T countedHere(java.util.function.Supplier<T> signIn) {
        COUNTED_BY_CALLER.set(Boolean.TRUE);
        try {
            return signIn.get();
        } finally {
            COUNTED_BY_CALLER.remove();
        }
    }

    /** Refuses with 429 while the user or the address must wait. */
    public void check(String user, String address) {
        long now = System.currentTimeMillis();
        long wait = Math.max(waitMillis("user:" + user, now), waitMillis("address:" + address, now));
        if (wait > 0) {
            AUDIT.info("sign-in throttled user={} address={} retryAfter={}s", user, address, seconds(wait));
            trail.security("SIGN_IN_THROTTLED", user, null, user, "address " + address + ", retry after " + seconds(wait) + " s");
            throw new TooManySignIns(seconds(wait));
        }
    }

    public void failed(String user, String address, String scheme) {
        long now = System.currentTimeMillis();
        record("user:" + user, FREE_FAILURES, now);
        record("address:" + address, FREE_FAILURES_PER_ADDRESS, now);
        AUDIT.info("sign-in failed user={} address={} via={}", user, address, scheme);
        trail.security("SIGN_IN_FAILED", user, scheme, user, "address " + address);
    }

    public void succeeded(String user, String address, String scheme) {
        failures.remove("user:" + user);
        AUDIT.info("sign-in user={} address={} via={}", user, address, scheme);
        trail.security("SIGNED_IN", user, scheme, user, "address " + address);
    }

    private long waitMillis(String key, long now) {
        Failures f = failures.get(key);
        return f == null ? 0 : Math.max(0, f.pausedUntil - now);
    }

    private void record(String key, int free, long now) {
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> now - f.last > MEMORY.toMillis());
        }
        failures.compute(key, (k, f) -> {
            Failures next = f == null || now - f.last > MEMORY.toMillis() ? new Failures() : f;
            next.count++;
            next.last = now;
            if (next.count >= free) {
                long pause = Math.min(LONGEST_PAUSE.toMillis(), 1000L << Math.min(20, next.count - free));
                next.pausedUntil = now + pause;
            }
            return next;
        });
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static final class Failures {
        int count;
        long last;
        long pausedUntil;
    }

    /** 429: too many failed sign-ins; the answer says when to try again. */
    static final class TooManySignIns extends ProblemException {
        private static final long serialVersionUID = 1L;

        TooManySignIns(long retryAfterSeconds) {
            super(429, "Too Many Requests", "Too many failed sign-ins; try again in " + retryAfterSeconds + " s", List.of());
            with("retryAfter", retryAfterSeconds);
        }
    }
}
