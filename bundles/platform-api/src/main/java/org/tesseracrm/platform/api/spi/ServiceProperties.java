package org.tesseracrm.platform.api.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reading whiteboard service properties that name modules (a string, a comma list, an array or a collection). */
public final class ServiceProperties {
    private ServiceProperties() {
    }

    /** Whether a service with these properties applies to {@code module}: the property names it, or is absent. */
    public static boolean appliesTo(Map<String, ?> properties, String key, String module) {
        Object value = properties.get(key);
        return value == null || names(value).contains(module);
    }

    static List<String> names(Object property) {
        List<String> names = new ArrayList<>();
        if (property instanceof String[]) {
            names.addAll(List.of((String[]) property));
        } else if (property instanceof Collection) {
            ((Collection<?>) property).forEach(n -> names.add(String.valueOf(n)));
        } else {
            for (String n : String.valueOf(property).split(",")) {
                names.add(n.trim());
            }
        }
        return names;
    }
}
