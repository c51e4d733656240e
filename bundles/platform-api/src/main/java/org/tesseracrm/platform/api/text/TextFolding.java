package org.tesseracrm.platform.api.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Folds text for searching: strips diacritics (so "Nguyễn" matches "nguyen"), maps đ/Đ to d, lowers
 * case and collapses everything that is not a letter or digit to single spaces.
 */
public final class TextFolding {
    private TextFolding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c) || c == '@' || c == '.' || c == '-' || c == '+') {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The folded words of a search query, empty when there are none. */
    public static List<String> tokens(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(folded.split(" ")));
    }

    /** The folded text of several values joined by spaces, for a record's search column. */
    public static String foldAll(String... values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            String f = fold(v);
            if (!f.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(f);
            }
        }
        return sb.toString();
    }
}
