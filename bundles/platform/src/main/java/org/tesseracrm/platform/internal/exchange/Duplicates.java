package org.tesseracrm.platform.internal.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.rest.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Likely duplicates among the records the caller may see, by the keys their module declares
 * ({@link ModuleDescriptor#duplicateKeys()}): groups of two or more records whose key fields are all
 * filled and equal once folded (no case, marks or spacing; phone numbers by their digits).
 */
@Component(service = Duplicates.class)
public class Duplicates {
    /** Records read at most: a larger module is searched in its first (newest) ones, and says so. */
    static final int MOST_SCANNED = 200_000;

    /** Records that look like one: the fields they share and the value they share. */
    public static final class Group {
        public List<String> fields;
        public String value;
        public List<RecordRef> records = new ArrayList<>();
    }

    /** The groups found, how many records were read and whether that was all of them. */
    public static final class Found {
        public List<List<String>> keys;
        public List<Group> items = new ArrayList<>();
        public int scanned;
        public boolean complete = true;
    }

    /** A record that looks like a new one: the fields by which it does. */
    public static final class Candidate {
        public final String collection;
        public final String id;
        public final String number;
        public final String label;
        public final List<String> fields;

        Candidate(RecordRef ref, List<String> fields) {
            this.collection = ref.collection;
            this.id = ref.id;
            this.number = ref.number;
            this.label = ref.label;
            this.fields = fields;
        }
    }

    /**
     * Live records the caller may see that look like {@code record} (a record about to be created)
     * by one of the module's duplicate keys, at most {@code limit}: each key is looked up by its
     * value in the module's table of keys (or, while that is being filled, through the module's
     * search on its text fields), then compared folded.
     */
    public List<Candidate> like(ModuleDescriptor module, JpaRecordService<?, ?> service, RecordDto record, int limit) {
        Map<String, FieldDescriptor> fields = new HashMap<>();
        module.fields().forEach(f -> fields.put(f.name, f));
        JsonNode json = Json.mapper().valueToTree(record);
        Map<String, Candidate> found = new LinkedHashMap<>();
        for (List<String> rule : module.duplicateKeys()) {
            String key = key(rule, json, fields);
            if (key == null || !service.isComparedBy(record, rule)) {
                continue;
            }
            Optional<List<String>> ids = service.idsByDuplicateKey(rule, key);
            List<? extends RecordDto> records = ids.isPresent() ? visible(service, ids.get()) : searched(service, rule, json, fields);
            for (RecordDto r : records) {
                if (found.size() < limit && !found.containsKey(r.id) && key.equals(key(rule, Json.mapper().valueToTree(r), fields))) {
                    service.find(r.id).ifPresent(ref -> found.put(r.id, new Candidate(ref, rule)));
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The live records of these ids the caller may see. */
    private static List<RecordDto> visible(JpaRecordService<?, ?> service, List<String> ids) {
        List<RecordDto> records = new ArrayList<>();
        for (String id : ids) {
            try {
                records.add(service.get(id));
            } catch (org.tesseracrm.platform.api.RecordNotFoundException notVisible) {
                // in the recycle bin, or not the caller's to see
            }
        }
        return records;
    }

    /** Records found by the rule's searchable values, for the fields' exact comparison. */
    private static List<? extends RecordDto> searched(JpaRecordService<?, ?> service, List<String> rule, JsonNode json,
            Map<String, FieldDescriptor> fields) {
        List<String> words = new ArrayList<>();
        for (String f : rule) {
            FieldDescriptor d = fields.get(f);
            if (d != null && d.searchable) {
                words.add(d.type == FieldType.PHONE ? Values.phoneDigits(json.path(f).asText()) : json.path(f).asText());
            }
        }
        if (words.isEmpty()) {
            return List.of(); // nothing to look it up by quickly: the duplicate finder still groups such records
        }
        Page<? extends RecordDto> page = service.list(new ListQuery(String.join(" ", words), Map.of(), List.of(), 50, null, false));
        return page.items;
    }

    public Found find(ModuleDescriptor module, JpaRecordService<?, ?> service, int limit) {
        Found found = new Found();
        found.keys = module.duplicateKeys();
        if (found.keys.isEmpty()) {
            return found;
        }
        Map<String, FieldDescriptor> fields = new HashMap<>();
        module.fields().forEach(f -> fields.put(f.name, f));
        // key → the ids that have it, in list order; one map for every rule (the rule's index prefixes the key)
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        Map<String, String> shown = new HashMap<>();
        String cursor = null;
        do {
            Page<? extends RecordDto> page = service.list(new ListQuery(null, Map.of(), List.of(), ListQuery.MAX_LIMIT, cursor, false));
            for (RecordDto r : page.items) {
                JsonNode json = Json.mapper().valueToTree(r);
                for (int i = 0; i < found.keys.size(); i++) {
                    String key = key(found.keys.get(i), json, fields);
                    if (key != null) {
                        byKey.computeIfAbsent(i + "\u0002" + key, k -> new ArrayList<>(2)).add(r.id);
                        shown.putIfAbsent(i + "\u0002" + key, shown(found.keys.get(i), json));
                    }
                }
                found.scanned++;
            }
            cursor = page.nextCursor;
            if (found.scanned >= MOST_SCANNED && cursor != null) {
                found.complete = false;
                cursor = null;
            }
        } while (cursor != null);
        for (Map.Entry<String, List<String>> e : byKey.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            Group g = new Group();
            g.fields = found.keys.get(Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('\u0002'))));
            g.value = shown.get(e.getKey());
            for (String id : e.getValue()) {
                Optional<RecordRef> ref = service.find(id);
                ref.ifPresent(g.records::add);
            }
            if (g.records.size() > 1) {
                found.items.add(g);
            }
            if (found.items.size() == limit) {
                break;
            }
        }
        return found;
    }

    private static String key(List<String> rule, JsonNode json, Map<String, FieldDescriptor> fields) {
        return keyOf(rule, json::get, fields);
    }

    /**
     * The record's value of one duplicate key: its fields' values folded (no case, marks or spacing;
     * a phone number by its digits), in the rule's order; null when one of them is empty.
     */
    public static String keyOf(List<String> rule, java.util.function.Function<String, JsonNode> value,
            Map<String, FieldDescriptor> fields) {
        StringBuilder key = new StringBuilder();
        for (String f : rule) {
            FieldDescriptor d = fields.get(f);
            String v = Values.matchable(value.apply(f), d != null && d.type == FieldType.PHONE);
            if (v == null || v.isEmpty()) {
                return null;
            }
            key.append(v).append('\u0001');
        }
        return key.toString();
    }

    private static String shown(List<String> rule, JsonNode json) {
        List<String> values = new ArrayList<>();
        rule.forEach(f -> values.add(json.path(f).asText()));
        return String.join(" · ", values);
    }
}
