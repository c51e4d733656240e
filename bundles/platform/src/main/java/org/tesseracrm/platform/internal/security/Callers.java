package org.tesseracrm.platform.internal.security;

import java.util.Set;

/**
 * Who the request running on this thread acts for: set when the API authenticates a request and
 * cleared when its answer is written, so the record services can apply the caller's scopes and the
 * audit trail can say who did what, and through what.
 */
public final class Callers {
    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private Callers() {
    }

    /** A signed-in caller: their name, roles, what the roles grant, and how they came in. */
    public static final class Caller {
        public final String user;
        public final Set<String> roles;
        public final Grants grants;
        /** "web" (the web UI's session), "token <name>" (an API token), "basic" (HTTP Basic). */
        public final String via;
        private final UserDirectory directory;
        private Set<String> colleagues;

        Caller(String user, Set<String> roles, Grants grants, String via, UserDirectory directory) {
            this.user = user;
            this.roles = roles;
            this.grants = grants;
            this.via = via;
            this.directory = directory;
        }

        /** The caller and the members of their teams, read once per request. */
        public Set<String> colleagues() {
            if (colleagues == null) {
                colleagues = directory.colleagues(user);
            }
            return colleagues;
        }
    }

    /** The caller of the running request; null outside one (background work, the shell, start-up). */
    public static Caller current() {
        return CURRENT.get();
    }

    static void set(Caller caller) {
        CURRENT.set(caller);
    }

    /**
     * {@code work} done for {@code caller} on this thread, through {@code via} (work a user asked for
     * that runs in the background: an import keeps their roles and scope, and history names it).
     */
    public static <T> T runAs(Caller caller, String via, java.util.function.Supplier<T> work) {
        Caller before = CURRENT.get();
        if (caller == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(new Caller(caller.user, caller.roles, caller.grants, via, caller.directory));
        }
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    public static void clear() {
        CURRENT.remove();
    }
}
