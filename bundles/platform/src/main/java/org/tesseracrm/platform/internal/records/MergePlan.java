package org.tesseracrm.platform.internal.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.rest.Json;

/**
 * What a merge request asks: {@code records}, the ids merged into the survivor (the record of the
 * path), and {@code fields}, per field the id of the record whose value wins. A field not named keeps
 * the survivor's value, or takes the first merged record's where the survivor has none; tags are
 * the union of all.
 */
public final class MergePlan {
    public final List<String> merged;
    private final Map<String, String> winners;

    private MergePlan(List<String> merged, Map<String, String> winners) {
        this.merged = merged;
        this.winners = winners;
    }

    /** The plan of a request body, or a 400 / 422 that says what is wrong with it. */
    public static MergePlan of(String survivorId, JsonNode body, Set<String> mergeableFields) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("The body must be a JSON object with \"records\" to merge into this one",
                    List.of(new FieldError("records", "is required")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("records") && !name.equals("fields")) {
                throw new InvalidRequestException(name + " is not part of a merge", List.of(new FieldError(name, "is not a known member")));
            }
        }
        JsonNode records = body.get("records");
        if (records == null || !records.isArray() || records.isEmpty()) {
            throw new InvalidRequestException("records must list the ids of the records merged into this one",
                    List.of(new FieldError("records", "must be a non-empty array of ids")));
        }
        if (records.size() > RecordMerges.MOST_MERGED) {
            throw new InvalidRequestException("At most " + RecordMerges.MOST_MERGED + " records merge at once",
                    List.of(new FieldError("records", "must hold at most " + RecordMerges.MOST_MERGED + " ids")));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode r : records) {
            if (!r.isTextual() || r.asText().isBlank()) {
                throw new InvalidRequestException("records must be ids", List.of(new FieldError("records", "must hold ids (strings)")));
            }
            if (r.asText().equals(survivorId)) {
                throw new RuleViolationException("A record is not merged into itself",
                        List.of(new FieldError("records", "must not hold the record merged into")));
            }
            if (!ids.add(r.asText())) {
                throw new RuleViolationException("records names " + r.asText() + " twice",
                        List.of(new FieldError("records", "must not name a record twice")));
            }
        }
        Map<String, String> winners = new LinkedHashMap<>();
        JsonNode fields = body.get("fields");
        if (fields != null && !fields.isNull()) {
            if (!fields.isObject()) {
                throw new InvalidRequestException("fields must map field names to the id of the record whose value wins",
                        List.of(new FieldError("fields", "must be an object")));
            }
            List<FieldError> errors = new ArrayList<>();
            fields.fields().forEachRemaining(f -> {
                String from = f.getValue().isTextual() ? f.getValue().asText() : null;
                if (!mergeableFields.contains(f.getKey())) {
                    errors.add(new FieldError("fields." + f.getKey(), "is not a field whose value a merge chooses"));
                } else if (from == null || !(from.equals(survivorId) || ids.contains(from))) {
                    errors.add(new FieldError("fields." + f.getKey(), "must name the id of one of the records merged"));
                } else {
                    winners.put(f.getKey(), from);
                }
            });
            if (!errors.isEmpty()) {
                throw new RuleViolationException("The merge's field choices are not valid: " + errors, errors);
            }
        }
        return new MergePlan(List.copyOf(ids), winners);
    }

    /** The merge patch that gives the survivor the values that win; {@code others} in the order of {@link #merged}. */
    public ObjectNode patch(RecordDto survivor, List<? extends RecordDto> others, Collection<String> mergeableFields) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        JsonNode kept = Json.mapper().valueToTree(survivor);
        byId.put(survivor.id, kept);
        for (RecordDto other : others) {
            byId.put(other.id, Json.mapper().valueToTree(other));
        }
        ObjectNode patch = Json.mapper().createObjectNode();
        for (String field : mergeableFields) {
            String from = winners.get(field);
            JsonNode value;
            if (from != null) {
                value = byId.get(from).get(field);
            } else if (blank(kept.get(field))) {
                value = byId.values().stream().map(r -> r.get(field)).filter(v -> !blank(v)).findFirst().orElse(null);
            } else {
                continue;
            }
            if (value == null || value.isMissingNode()) {
                value = Json.mapper().nullNode();
            }
            if (!value.equals(kept.get(field) == null ? Json.mapper().nullNode() : kept.get(field))) {
                patch.set(field, value);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>(); // by the tag folded, as it was first written
        for (JsonNode r : byId.values()) {
            r.path("tags").forEach(t -> tags.putIfAbsent(fold(t.asText()), t.asText()));
        }
        if (tags.size() > kept.path("tags").size()) {
            ArrayNode all = patch.putArray("tags");
            tags.values().forEach(all::add);
        }
        return patch;
    }

    private static String fold(String tag) {
        return java.text.Normalizer.normalize(tag.trim(), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean blank(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isTextual()) {
            return v.asText().isBlank();
        }
        if (v.isContainerNode()) {
            for (JsonNode part : v) {
                if (!blank(part)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
