package org.tesseracrm.platform.rest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;

/**
 * Strict reading of request bodies: the body must be a JSON object, must not carry server-managed
 * fields, and must name only known fields (Jackson's errors become 400 with the field's path).
 */
public final class JsonInput {
    private JsonInput() {
    }

    /**
     * Reads {@code body} as a {@code type}, refusing any of the {@code serverManaged} fields. Custom
     * fields ({@code cf_…}) are left for the caller, who knows the module's.
     */
    public static <T> T read(JsonNode body, Class<T> type, Set<String> serverManaged) {
        ObjectNode object = requireObject(body);
        refuseServerManaged(object, serverManaged);
        try {
            return Json.mapper().treeToValue(withoutCustom(object), type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.toProblem(e);
        }
    }

    /** Applies a JSON merge patch (RFC 7386) to {@code current} and reads the result as a {@code type}. */
    public static <T> T patch(T current, JsonNode patch, Class<T> type, Set<String> serverManaged) {
        ObjectNode object = requireObject(patch);
        refuseServerManaged(object, serverManaged);
        ObjectNode target = Json.mapper().valueToTree(current);
        for (String name : serverManaged) {
            target.remove(name);
        }
        merge(target, object);
        try {
            return Json.mapper().treeToValue(withoutCustom(target), type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.toProblem(e);
        }
    }

    private static ObjectNode withoutCustom(ObjectNode object) {
        // a shallow copy: a deep one of a body nested ten thousand levels would overflow the stack
        ObjectNode copy = Json.mapper().createObjectNode();
        object.fields().forEachRemaining(member -> {
            if (!member.getKey().startsWith(org.tesseracrm.platform.api.RecordDto.CUSTOM_PREFIX)) {
                copy.set(member.getKey(), member.getValue());
            }
        });
        return copy;
    }

    public static ObjectNode requireObject(JsonNode body) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw new InvalidRequestException("A JSON object is required as the request body");
        }
        if (!body.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object");
        }
        return (ObjectNode) body;
    }

    private static void refuseServerManaged(ObjectNode object, Set<String> serverManaged) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (serverManaged.contains(name)) {
                errors.add(new FieldError(name, "is set by the server and cannot be sent"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The request sets server-managed fields", errors);
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.putNull(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode) {
                merge((ObjectNode) target.get(e.getKey()), (ObjectNode) value);
            } else {
                target.set(e.getKey(), value);
            }
        }
    }
}
