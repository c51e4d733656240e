package org.tesseracrm.platform.api;

import org.osgi.annotation.versioning.ConsumerType;
import java.time.Instant;
import java.util.List;
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
}
