package org.tesseracrm.platform.internal.rest;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Schemas (OpenAPI 3.0 dialect) of the Java types the API reads and writes, as the API's own
 * Jackson mapper sees them: its property names and inclusion, generics resolved. Classes become
 * named component schemas, referenced where they are used; {@code special} may describe a class
 * itself (a module's record, from its descriptor).
 */
final class TypeSchemas {
    private final ObjectMapper mapper;
    private final ObjectNode components;
    private final Map<JavaType, String> names = new HashMap<>();
    private final BiFunction<JavaType, TypeSchemas, ObjectNode> special;

    TypeSchemas(ObjectMapper mapper, ObjectNode components, BiFunction<JavaType, TypeSchemas, ObjectNode> special) {
        this.mapper = mapper;
        this.components = components;
        this.special = special;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    JavaType type(Type type) {
        return mapper.getTypeFactory().constructType(type);
    }

    /** The schema of {@code type}: inline for simple values and containers, a reference for a class. */
    ObjectNode of(JavaType type) {
        ObjectNode schema = mapper.createObjectNode();
        Class<?> raw = type.getRawClass();
        if (type.isContainerType() && !type.isMapLikeType() || raw.isArray() && raw != byte[].class) {
            schema.put("type", "array");
            schema.set("items", of(type.getContentType()));
            if (java.util.Set.class.isAssignableFrom(raw)) {
                schema.put("uniqueItems", true);
            }
        } else if (type.isMapLikeType()) {
            schema.put("type", "object");
            JavaType values = type.getContentType();
            schema.set("additionalProperties", values == null || values.getRawClass() == Object.class
                    ? mapper.createObjectNode() : of(values));
        } else if (type.isReferenceType()) { // Optional<T>
            return of(type.getReferencedType());
        } else if (raw == String.class || raw == char.class || raw == Character.class) {
            schema.put("type", "string");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            schema.put("type", "integer").put("format", "int32");
        } else if (raw == long.class || raw == Long.class || raw == BigInteger.class) {
            schema.put("type", "integer").put("format", "int64");
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class || raw == Number.class) {
            schema.put("type", "number");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || java.util.Date.class.isAssignableFrom(raw) || raw == LocalDateTime.class) {
            schema.put("type", "string").put("format", "date-time");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string").put("format", "date");
        } else if (raw == LocalTime.class) {
            schema.put("type", "string").put("format", "time");
        } else if (raw == UUID.class) {
            schema.put("type", "string").put("format", "uuid");
        } else if (raw == byte[].class) {
            schema.put("type", "string").put("format", "byte");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(mapper.convertValue(constant, String.class));
            }
        } else if (raw == Object.class || JsonNode.class.isAssignableFrom(raw) || raw == javax.ws.rs.core.Response.class
                || raw.isInterface() || raw.getName().startsWith("java.") || raw.getName().startsWith("javax.")) {
            return schema; // any JSON value
        } else {
            return reference(type);
        }
        return schema;
    }

    /** A {@code $ref} to the class's component schema, described the first time it is met. */
    ObjectNode reference(JavaType type) {
        String name = names.get(type);
        if (name == null) {
            name = uniqueName(type);
            names.put(type, name);
            components.putObject(name); // taken before describing: a class may refer to itself
            ObjectNode described = special.apply(type, this);
            components.set(name, described != null ? described : bean(type));
        }
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    /** The class's properties as the mapper writes them. */
    ObjectNode bean(JavaType type) {
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (BeanPropertyDefinition p : mapper.getSerializationConfig().introspect(type).findProperties()) {
            if (p.couldSerialize() && p.getPrimaryType() != null) {
                properties.set(p.getName(), of(p.getPrimaryType()));
            }
        }
        return schema;
    }

    private String uniqueName(JavaType type) {
        StringBuilder name = new StringBuilder(type.getRawClass().getSimpleName());
        for (int i = 0; i < type.getBindings().size(); i++) {
            name.append(i == 0 ? "Of" : "And").append(type.getBindings().getBoundType(i).getRawClass().getSimpleName());
        }
        String unique = name.toString();
        for (int n = 2; components.has(unique); n++) {
            unique = name.toString() + n;
        }
        return unique;
    }
}
