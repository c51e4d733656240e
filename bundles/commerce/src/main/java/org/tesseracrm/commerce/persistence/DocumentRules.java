package org.tesseracrm.commerce.persistence;

import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.platform.api.FieldError;

/**
 * A document module's own rules, on top of what every sales document obeys ({@link DocumentService}:
 * pricing, lines, the state machine, what may change in which status). Both default to nothing.
 *
 * @param <D> the document DTO
 * @param <E> the document entity
 * @param <S> the document's status
 */
@ConsumerType
public interface DocumentRules<D extends SalesDocument, E extends DocumentEntity, S extends Enum<S>> {

    /** Checks (or completes, e.g. a default date) a document about to be created ({@code existing == null}) or changed. */
    default void check(D document, E existing, List<FieldError> errors) {
    }

    /**
     * In the transaction of an allowed status change, after the document was priced and stored: a
     * module moves stock here. Whatever it throws undoes the whole change.
     */
    default void onStatusChange(EntityManager em, E entity, D document, S from, S to, String user) {
    }
}
