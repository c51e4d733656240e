package org.tesseracrm.printing.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders a document as PDF. The first of {@code templates} that exists is used, looked up first
 * in {@code etc/tessera/templates/<name>.ftlh} (a reseller's own) and then among the shipped ones.
 * Besides {@code model}, a template has: {@code lang}; {@code t}, the labels in that language;
 * {@code seller}, the business from {@code etc/org.tesseracrm.branding.cfg} ({@code companyName},
 * {@code address}, {@code taxCode}, {@code phone}, {@code email}, {@code website}, {@code bankAccount},
 * {@code logo} as a data URI when it is a PNG or JPEG); and the functions {@code money(amount[, currency])},
 * {@code number(x)}, {@code date(x)} and {@code words(amount[, currency])} (the amount in words),
 * which format for the language ({@code 1.500.000 ₫}, {@code $1,500.00}); {@code currency} in the
 * model is their default currency.
 */
@ProviderType
public interface DocumentPrinter {
    /**
     * The PDF's bytes.
     *
     * @throws IllegalArgumentException when none of the templates exists
     */
    byte[] pdf(List<String> templates, Map<String, Object> model, Locale language);

    /** A label of the templates ({@code title.quotes}: "Quote", "Báo giá") in {@code language}, or null. */
    String label(String key, Locale language);
}
