package org.tesseracrm.platform.api;

import java.util.List;

/** One page of a list: the items and the opaque cursor of the next page (null on the last). */
public final class Page<T> {
    public final List<T> items;
    public final String nextCursor;

    public Page(List<T> items, String nextCursor) {
        this.items = List.copyOf(items);
        this.nextCursor = nextCursor;
    }
}
