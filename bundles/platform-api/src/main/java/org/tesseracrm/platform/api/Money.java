package org.tesseracrm.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Money rules: ISO 4217 currencies, amounts kept to the currency's minor units (VND 0, USD 2) and
 * rounded half-up. Never floating point.
 */
public final class Money {
    /** The currency of records that name none. */
    public static final String DEFAULT_CURRENCY = "VND";

    private Money() {
    }

    public static boolean isCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The minor units of a currency (VND 0, USD 2). */
    public static int scale(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(scale(currency), RoundingMode.HALF_UP);
    }

    /** An amount as stored: refused (422) when it has more decimals than the currency allows. */
    public static BigDecimal exact(String field, BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int scale = scale(currency);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new RuleViolationException(field + " has more decimals than " + currency + " allows (" + scale + ")",
                    List.of(new FieldError(field, "must have at most " + scale + " decimals in " + currency)));
        }
        return amount.setScale(scale, RoundingMode.UNNECESSARY);
    }
}
