package org.tesseracrm.platform.api;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An enum whose values have English and Vietnamese labels, as the UI and /api/v1/modules show
 * them. The labels live beside the enum in {@code <Enum>.properties} (English) and
 * {@code <Enum>_vi.properties} (Vietnamese), keyed by the constant's name, so translators edit
 * text files and enums stay plain lists of constants.
 */
@ConsumerType
public interface Labeled {

    String name();

    default String labelEn() {
        return label(this, Locale.ROOT);
    }

    default String labelVi() {
        return label(this, Locale.forLanguageTag("vi"));
    }

    /** The label of {@code value} in {@code locale}, or null when the bundle does not have it. */
    static String label(Labeled value, Locale locale) {
        Class<?> type = ((Enum<?>) value).getDeclaringClass();
        try {
            ResourceBundle bundle = ResourceBundle.getBundle(type.getName(), locale, type.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return bundle.containsKey(value.name()) ? bundle.getString(value.name()) : null;
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
