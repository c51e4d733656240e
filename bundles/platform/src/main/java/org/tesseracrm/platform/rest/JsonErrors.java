package org.tesseracrm.platform.rest;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;

/** Jackson's reading errors as 400 problems naming the offending field, without internals. */
public final class JsonErrors {
    private JsonErrors() {
    }

    public static InvalidRequestException toProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new InvalidRequestException("The request body is not valid JSON: "
                    + withoutSource(e.getOriginalMessage()) + location(e));
        }
        if (e instanceof JsonMappingException) {
            JsonMappingException m = (JsonMappingException) e;
            String field = path(m);
            String message;
            if (m instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (m instanceof InvalidFormatException && ((InvalidFormatException) m).getTargetType() != null
                    && ((InvalidFormatException) m).getTargetType().isEnum()) {
                Object[] constants = ((InvalidFormatException) m).getTargetType().getEnumConstants();
                message = "must be one of " + java.util.Arrays.stream(constants).map(String::valueOf)
                        .collect(Collectors.joining(", "));
            } else if (m instanceof MismatchedInputException && ((MismatchedInputException) m).getTargetType() != null) {
                message = "must be a " + describe(((MismatchedInputException) m).getTargetType());
            } else {
                message = "has an invalid value";
            }
            if (field.isEmpty()) {
                return new InvalidRequestException("The request body does not have the expected shape");
            }
            return new InvalidRequestException(field + " " + message, List.of(new FieldError(field, message)));
        }
        return new InvalidRequestException("The request body could not be read");
    }

    /** Jackson names its input source (a class of the server) in some messages: the client needs only the position. */
    private static String withoutSource(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                .replaceAll("\\[Source:[^\\]]*\\]", "");
    }

    private static String path(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.getName().startsWith("java.time.")) {
            return type == java.time.LocalDate.class ? "date (YYYY-MM-DD)" : "date-time (ISO-8601)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
