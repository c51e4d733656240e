package org.tesseracrm.platform.api;

import java.util.List;

/** A complete (unpaged) list answer: {@code {"items": [...]}}. */
public final class Items<T> {
    public final List<T> items;

    public Items(List<T> items) {
        this.items = List.copyOf(items);
    }
}
