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

    public static void clear() {
        CURRENT.remove();
    }
}
