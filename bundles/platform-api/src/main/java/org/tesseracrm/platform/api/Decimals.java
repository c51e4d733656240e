package org.tesseracrm.platform.api;

import java.math.BigDecimal;

/** Decimals as clients read them. */
public final class Decimals {
    private Decimals() {
    }

    /** A quantity, percentage or ratio without trailing zeros (2, 1.5, 10), never in exponent form; null stays null. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
