package org.tesseracrm.platform.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The allowed status changes of a record; an illegal one is a 422 naming the allowed targets. */
public final class StateMachine<S extends Enum<S>> {
    private final Class<S> type;
    private final String field;
    private final Map<S, Set<S>> allowed;

    private StateMachine(Class<S> type, String field, Map<S, Set<S>> allowed) {
        this.type = type;
        this.field = field;
        this.allowed = allowed;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type, String field) {
        return new Builder<>(type, field);
    }

    /** The wire name of the field this machine governs, e.g. {@code status}. */
    public String field() {
        return field;
    }

    public boolean allows(S from, S to) {
        return from == to || allowed.getOrDefault(from, Set.of()).contains(to);
    }

    public Set<S> targets(S from) {
        return Collections.unmodifiableSet(allowed.getOrDefault(from, EnumSet.noneOf(type)));
    }

    /** Throws {@link RuleViolationException} unless {@code from → to} is allowed. */
    public void check(S from, S to) {
        if (allows(from, to)) {
            return;
        }
        Set<S> targets = targets(from);
        String next = targets.isEmpty() ? "none: " + from + " is final"
                : targets.stream().map(Enum::name).collect(Collectors.joining(", "));
        throw new RuleViolationException(field, "cannot change " + field + " from " + from + " to "
                + to + " (allowed: " + next + ")");
    }

    public static final class Builder<S extends Enum<S>> {
        private final Class<S> type;
        private final String field;
        private final Map<S, Set<S>> allowed;

        private Builder(Class<S> type, String field) {
            this.type = type;
            this.field = field;
            this.allowed = new EnumMap<>(type);
        }

        @SafeVarargs
        public final Builder<S> allow(S from, S... to) {
            allowed.computeIfAbsent(from, k -> EnumSet.noneOf(type)).addAll(Set.of(to));
            return this;
        }

        public StateMachine<S> build() {
            return new StateMachine<>(type, field, new EnumMap<>(allowed));
        }
    }
}
