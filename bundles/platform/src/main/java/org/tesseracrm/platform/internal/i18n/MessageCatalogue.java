package org.tesseracrm.platform.internal.i18n;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translations of the API's English messages, as pairs of lines: a regular expression that must
 * match a whole message, then {@code = } and the translation, where {@code {1}}, {@code {2}} … are
 * the expression's groups, themselves translated when a pair matches them (so "The lead is not
 * valid: {1}" translates the reason too). Messages no pair matches stay as they are.
 */
public final class MessageCatalogue {
    private final List<Entry> entries;

    private MessageCatalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static MessageCatalogue of(List<MessageCatalogue> parts) {
        List<Entry> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.entries));
        return new MessageCatalogue(all);
    }

    /** Whole words and their translations, e.g. a module's collection name and its label. */
    public static MessageCatalogue words(Map<String, String> words) {
        List<Entry> entries = new ArrayList<>();
        words.forEach((word, translation) -> entries.add(new Entry(Pattern.compile(Pattern.quote(word)), translation)));
        return new MessageCatalogue(entries);
    }

    /** Reads one catalogue file; {@code source} names it in the error a malformed file raises. */
    public static MessageCatalogue read(InputStream in, String source) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String pattern = null;
            int number = 0;
            for (String line; (line = reader.readLine()) != null;) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("= ")) {
                    if (pattern == null) {
                        throw new IOException(source + ":" + number + ": a translation without an English pattern before it");
                    }
                    entries.add(new Entry(Pattern.compile(pattern), line.substring(2)));
                    pattern = null;
                } else {
                    pattern = line;
                }
            }
            if (pattern != null) {
                throw new IOException(source + ": the pattern '" + pattern + "' has no translation");
            }
        }
        return new MessageCatalogue(entries);
    }

    /** The translation of {@code message}, or the message itself. */
    public String translate(String message) {
        if (message == null) {
            return null;
        }
        for (Entry entry : entries) {
            Matcher m = entry.pattern.matcher(message);
            if (m.matches()) {
                StringBuilder out = new StringBuilder();
                Matcher slot = SLOT.matcher(entry.template);
                while (slot.find()) {
                    int group = Integer.parseInt(slot.group(1));
                    String text = group <= m.groupCount() && m.group(group) != null ? m.group(group) : "";
                    String value = text.equals(message) ? text : translate(text);
                    slot.appendReplacement(out, Matcher.quoteReplacement(value));
                }
                slot.appendTail(out);
                return out.toString();
            }
        }
        return message;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static final Pattern SLOT = Pattern.compile("\\{(\\d)\\}");

    private static final class Entry {
        final Pattern pattern;
        final String template;

        Entry(Pattern pattern, String template) {
            this.pattern = pattern;
            this.template = template;
        }
    }
}
