package org.tesseracrm.platform.internal.views;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A saved list view, as {@code /api/v1/views} shows and takes it: a module's list with its filters
 * (as in the list's query string), search, sort and visible columns in their order; private to its
 * owner or shared with everyone.
 */
public final class SavedView {
    public String id;
    public String collection;
    public String name;
    public String owner;
    public Boolean shared;
    public String q;
    public Map<String, String> filters;
    /** As the list's {@code sort}: {@code field} or {@code -field}, several separated by commas. */
    public String sort;
    public List<String> columns;
    /** Whether it is the caller's default view of its module. */
    public Boolean isDefault;
    /** Whether the caller owns it (and so may change it). */
    public Boolean mine;
    public Long version;
    public Instant createdAt;
    public Instant updatedAt;
}
