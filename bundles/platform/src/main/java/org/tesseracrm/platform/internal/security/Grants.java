package org.tesseracrm.platform.internal.security;

import java.util.HashMap;
import java.util.Map;

/**
 * What a user's roles grant, module by module: the scope they may read in and the scope they may
 * change records in (null: not at all). A grant for {@code *} reaches every module.
 */
public final class Grants {
    static final String EVERY_MODULE = "*";
    public static final Grants NONE = new Grants(Map.of());

    private final Map<String, Scope[]> byCollection;

    Grants(Map<String, Scope[]> byCollection) {
        this.byCollection = byCollection;
    }

    /** The scope in which records of {@code collection} may be read; null when they may not be. */
    public Scope readScope(String collection) {
        return Scope.wider(scope(collection, 0), scope(EVERY_MODULE, 0));
    }

    /** The scope in which records of {@code collection} may be changed; null when they may not be. */
    public Scope writeScope(String collection) {
        return Scope.wider(scope(collection, 1), scope(EVERY_MODULE, 1));
    }

    private Scope scope(String collection, int index) {
        Scope[] s = byCollection.get(collection);
        return s == null ? null : s[index];
    }

    /** Collects grants, widening what two roles both grant. */
    static final class Builder {
        private final Map<String, Scope[]> byCollection = new HashMap<>();

        Builder grant(String collection, boolean write, Scope scope) {
            Scope[] s = byCollection.computeIfAbsent(collection, c -> new Scope[2]);
            s[0] = Scope.wider(s[0], scope);
            if (write) {
                s[1] = Scope.wider(s[1], scope);
            }
            return this;
        }

        Grants build() {
            return new Grants(Map.copyOf(byCollection));
        }
    }
}
