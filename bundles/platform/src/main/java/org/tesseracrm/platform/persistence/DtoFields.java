package org.tesseracrm.platform.persistence;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/** A record DTO's public fields by name, looked up once. */
final class DtoFields<D> {
    private final Map<String, Field> fields = new HashMap<>();

    DtoFields(Class<D> dtoType) {
        for (Field f : dtoType.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                fields.put(f.getName(), f);
            }
        }
    }

    boolean has(String name) {
        return fields.containsKey(name);
    }

    /** The field's value, or null when the record is null or has no such field; a custom field's from its map. */
    Object get(D record, String name) {
        if (record instanceof org.tesseracrm.platform.api.RecordDto && name.startsWith(org.tesseracrm.platform.api.RecordDto.CUSTOM_PREFIX)) {
            return ((org.tesseracrm.platform.api.RecordDto) record).custom.get(name);
        }
        Field f = fields.get(name);
        if (record == null || f == null) {
            return null;
        }
        try {
            return f.get(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
