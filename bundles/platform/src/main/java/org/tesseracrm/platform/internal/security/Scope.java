package org.tesseracrm.platform.internal.security;

import java.util.Locale;

/** Which records of a module a grant reaches: the user's own, their teams', or all. */
public enum Scope {
    OWN, TEAM, ALL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Scope parse(String s) {
        return s == null ? null : switch (s.toLowerCase(Locale.ROOT)) {
            case "own" -> OWN;
            case "team" -> TEAM;
            case "all" -> ALL;
            default -> null;
        };
    }

    static Scope wider(Scope a, Scope b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
