package org.tesseracrm.platform.persistence;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.platform.api.Address;

/**
 * Copies a record between its DTO and its entity by field name, so a module declares its fields
 * once in each and writes no mapping code. Fields that exist only in the DTO (computed values) are
 * left to the module. Mismatched types are a programming error found when the module starts.
 */
final class RecordMapper<D, E> {
    private final List<Pair> pairs = new ArrayList<>();

    RecordMapper(Class<D> dtoType, Class<E> entityType, Set<String> writable) {
        Map<String, Field> entityFields = fieldsOf(entityType);
        for (Field dtoField : dtoType.getFields()) {
            if (Modifier.isStatic(dtoField.getModifiers())) {
                continue;
            }
            Field entityField = entityFields.get(dtoField.getName());
            if (entityField == null) {
                continue;
            }
            boolean address = dtoField.getType() == Address.class;
            if (address ? entityField.getType() != EmbeddedAddress.class : !boxed(entityField.getType()).equals(boxed(dtoField.getType()))) {
                throw new IllegalStateException(entityType.getName() + "." + entityField.getName()
                        + " is a " + entityField.getType().getName() + " but the DTO field is a "
                        + dtoField.getType().getName());
            }
            entityField.setAccessible(true);
            pairs.add(new Pair(dtoField, entityField, address, writable.contains(dtoField.getName())));
        }
    }

    void toDto(E entity, D dto) {
        try {
            for (Pair p : pairs) {
                Object value = p.entity.get(entity);
                p.dto.set(dto, p.address ? toAddress((EmbeddedAddress) value) : value);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the client-writable fields only. */
    void toEntity(D dto, E entity) {
        try {
            for (Pair p : pairs) {
                if (p.writable) {
                    Object value = p.dto.get(dto);
                    if (value == null && p.entity.getType().isPrimitive()) {
                        continue;
                    }
                    p.entity.set(entity, p.address ? toEmbedded((Address) value) : value);
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Address toAddress(EmbeddedAddress e) {
        if (e == null || (e.street == null && e.city == null && e.state == null && e.postalCode == null
                && e.country == null)) {
            return null;
        }
        Address a = new Address();
        a.street = e.street;
        a.city = e.city;
        a.state = e.state;
        a.postalCode = e.postalCode;
        a.country = e.country;
        return a;
    }

    private static EmbeddedAddress toEmbedded(Address a) {
        EmbeddedAddress e = new EmbeddedAddress();
        if (a != null) {
            e.street = a.street;
            e.city = a.city;
            e.state = a.state;
            e.postalCode = a.postalCode;
            e.country = a.country;
        }
        return e;
    }

    /** Sets one attribute of an entity, outside what a DTO carries (a merge repointing a reference). */
    static void set(Field attribute, Object entity, Object value) {
        try {
            attribute.setAccessible(true);
            attribute.set(entity, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Field> fieldsOf(Class<?> type) {
        Map<String, Field> fields = new HashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    fields.putIfAbsent(f.getName(), f);
                }
            }
        }
        return fields;
    }

    static Class<?> boxed(Class<?> type) {
        if (type == long.class) {
            return Long.class;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        return type;
    }

    private static final class Pair {
        final Field dto;
        final Field entity;
        final boolean address;
        final boolean writable;

        Pair(Field dto, Field entity, boolean address, boolean writable) {
            this.dto = dto;
            this.entity = entity;
            this.address = address;
            this.writable = writable;
        }
    }
}
