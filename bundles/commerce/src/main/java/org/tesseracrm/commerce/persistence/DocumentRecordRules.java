package org.tesseracrm.commerce.persistence;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.persistence.Entity;
import javax.persistence.EntityManager;

import org.osgi.service.event.Event;
import org.tesseracrm.commerce.api.DocumentEngine;
import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.commerce.api.SalesDocument;
import org.tesseracrm.commerce.api.Totals;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.Decimals;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.Money;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StateMachine;
import org.tesseracrm.platform.persistence.RecordContext;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.platform.persistence.RecordRules;

/**
 * What every sales document obeys, as record rules: every write is priced by the {@link DocumentEngine}
 * (totals are the server's), lines live in the module's line table and are read a page at a time,
 * the status follows its state machine, lines and amounts are locked once the document leaves its
 * editable statuses, and the module's own {@link DocumentRules} run in the same transaction.
 */
final class DocumentRecordRules<D extends SalesDocument, E extends DocumentEntity, L extends LineItemEntity, S extends Enum<S>>
        implements RecordRules<D, E> {
    private static final String PRODUCTS = "products";

    private final String module;
    private final RecordContext context;
    private final Class<L> lineType;
    private final String lineEntity;
    private final DocumentEngine engine;
    private final StateMachine<S> statuses;
    private final S initial;
    private final Set<S> editable;
    private final Set<S> deletable;
    private final DocumentRules<D, E, S> own;
    private final Field dtoStatus;
    private final Field entityStatus;

    DocumentRecordRules(String module, RecordContext context, Class<D> dtoType, Class<E> entityType, Class<L> lineType,
            DocumentEngine engine, StateMachine<S> statuses, S initial, Set<S> editable, Set<S> deletable,
            DocumentRules<D, E, S> own) {
        this.module = module;
        this.context = context;
        this.lineType = lineType;
        Entity annotation = lineType.getAnnotation(Entity.class);
        this.lineEntity = annotation != null && !annotation.name().isEmpty() ? annotation.name() : lineType.getSimpleName();
        this.engine = engine;
        this.statuses = statuses;
        this.initial = initial;
        this.editable = editable.isEmpty() ? Set.of() : EnumSet.copyOf(editable);
        this.deletable = deletable.isEmpty() ? Set.of() : EnumSet.copyOf(deletable);
        this.own = own;
        try {
            this.dtoStatus = dtoType.getField(statuses.field());
            this.entityStatus = entityType.getDeclaredField(statuses.field());
            this.entityStatus.setAccessible(true);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Documents of " + module + " have no field " + statuses.field(), e);
        }
    }

    @Override
    public void beforeDelete(EntityManager em, E entity, String user) {
        S status = statusOf(entity);
        if (status != null && !deletable.contains(status)) {
            throw new ConflictException("A " + module + " document that is " + status
                    + " cannot be deleted" + (statuses.targets(status).isEmpty() ? "" : "; cancel it instead"))
                    .with("status", status.name());
        }
    }

    @Override
    public void validate(D record, E existing, List<FieldError> errors) {
        if (existing == null) {
            S status = statusOf(record);
            if (status != null && status != initial) {
                errors.add(new FieldError(statuses.field(), "a new document starts as " + initial));
            }
        }
        own.check(record, existing, errors);
        try {
            engine.price(module, record);
        } catch (RuleViolationException e) {
            errors.addAll(e.errors());
        }
    }

    @Override
    public void beforeCreate(EntityManager em, E entity, D record, String user) {
        setStatus(entity, initial);
        storeTotals(entity, record);
        insertLines(em, entity.getId(), record.lineItems);
    }

    @Override
    public void beforeUpdate(EntityManager em, E entity, D before, D record, String user) {
        S from = statusOf(before);
        S to = statusOf(entity);
        if (to == null) {
            to = from;
            setStatus(entity, from);
        }
        statuses.check(from, to);
        boolean repriced = !samePricing(before, record);
        if (repriced && !editable.contains(from)) {
            throw new RuleViolationException("lineItems", "the lines and amounts of a document that is " + from
                    + " cannot change (they can while it is " + editable + ")");
        }
        storeTotals(entity, record);
        if (repriced) {
            em.createQuery("DELETE FROM " + lineEntity + " l WHERE l.documentId = :id")
                    .setParameter("id", entity.getId()).executeUpdate();
            insertLines(em, entity.getId(), record.lineItems);
        }
        if (from != to) {
            own.onStatusChange(em, entity, record, from, to, user);
            String field = statuses.field();
            context.post(new Event(RecordEvents.topic(module, field.toUpperCase(Locale.ROOT) + "_CHANGED"),
                    Map.of(RecordEvents.PROPERTY_ID, entity.getId(), field, to.name(),
                            "previous" + Character.toUpperCase(field.charAt(0)) + field.substring(1), from.name())));
        }
    }

    @Override
    public String label(E document) {
        return document.subject;
    }

    @Override
    public void complete(E entity, D dto) {
        String currency = entity.currency;
        dto.discountAmount = Money.round(entity.discountAmount, currency);
        dto.shippingAmount = Money.round(entity.shippingAmount, currency);
        dto.adjustment = Money.round(entity.adjustment, currency);
        dto.discountPercent = Decimals.plain(entity.discountPercent);
        dto.shippingTaxRate = Decimals.plain(entity.shippingTaxRate);
        Totals totals = new Totals();
        totals.subtotal = Money.round(entity.subtotal, currency);
        totals.discount = Money.round(entity.discountTotal, currency);
        totals.tax = Money.round(entity.taxTotal, currency);
        totals.shipping = Money.round(entity.shippingAmount == null ? BigDecimal.ZERO : entity.shippingAmount, currency);
        totals.adjustment = Money.round(entity.adjustment == null ? BigDecimal.ZERO : entity.adjustment, currency);
        totals.grandTotal = Money.round(entity.grandTotal, currency);
        dto.totals = totals;
    }

    /** The lines of a whole page of documents in one query. */
    @Override
    public void completePage(EntityManager em, List<E> entities, List<D> dtos) {
        Map<String, D> byId = new HashMap<>();
        Map<String, String> currencies = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            E e = entities.get(i);
            byId.put(e.getId(), dtos.get(i));
            currencies.put(e.getId(), e.currency);
            dtos.get(i).lineItems = new ArrayList<>();
        }
        List<L> lines = em.createQuery("SELECT l FROM " + lineEntity + " l WHERE l.documentId IN :ids"
                + " ORDER BY l.documentId, l.lineNo", lineType)
                .setParameter("ids", new ArrayList<>(byId.keySet()))
                .setHint("eclipselink.read-only", "true").getResultList();
        for (L l : lines) {
            byId.get(l.documentId).lineItems.add(toLineItem(l, currencies.get(l.documentId)));
        }
    }

    /** A document also points to the products on its lines. */
    @Override
    public List<String> moreReferences(String collection) {
        return PRODUCTS.equals(collection)
                ? List.of("EXISTS (SELECT l.id FROM " + lineEntity + " l WHERE l.documentId = e.id AND l.productId = :id)")
                : List.of();
    }

    /** The document's status as its DTO holds it. */
    S statusOf(D document) {
        try {
            return statusType().cast(dtoStatus.get(document));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private S statusOf(E entity) {
        try {
            return statusType().cast(entityStatus.get(entity));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private void setStatus(E entity, S status) {
        try {
            entityStatus.set(entity, status);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Class<S> statusType() {
        return initial.getDeclaringClass();
    }

    private static void storeTotals(DocumentEntity entity, SalesDocument priced) {
        entity.currency = priced.currency;
        entity.taxMode = priced.taxMode;
        entity.subtotal = priced.totals.subtotal;
        entity.discountTotal = priced.totals.discount;
        entity.taxTotal = priced.totals.tax;
        entity.grandTotal = priced.totals.grandTotal;
    }

    private void insertLines(EntityManager em, String documentId, List<LineItem> items) {
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            L line = newLine();
            line.id = RecordIds.newId();
            line.documentId = documentId;
            line.lineNo = i;
            line.productId = item.productId;
            line.name = item.name;
            line.description = item.description;
            line.quantity = item.quantity;
            line.unitPrice = item.unitPrice;
            line.discountPercent = item.discountPercent;
            line.discountAmount = item.discountAmount;
            line.taxRate = item.taxRate;
            line.lineTotal = item.lineTotal;
            em.persist(line);
        }
    }

    private static LineItem toLineItem(LineItemEntity l, String currency) {
        LineItem item = new LineItem();
        item.productId = l.productId;
        item.name = l.name;
        item.description = l.description;
        item.quantity = Decimals.plain(l.quantity);
        item.unitPrice = Money.round(l.unitPrice, currency);
        item.discountPercent = Decimals.plain(l.discountPercent);
        item.discountAmount = Money.round(l.discountAmount, currency);
        item.taxRate = Decimals.plain(l.taxRate);
        item.lineTotal = Money.round(l.lineTotal, currency);
        return item;
    }

    /** Whether two versions of a document have the same lines and amounts (whatever their scale). */
    static boolean samePricing(SalesDocument a, SalesDocument b) {
        if (!Objects.equals(a.currency, b.currency) || a.taxMode != b.taxMode
                || !same(a.discountPercent, b.discountPercent) || !same(a.discountAmount, b.discountAmount)
                || !same(a.shippingAmount, b.shippingAmount) || !same(a.shippingTaxRate, b.shippingTaxRate)
                || !same(a.adjustment, b.adjustment)) {
            return false;
        }
        List<LineItem> x = a.lineItems == null ? List.of() : a.lineItems;
        List<LineItem> y = b.lineItems == null ? List.of() : b.lineItems;
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            LineItem p = x.get(i);
            LineItem q = y.get(i);
            if (!Objects.equals(p.productId, q.productId) || !Objects.equals(p.name, q.name)
                    || !Objects.equals(p.description, q.description) || !same(p.quantity, q.quantity)
                    || !same(p.unitPrice, q.unitPrice) || !same(p.discountPercent, q.discountPercent)
                    || !same(p.discountAmount, q.discountAmount) || !same(p.taxRate, q.taxRate)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private L newLine() {
        try {
            var constructor = lineType.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
