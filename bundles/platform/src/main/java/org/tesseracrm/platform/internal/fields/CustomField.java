package org.tesseracrm.platform.internal.fields;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A field an administrator added to a module, as {@code /api/v1/modules/{collection}/fields} shows
 * and takes it. Its {@code name} always starts with {@code cf_}, so no field a later release adds to
 * the module can ever take it.
 */
public final class CustomField {
    public String name;
    /** STRING, TEXT, INTEGER, DECIMAL, MONEY, DATE, DATETIME, BOOLEAN, EMAIL, PHONE, URL, ENUM, MULTI_ENUM, REFERENCE, USER. */
    public String type;
    /** {@code en} and {@code vi}. */
    public Map<String, String> label;
    public Boolean required;
    /** The value a new record takes when it gives none. */
    public Object defaultValue;
    /** Its text joins the list's {@code q} search. */
    public Boolean searchable;
    public Boolean filterable;
    public Boolean sortable;
    /** No two records hold the same value. */
    public Boolean unique;
    /** A picklist's values, in their order. */
    public List<Value> values;
    /** The collection a REFERENCE points to. */
    public String references;
    /** Hidden from records, forms and lists; its data is kept and shows again when it comes back. */
    public Boolean retired;
    public Integer position;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;

    /** One value of a picklist: its code, labels, and whether it is still offered. */
    public static final class Value {
        public String value;
        public Map<String, String> label;
        public Boolean retired;
    }
}
