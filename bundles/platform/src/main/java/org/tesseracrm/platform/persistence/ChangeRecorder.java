package org.tesseracrm.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.tesseracrm.platform.api.HistoryEntry.FieldChange;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.rest.Json;

/**
 * Writes each change of a module's records to the audit trail in the change's own transaction: who,
 * through what, and each field's old and new value, against the record as the transaction first
 * read it (so an action's several steps make one line).
 */
final class ChangeRecorder<D extends org.tesseracrm.platform.api.RecordDto> {
    private final java.util.function.Supplier<Collection<org.tesseracrm.platform.api.spi.FieldDescriptor>> fields;
    private final DtoFields<D> values;
    private final String collection;
    private final RecordContext context;
    private final Transactions<D> transactions;

    ChangeRecorder(java.util.function.Supplier<Collection<org.tesseracrm.platform.api.spi.FieldDescriptor>> fields, DtoFields<D> values,
            String collection, RecordContext context, Transactions<D> transactions) {
        this.fields = fields;
        this.values = values;
        this.collection = collection;
        this.context = context;
        this.transactions = transactions;
    }

    /** A create, update, delete or restore: field changes for the first two, the action alone for the others. */
    void committed(EntityManager em, String action, RecordEntity entity, D before, D after, String user) {
        boolean changesFields = RecordEvents.CREATED.equals(action) || RecordEvents.UPDATED.equals(action);
        List<FieldChange> changes = changesFields ? changes(before, after) : List.of();
        AuditRows.write(em, action, collection, entity.id, entity.number, user, context.via(), changes);
        context.announce(em, collection, action, entity.id, entity.number, user, after, changes);
        remembered(entity.id, after);
    }

    /** New records, as {@link #committed} each with CREATED, their history lines written as one batch. */
    void createdAll(EntityManager em, List<? extends RecordEntity> entities, List<D> after, String user) {
        List<AuditRows.Line> lines = new ArrayList<>(entities.size());
        for (int i = 0; i < entities.size(); i++) {
            RecordEntity entity = entities.get(i);
            List<FieldChange> changes = changes(null, after.get(i));
            lines.add(new AuditRows.Line(RecordEvents.CREATED, entity.id, entity.number, changes));
            context.announce(em, collection, RecordEvents.CREATED, entity.id, entity.number, user, after.get(i), changes);
            remembered(entity.id, after.get(i));
        }
        AuditRows.writeAll(em, collection, user, context.via(), lines);
    }

    /** An action of the module (ASSIGNED, CONVERTED, …): what it changed since the transaction first read the record. */
    void action(RecordEntity entity, D now, String user, String action) {
        Transactions.Unit<D> unit = transactions.current();
        if (unit != null) {
            List<FieldChange> changes = changes(unit.before.get(entity.id), now);
            AuditRows.write(unit.em, action, collection, entity.id, entity.number, user, context.via(), changes);
            context.announce(unit.em, collection, action, entity.id, entity.number, user, now, changes);
            remembered(entity.id, now); // a second action in the same transaction records only what follows
        }
    }

    /** A change of one of the record's child collections: the collection's old and new value, as one line. */
    void child(EntityManager em, String action, RecordEntity entity, String child, Object before, Object after, String user,
            D record) {
        ObjectMapper json = Json.mapper();
        List<FieldChange> changes = List.of(new FieldChange(child, before == null ? null : json.valueToTree(before),
                after == null ? null : json.valueToTree(after)));
        AuditRows.write(em, action, collection, entity.id, entity.number, user, context.via(), changes);
        context.announce(em, collection, action, entity.id, entity.number, user, record, changes);
    }

    /** Keeps the record as the transaction first read it. */
    void remember(String id, java.util.function.Supplier<D> record) {
        Transactions.Unit<D> unit = transactions.current();
        if (unit != null && !unit.before.containsKey(id)) {
            unit.before.put(id, record.get());
        }
    }

    private void remembered(String id, D record) {
        Transactions.Unit<D> unit = transactions.current();
        if (unit != null) {
            unit.before.put(id, record);
        }
    }

    /** Each field whose value differs, old → new; every set field for a new record. */
    List<FieldChange> changes(D before, D after) {
        List<FieldChange> changes = new ArrayList<>();
        if (after == null) {
            return changes;
        }
        ObjectMapper json = Json.mapper();
        for (org.tesseracrm.platform.api.spi.FieldDescriptor fd : fields.get()) {
            JsonNode a = json.valueToTree(values.get(before, fd.name));
            JsonNode b = json.valueToTree(values.get(after, fd.name));
            boolean same = a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
            if (!same && !(before == null && b.isNull())) {
                changes.add(new FieldChange(fd.name, a.isNull() ? null : a, b.isNull() ? null : b));
            }
        }
        // Tags are known only where the record was read with them (not in an action's own snapshot).
        List<String> tagsBefore = before == null ? List.of() : before.tags;
        if (after.tags != null && tagsBefore != null && !after.tags.equals(tagsBefore)) {
            changes.add(new FieldChange(RecordTags.FIELD, before == null ? null : json.valueToTree(tagsBefore), json.valueToTree(after.tags)));
        }
        return changes;
    }
}
