package org.tesseracrm.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

/**
 * Gap-free record numbers. The counter row is updated inside the caller's transaction, so its row
 * lock serialises concurrent creations and a rolled-back creation gives its number back.
 */
public final class NumberSequence {
    private NumberSequence() {
    }

    public static String next(EntityManager em, String prefix) {
        return format(prefix, take(em, prefix, 1));
    }

    /**
     * {@code count} consecutive numbers at once, as one change of the counter (a bulk creation
     * takes its block in one statement): the numbers in order.
     */
    public static List<String> next(EntityManager em, String prefix, int count) {
        long first = take(em, prefix, count) - count + 1;
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(format(prefix, first + i));
        }
        return numbers;
    }

    /**
     * The counter moved on by {@code count}: its new last value, in one statement (the counter's row
     * stays locked until the transaction ends, so the fewer round trips after it the more creations
     * a second).
     */
    private static long take(EntityManager em, String prefix, int count) {
        String sql = postgres(em)
                ? "UPDATE tessera_number_sequence SET last_value = last_value + ? WHERE prefix = ? RETURNING last_value"
                : "SELECT last_value FROM FINAL TABLE (UPDATE tessera_number_sequence SET last_value = last_value + ? WHERE prefix = ?)";
        List<?> value = em.createNativeQuery(sql).setParameter(1, count).setParameter(2, prefix).getResultList();
        if (value.size() != 1) {
            throw new IllegalStateException("No number sequence for prefix " + prefix
                    + ": the module's migration must insert it");
        }
        Object last = value.get(0);
        return ((Number) (last instanceof Object[] ? ((Object[]) last)[0] : last)).longValue();
    }

    /** Whether the database is PostgreSQL (else the embedded H2): the two write "update and answer" differently. */
    private static boolean postgres(EntityManager em) {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = em.unwrap(java.sql.Connection.class).getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                        .contains("postgres");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("The database cannot be told", e);
            }
            postgres = known;
        }
        return known;
    }

    private static volatile Boolean postgres;

    static String format(String prefix, long value) {
        String digits = Long.toString(value);
        StringBuilder number = new StringBuilder(prefix.length() + 1 + Math.max(6, digits.length())).append(prefix).append('-');
        for (int i = digits.length(); i < 6; i++) {
            number.append('0');
        }
        return number.append(digits).toString();
    }
}
