package org.tesseracrm.platform.persistence;

import java.util.List;

import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.References;

/**
 * References between records stay true: a reference names a live record the caller may see (when
 * the module that owns it is installed), and a record others still point to is not deleted.
 */
final class ReferenceGuard {
    /** How many referring records a 409 names at most. */
    static final int REFERENCES_NAMED = 10;

    private final RecordContext context;
    private final String collection;
    private final String numberPrefix;

    ReferenceGuard(RecordContext context, String collection, String numberPrefix) {
        this.context = context;
        this.collection = collection;
        this.numberPrefix = numberPrefix;
    }

    /** Checks that {@code id} in reference field {@code fd} of record {@code selfId} (null when new) names a live record. */
    void check(FieldDescriptor fd, String id, String selfId, List<FieldError> errors) {
        References references = context.references();
        if (!references.isInstalled(fd.references)) {
            return; // nothing to check against: the reference is kept as given
        }
        if (selfId != null && fd.references.equals(collection) && id.equals(selfId)) {
            errors.add(new FieldError(fd.name, "cannot point to the record itself"));
        } else if (references.find(fd.references, id).isEmpty()) {
            errors.add(new FieldError(fd.name, "no live " + fd.references + " record has id " + id));
        }
    }

    /** 409 naming the records that still point to this one. */
    void requireUnreferenced(RecordEntity entity) {
        List<RecordRef> referrers = context.references().pointingTo(collection, entity.id, REFERENCES_NAMED);
        if (!referrers.isEmpty()) {
            throw new ConflictException(numberPrefix + " record " + entity.number
                    + " cannot be deleted: " + referrers + " still point to it").with("referencedBy", referrers);
        }
    }
}
