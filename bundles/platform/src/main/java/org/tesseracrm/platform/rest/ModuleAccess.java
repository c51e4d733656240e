package org.tesseracrm.platform.rest;

import javax.ws.rs.core.SecurityContext;

import org.tesseracrm.platform.api.AccessDeniedException;

/**
 * What a user may do with a module's records, from the roles of the Karaf realm: {@code admin} and
 * {@code manager} read and change every module, {@code viewer} reads every module, and
 * {@code <collection>.read} / {@code <collection>.write} (e.g. {@code leads.write}) grant one module.
 * The platform checks every request against the module it addresses; a module whose action also
 * reads or writes another module's records checks those with {@link #requireRead}/{@link #requireWrite}.
 */
public final class ModuleAccess {
    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String VIEWER = "viewer";

    private ModuleAccess() {
    }

    public static boolean mayRead(SecurityContext user, String collection) {
        return mayWrite(user, collection) || user.isUserInRole(VIEWER) || user.isUserInRole(collection + ".read");
    }

    public static boolean mayWrite(SecurityContext user, String collection) {
        return user.isUserInRole(ADMIN) || user.isUserInRole(MANAGER) || user.isUserInRole(collection + ".write");
    }

    /** Refuses with 403 unless the user may read {@code collection}. */
    public static void requireRead(SecurityContext user, String collection) {
        if (!mayRead(user, collection)) {
            throw new AccessDeniedException("Your roles do not give access to " + collection);
        }
    }

    /** Refuses with 403 unless the user may change {@code collection}. */
    public static void requireWrite(SecurityContext user, String collection) {
        check(user, collection, "POST");
    }

    /** Refuses with 403 what the user's roles do not allow; reading is GET, HEAD and OPTIONS. */
    public static void check(SecurityContext user, String collection, String method) {
        boolean reading = "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
        if (reading ? mayRead(user, collection) : mayWrite(user, collection)) {
            return;
        }
        throw new AccessDeniedException(mayRead(user, collection)
                ? "Your roles let you read " + collection + " but not change them"
                : "Your roles do not give access to " + collection);
    }

    /** The declaration of {@code method} as {@code resourceClass} serves it: its own, or the one of the method it overrides. */
    public static Access declared(Class<?> resourceClass, java.lang.reflect.Method method) {
        Access own = method.getAnnotation(Access.class);
        if (own != null) {
            return own;
        }
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Access inherited = c.getDeclaredMethod(method.getName(), method.getParameterTypes()).getAnnotation(Access.class);
                if (inherited != null) {
                    return inherited;
                }
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        return null;
    }
}
