package org.tesseracrm.platform.persistence;

import javax.persistence.EntityManager;

/**
 * Gap-free record numbers. The counter row is updated inside the caller's transaction, so its row
 * lock serialises concurrent creations and a rolled-back creation gives its number back.
 */
public final class NumberSequence {
    private NumberSequence() {
    }

    public static String next(EntityManager em, String prefix) {
        int updated = em.createNativeQuery(
                "UPDATE tessera_number_sequence SET last_value = last_value + 1 WHERE prefix = ?")
                .setParameter(1, prefix).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No number sequence for prefix " + prefix
                    + ": the module's migration must insert it");
        }
        Number value = (Number) em.createNativeQuery(
                "SELECT last_value FROM tessera_number_sequence WHERE prefix = ?")
                .setParameter(1, prefix).getSingleResult();
        return format(prefix, value.longValue());
    }

    static String format(String prefix, long value) {
        return String.format("%s-%06d", prefix, value);
    }
}
