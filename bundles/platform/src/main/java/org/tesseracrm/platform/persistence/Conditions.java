package org.tesseracrm.platform.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JPQL conditions on the record alias {@code e}, joined with AND, with their named parameters.
 * Modules add their default restrictions through it (e.g. converted leads left out).
 */
public final class Conditions {
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds a clause; {@code ?} marks in it are replaced by parameters bound to {@code values}. */
    public Conditions add(String clause, Object... values) {
        StringBuilder sb = new StringBuilder();
        int v = 0;
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (c == '?') {
                String name = "p" + parameters.size();
                parameters.put(name, values[v++]);
                sb.append(':').append(name);
            } else {
                sb.append(c);
            }
        }
        if (v != values.length) {
            throw new IllegalArgumentException("clause has " + v + " parameters, " + values.length + " given");
        }
        clauses.add(sb.toString());
        return this;
    }

    /**
     * Binds {@code value} to a new parameter and answers its name in JPQL ({@code :p3}), for clauses
     * that hold a literal ? (EclipseLink's {@code SQL('…')}) or are built in parts.
     */
    public String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    /** Adds a clause as it is, its parameters already bound by {@link #bind}. */
    public Conditions addBound(String clause) {
        clauses.add(clause);
        return this;
    }

    String where() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** The clauses joined with AND, each within parentheses, for a module's own query ({@code " AND "} + it); "" when none. */
    public String clause() {
        return clauses.isEmpty() ? "" : "(" + String.join(") AND (", clauses) + ")";
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    /** The named parameters the clauses use. */
    public Map<String, Object> parameters() {
        return parameters;
    }
}
