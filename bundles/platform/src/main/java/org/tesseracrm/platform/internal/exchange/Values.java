package org.tesseracrm.platform.internal.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.text.TextFolding;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.internal.security.UserAccounts;
import org.tesseracrm.platform.persistence.JpaRecordService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A cell as people type it, read as the field's value on the wire: dates {@code dd/MM/yyyy} or ISO,
 * numbers {@code 1.500.000} (Vietnamese) or {@code 1,500,000.50} (English), yes/no in both
 * languages, a picklist value by its code or either language's label, a user by name or display
 * name, a reference by its number or its name, all compared without case or Vietnamese marks. One
 * reader serves one import and remembers what it looked up.
 */
public final class Values {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern CURRENCY = Pattern.compile("[₫$€]|(?i)vnd|đ$");
    private static final Pattern VI_NUMBER = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?|-?\\d+,\\d+");
    private static final Pattern EN_NUMBER = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("d-M-uuuu"), DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ISO_LOCAL_DATE);
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(Map.entry("yes", true), Map.entry("no", false),
            Map.entry("y", true), Map.entry("n", false), Map.entry("true", true), Map.entry("false", false), Map.entry("1", true),
            Map.entry("0", false), Map.entry("x", true), Map.entry("co", true), Map.entry("khong", false), Map.entry("c", true),
            Map.entry("k", false), Map.entry("dung", true), Map.entry("sai", false));

    /** A cell that cannot be the field's value; the message says why. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    private final RecordServices modules;
    private final Map<String, String> usersByFoldedName = new HashMap<>();
    private final Map<String, String> references = new HashMap<>();
    private final Map<String, Map<String, String>> choices = new HashMap<>();

    Values(RecordServices modules, UserAccounts users) {
        this.modules = modules;
        for (UserAccounts.UserAccount u : users.list(false)) {
            usersByFoldedName.put(TextFolding.fold(u.name), u.name);
            if (u.displayName != null) {
                usersByFoldedName.putIfAbsent(TextFolding.fold(u.displayName), u.name);
            }
        }
    }

    JsonNode read(FieldDescriptor f, String raw) throws Unreadable {
        String v = raw.strip();
        switch (f.type) {
            case INTEGER:
                BigDecimal whole = number(v);
                try {
                    return JSON.numberNode(whole.longValueExact());
                } catch (ArithmeticException e) {
                    throw new Unreadable("\"" + v + "\" is not a whole number");
                }
            case DECIMAL:
            case MONEY:
                return JSON.numberNode(number(v));
            case BOOLEAN:
                Boolean b = YES_NO.get(TextFolding.fold(v));
                if (b == null) {
                    throw new Unreadable("\"" + v + "\" is not yes or no");
                }
                return JSON.booleanNode(b);
            case DATE:
                return JSON.textNode(date(v).toString());
            case DATETIME:
                return JSON.textNode(dateTime(v).toString());
            case ENUM:
                return JSON.textNode(choice(f, v));
            case MULTI_ENUM: {
                ArrayNode values = JSON.arrayNode();
                for (String part : v.split("[;,]")) {
                    if (!part.isBlank()) {
                        values.add(choice(f, part.strip()));
                    }
                }
                return values;
            }
            case TAGS: {
                ArrayNode tags = JSON.arrayNode();
                for (String part : v.split("[;,]")) {
                    if (!part.isBlank()) {
                        tags.add(part.strip());
                    }
                }
                return tags;
            }
            case USER: {
                String name = usersByFoldedName.get(TextFolding.fold(v));
                if (name == null) {
                    throw new Unreadable("no active user is named \"" + v + "\"");
                }
                return JSON.textNode(name);
            }
            case REFERENCE:
                return JSON.textNode(reference(f.references, v));
            default:
                return JSON.textNode(v);
        }
    }

    private static BigDecimal number(String v) throws Unreadable {
        String plain = CURRENCY.matcher(v.replace(" ", "").replace("\u00a0", "")).replaceAll("");
        if (VI_NUMBER.matcher(plain).matches()) {
            plain = plain.replace(".", "").replace(",", ".");
        } else if (EN_NUMBER.matcher(plain).matches()) {
            plain = plain.replace(",", "");
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            throw new Unreadable("\"" + v + "\" is not a number");
        }
    }

    private static LocalDate date(String v) throws Unreadable {
        String day = v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(day, f);
            } catch (DateTimeParseException next) {
                // the next way of writing a date
            }
        }
        throw new Unreadable("\"" + v + "\" is not a date (dd/MM/yyyy or yyyy-MM-dd)");
    }

    private static Instant dateTime(String v) throws Unreadable {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException notLocal) {
                String[] parts = v.split("\\s+", 2);
                LocalDate day = date(parts[0]);
                try {
                    java.time.LocalTime time = parts.length > 1 ? java.time.LocalTime.parse(parts[1].length() == 4 ? "0" + parts[1] : parts[1])
                            : java.time.LocalTime.MIDNIGHT;
                    return day.atTime(time).atZone(ZoneId.systemDefault()).toInstant();
                } catch (DateTimeParseException badTime) {
                    throw new Unreadable("\"" + v + "\" is not a date and time (dd/MM/yyyy HH:mm or ISO)");
                }
            }
        }
    }

    /** The code a cell names, by code or by either language's label; each field's names folded once per import. */
    private String choice(FieldDescriptor f, String v) throws Unreadable {
        Map<String, String> names = choices.computeIfAbsent(f.name, name -> {
            Map<String, String> byName = new HashMap<>();
            for (FieldDescriptor.EnumValue e : f.enumValues()) {
                byName.putIfAbsent(e.value.toLowerCase(java.util.Locale.ROOT), e.value);
            }
            for (FieldDescriptor.EnumValue e : f.enumValues()) {
                byName.putIfAbsent(TextFolding.fold(e.en), e.value);
                if (e.vi != null) {
                    byName.putIfAbsent(TextFolding.fold(e.vi), e.value);
                }
            }
            return byName;
        });
        String code = names.get(v.toLowerCase(java.util.Locale.ROOT));
        if (code == null) {
            code = names.get(TextFolding.fold(v));
        }
        if (code == null) {
            throw new Unreadable("\"" + v + "\" is not one of " + f.enumValues().stream().filter(e -> !e.retired).map(e -> e.value).toList());
        }
        return code;
    }

    /** The id of the record of {@code collection} whose number or name this is, among those the importer may see. */
    private String reference(String collection, String v) throws Unreadable {
        String key = collection + "\n" + TextFolding.fold(v);
        String known = references.get(key);
        if (known != null) {
            return known;
        }
        JpaRecordService<?, ?> service = modules.of(collection);
        if (service == null) {
            throw new Unreadable("the " + collection + " module is not installed");
        }
        String folded = TextFolding.fold(v);
        String found = null;
        for (RecordRef r : service.search(v, 20)) {
            if (v.equalsIgnoreCase(r.number) || r.label != null && folded.equals(TextFolding.fold(r.label)) || v.equals(r.id)) {
                found = r.id;
                break;
            }
        }
        if (found == null) {
            throw new Unreadable("no " + collection + " record is numbered or named \"" + v + "\"");
        }
        references.put(key, found);
        return found;
    }

    /** A phone number as its digits, in the national form (+84 903… as 0903…), however it was written. */
    public static String phoneDigits(String text) {
        String digits = text.replaceAll("\\D", "");
        return digits.startsWith("84") && digits.length() > 9 ? "0" + digits.substring(2) : digits;
    }

    /** A value as duplicates are matched: without case, marks or spacing; a phone number as its digits (+84 as 0). */
    static String matchable(JsonNode value, boolean phone) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        if (phone) {
            return phoneDigits(text);
        }
        String folded = TextFolding.fold(text).replaceAll("\\s+", " ").strip();
        return folded.isEmpty() ? null : folded;
    }
}
