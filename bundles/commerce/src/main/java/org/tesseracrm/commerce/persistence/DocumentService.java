package org.tesseracrm.commerce.persistence;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.ModuleStorage;

/**
 * The record service of a sales document module: the platform's record machinery with the rules every
 * document obeys (pricing by the {@link DocumentEngine}, lines read a page at a time, the status's state
 * machine, lines and amounts locked outside the editable statuses) and the module's own
 * {@link DocumentRules}; a module adds its conversions with {@link #convertOnce}.
 */
@ConsumerType
public abstract class DocumentService<D extends SalesDocument, E extends DocumentEntity, L extends LineItemEntity,
        S extends Enum<S>> extends JpaRecordService<D, E> {
    private final DocumentEngine engine;

    /**
     * @param statuses the allowed status changes; its field names the status field of the DTO and entity
     * @param initial the status of a new document
     * @param editable the statuses in which lines and amounts may still change
     * @param deletable the statuses in which a document may go to the recycle bin: where nothing has
     *        happened because of it yet (editable) or it ended without effect (cancelled, rejected); in
     *        the others (approved, received, paid) it is kept, and cancelled rather than deleted
     * @param rules the module's own rules
     */
    protected DocumentService(ModuleStorage storage, Class<D> dtoType, Class<E> entityType, Class<L> lineType,
            DocumentEngine engine, StateMachine<S> statuses, S initial, Set<S> editable, Set<S> deletable,
            DocumentRules<D, E, S> rules) {
        super(storage, dtoType, entityType, new DocumentRecordRules<>(storage.module().name(), storage.context(), dtoType,
                entityType, lineType, engine, statuses, initial, editable, deletable, rules));
        this.engine = engine;
    }

    /**
     * A document becomes another module's document once: {@code made} lists none pointing to it
     * through {@code field} yet, unless the client asked for another one ({@code again}). Call it
     * after {@link #findLiveLocked}, so that parallel requests take turns and the second sees the
     * first one's document.
     */
    protected void convertOnce(org.tesseracrm.platform.api.RecordService<? extends org.tesseracrm.platform.api.RecordDto> made,
            String collection, String field, E source, boolean again) {
        if (again) {
            return;
        }
        org.tesseracrm.platform.api.Page<? extends org.tesseracrm.platform.api.RecordDto> existing = made.list(
                new org.tesseracrm.platform.api.ListQuery(null, java.util.Map.of(field, source.getId()), List.of(), 1, null, false));
        if (!existing.items.isEmpty()) {
            org.tesseracrm.platform.api.RecordDto first = existing.items.get(0);
            throw new ConflictException(module.name() + " " + source.getNumber() + " already became " + collection + " "
                    + first.number + "; ask with ?again=true for another one").with("existingId", first.id)
                    .with("existingNumber", first.number);
        }
    }

    /** {@code draft} priced as saving it would price it (lines, discounts, taxes, shipping), nothing saved. */
    public D priced(D draft) {
        engine.price(module.name(), draft);
        return draft;
    }

    /** The document, as read by the caller, as a PDF in {@code language}. */
    public byte[] pdf(D document, java.util.Locale language) {
        return engine.pdf(module, document, language);
    }

}
