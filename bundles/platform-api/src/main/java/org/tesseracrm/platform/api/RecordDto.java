package org.tesseracrm.platform.api;

import org.osgi.annotation.versioning.ConsumerType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fields every CRM record carries. All of them are managed by the server: a client that sends one
 * of them gets 400. Module DTOs extend this class and add their own public fields.
 */
@ConsumerType
public abstract class RecordDto {

    /** Names of the fields above, which clients may read but never write. */
    public static final Set<String> SERVER_MANAGED = Set.of(
            "id", "number", "version", "createdAt", "createdBy", "updatedAt", "updatedBy",
            "deletedAt", "deletedBy");

    public String id;
    public String number;
    public Long version;
    public Instant createdAt;
    public String createdBy;
    public Instant updatedAt;
    public String updatedBy;
    /** Set while the record is in the recycle bin. */
    public Instant deletedAt;
    public String deletedBy;
    /** Short words users attach to find the record again (any module); written like any field. */
    public List<String> tags;

    /** How the names of an administrator's custom fields begin, so no built-in field ever takes one. */
    public static final String CUSTOM_PREFIX = "cf_";

    /**
     * The record's custom fields by name ({@code cf_…}): text, numbers ({@code BigDecimal},
     * {@code Long}), {@code Boolean}, {@code LocalDate}, {@code Instant}, or a list of picklist codes.
     * In JSON they are fields of the record like the others.
     */
    public final Map<String, Object> custom = new LinkedHashMap<>();

    /** The custom fields, for the JSON writer (see {@link #custom}). */
    public Map<String, Object> custom() {
        return custom;
    }
}
