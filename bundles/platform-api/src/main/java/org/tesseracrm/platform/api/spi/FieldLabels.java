package org.tesseracrm.platform.api.spi;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Where a field's label comes from, in English or Vietnamese: a module's own labels live beside its
 * descriptor ({@code <Descriptor>.properties} and {@code <Descriptor>_vi.properties}, keyed by field
 * name); labels that several modules share ({@code name}, {@code email}, a document's {@code terms})
 * live once in the platform, beside this class; a field nobody labelled shows its name in words.
 */
public final class FieldLabels {
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private FieldLabels() {
    }

    /** The label of {@code field} of the module whose descriptor is {@code owner}. */
    public static String of(Class<?> owner, String field, Locale locale) {
        String own = owner == null ? null : lookup(owner, field, locale);
        return own != null ? own : common(field, locale);
    }

    /** The platform's label of a field many modules have, else the name in words ("closeDate" → "Close date"). */
    public static String common(String field, Locale locale) {
        String shared = lookup(FieldLabels.class, field, locale);
        return shared != null ? shared : inWords(field);
    }

    /** The platform's shared labels in a language, by field name. */
    public static Map<String, String> shared(Locale locale) {
        Map<String, String> labels = new TreeMap<>();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(FieldLabels.class.getName(), language(locale),
                    FieldLabels.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) {
                labels.put(key, bundle.getString(key));
            }
        } catch (MissingResourceException e) {
            // none shipped
        }
        return labels;
    }

    /** Vietnamese for a {@code vi} locale, English for any other. */
    public static Locale language(Locale locale) {
        return locale != null && "vi".equals(locale.getLanguage()) ? VIETNAMESE : Locale.ROOT;
    }

    private static String lookup(Class<?> owner, String field, Locale locale) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(owner.getName(), language(locale), owner.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(field) ? bundle.getString(field) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }

    static String inWords(String field) {
        String words = field.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT).trim();
        return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
