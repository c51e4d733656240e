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

    /** The counter moved on by {@code count}: its new last value. */
    private static long take(EntityManager em, String prefix, int count) {
        int updated = em.createNativeQuery(
                "UPDATE tessera_number_sequence SET last_value = last_value + ? WHERE prefix = ?")
                .setParameter(1, count).setParameter(2, prefix).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No number sequence for prefix " + prefix
                    + ": the module's migration must insert it");
        }
        Number value = (Number) em.createNativeQuery(
                "SELECT last_value FROM tessera_number_sequence WHERE prefix = ?")
                .setParameter(1, prefix).getSingleResult();
        return value.longValue();
    }

    static String format(String prefix, long value) {
        String digits = Long.toString(value);
        StringBuilder number = new StringBuilder(prefix.length() + 1 + Math.max(6, digits.length())).append(prefix).append('-');
        for (int i = digits.length(); i < 6; i++) {
            number.append('0');
        }
        return number.append(digits).toString();
    }
}
