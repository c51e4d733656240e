package org.tesseracrm.platform.persistence;

import org.osgi.annotation.versioning.ConsumerType;
import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Id;
import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/**
 * Columns every record table has. Field names equal the DTO's wire names, so the generic mapper
 * copies them by name; {@code searchText} holds the folded text that {@code ?q=} searches.
 */
@MappedSuperclass
@ConsumerType
public abstract class RecordEntity {
    @Id
    @Column(length = 36)
    protected String id;
    @Column(length = 20, nullable = false, updatable = false)
    protected String number;
    @Version
    protected long version;
    @Convert(converter = InstantConverter.class)
    @Column(nullable = false, updatable = false)
    protected Instant createdAt;
    @Column(length = 100, updatable = false)
    protected String createdBy;
    @Convert(converter = InstantConverter.class)
    @Column(nullable = false)
    protected Instant updatedAt;
    @Column(length = 100)
    protected String updatedBy;
    @Convert(converter = InstantConverter.class)
    protected Instant deletedAt;
    @Column(length = 100)
    protected String deletedBy;
    @Column(length = 2000)
    protected String searchText;

    public String getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public long getVersion() {
        return version;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
