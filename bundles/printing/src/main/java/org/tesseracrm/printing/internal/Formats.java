package org.tesseracrm.printing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;

/**
 * Amounts, numbers, dates and amounts in words as a reader of one language expects them:
 * {@code 1.500.000 ₫} and {@code 30/11/2026} in Vietnamese, {@code $1,500.00} and {@code Nov 30, 2026}
 * in English; words by ICU's spell-out rules ("một triệu năm trăm nghìn đồng").
 */
final class Formats {
    private final Locale locale;
    private final String language;
    private final ZoneId zone;

    Formats(Locale language, ZoneId zone) {
        this.language = "vi".equals(language.getLanguage()) ? "vi" : "en";
        this.locale = this.language.equals("vi") ? new Locale("vi", "VN") : Locale.US;
        this.zone = zone;
    }

    String language() {
        return language;
    }

    String money(Object amount, String currency) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency c = currency(currency);
        format.setCurrency(c);
        format.setMinimumFractionDigits(c.getDefaultFractionDigits());
        format.setMaximumFractionDigits(c.getDefaultFractionDigits());
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    String number(Object x) {
        BigDecimal value = decimal(x);
        if (value == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(4);
        return format.format(value);
    }

    String date(Object x) {
        if (x == null || "".equals(x)) {
            return "";
        }
        LocalDate day;
        if (x instanceof LocalDate) {
            day = (LocalDate) x;
        } else if (x instanceof Instant) {
            day = ((Instant) x).atZone(zone).toLocalDate();
        } else {
            String s = x.toString();
            day = s.length() > 10 ? Instant.parse(s).atZone(zone).toLocalDate() : LocalDate.parse(s);
        }
        DateTimeFormatter format = language.equals("vi") ? DateTimeFormatter.ofPattern("dd/MM/yyyy")
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return day.format(format);
    }

    /** The amount in words, whole units (a VND amount has no smaller one), with the currency: "Một triệu đồng". */
    String words(Object amount, String currency) {
        BigDecimal value = decimal(amount);
        if (value == null) {
            return "";
        }
        Currency c = currency(currency);
        RuleBasedNumberFormat spell = new RuleBasedNumberFormat(new ULocale(language), RuleBasedNumberFormat.SPELLOUT);
        BigDecimal whole = value.setScale(0, RoundingMode.DOWN);
        BigDecimal cents = value.subtract(whole).movePointRight(c.getDefaultFractionDigits()).abs().setScale(0, RoundingMode.HALF_UP);
        StringBuilder words = new StringBuilder(spell.format(whole.toBigInteger()));
        words.append(' ').append(unit(c));
        if (c.getDefaultFractionDigits() > 0 && cents.signum() != 0) {
            words.append(language.equals("vi") ? " và " : " and ").append(cents.toPlainString())
                    .append('/').append(BigDecimal.TEN.pow(c.getDefaultFractionDigits()).toPlainString());
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private String unit(Currency c) {
        if (c.getCurrencyCode().equals("VND")) {
            return language.equals("vi") ? "đồng" : "dong";
        }
        return c.getDisplayName(locale);
    }

    private Currency currency(String code) {
        try {
            return Currency.getInstance(code == null || code.isBlank() ? "VND" : code);
        } catch (IllegalArgumentException e) {
            return Currency.getInstance("VND");
        }
    }

    private static BigDecimal decimal(Object x) {
        if (x == null || "".equals(x)) {
            return null;
        }
        if (x instanceof BigDecimal) {
            return (BigDecimal) x;
        }
        if (x instanceof Number) {
            return new BigDecimal(x.toString());
        }
        return new BigDecimal(x.toString().trim());
    }
}
