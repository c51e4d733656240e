package org.tesseracrm.platform.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.tesseracrm.platform.api.spi.FieldType;

/**
 * What a text field may hold, whatever the module: real text (no control characters but line
 * breaks and tabs in long texts, no broken UTF-16), no characters that reverse the direction of
 * what follows (they make "gnp.exe" of "exe.png"), and for a required field something visible,
 * not only spaces or invisible characters. URLs are web addresses, never {@code javascript:} or
 * {@code file:}.
 */
final class TextRules {
    private TextRules() {
    }

    /** Why {@code value} cannot be stored in a field of {@code type}, or null when it can. */
    static String problem(String value, FieldType type, boolean required) {
        boolean multiline = type == FieldType.TEXT;
        boolean visible = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                visible = true;
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "is not valid text (a broken character)";
            }
            if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return "must not contain control characters";
            }
            if (c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069') {
                return "must not contain characters that change the direction of the text";
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                visible = true;
            }
        }
        if (required && !visible) {
            return "is required";
        }
        if (type == FieldType.URL && visible && !isWebAddress(value.strip())) {
            return "must be a web address (http or https)";
        }
        return null;
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null) {
                // "example.vn" or "www.example.vn/path": a host without a scheme, as people type it
                return !value.contains(":") && new URI("https://" + value).getHost() != null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
