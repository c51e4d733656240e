package org.tesseracrm.platform.persistence;

import org.osgi.annotation.versioning.ConsumerType;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.ProblemException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordEvents;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RecordRef;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.api.StaleVersionException;
import org.tesseracrm.platform.api.spi.CollectionIndex;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.api.spi.RecordChange;
import org.tesseracrm.platform.api.spi.RecordListener;
import org.tesseracrm.platform.api.spi.References;
import org.tesseracrm.platform.api.text.TextFolding;

/**
 * The record machinery every module shares: a module's service extends this with its DTO and entity
 * types and adds only its own rules through the protected hooks.
 */
@ConsumerType
public abstract class JpaRecordService<D extends RecordDto, E extends RecordEntity>
        implements RecordService<D>, CollectionIndex {
    /** How many referring records a 409 names at most. */
    static final int REFERENCES_NAMED = 10;
    private static final int TEXT_INDEX_BATCH = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(JpaRecordService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Map<String, Object> READ_ONLY = Map.of("eclipselink.read-only", "true");

    protected final ModuleDescriptor module;
    private final Class<D> dtoType;
    private final Class<E> entityType;
    private final JpaTemplate jpa;
    private final RecordContext context;
    private final RecordMapper<D, E> mapper;
    private final Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
    private final Map<String, Field> attributes;
    private final List<Field> searchFields = new ArrayList<>();
    private final TextIndex textIndex = new TextIndex();
    private final AtomicBoolean textIndexLoading = new AtomicBoolean();
    /** The record's owner besides its creator, when the module has one. */
    private final Field owner;
    /** The entity manager of the outermost transaction running on this thread, and the records as it first read them. */
    private final ThreadLocal<Unit<D>> unit = new ThreadLocal<>();
    /** Whether the innermost transaction running on this thread writes (reads do not need the scope to change). */
    private final ThreadLocal<Boolean> writing = new ThreadLocal<>();

    protected JpaRecordService(ModuleDescriptor module, Class<D> dtoType, Class<E> entityType,
            JpaTemplate jpa, RecordContext context) {
        this.module = module;
        this.dtoType = dtoType;
        this.entityType = entityType;
        this.jpa = jpa;
        this.context = context;
        Set<String> writable = new HashSet<>();
        for (FieldDescriptor fd : module.fields()) {
            fields.put(fd.name, fd);
            if (!fd.readOnly) {
                writable.add(fd.name);
            }
        }
        this.mapper = new RecordMapper<>(dtoType, entityType, writable);
        this.attributes = RecordMapper.fieldsOf(entityType);
        for (FieldDescriptor fd : module.fields()) {
            Field f = attributes.get(fd.name);
            if (fd.searchable && f != null) {
                f.setAccessible(true);
                searchFields.add(f);
            }
        }
        this.owner = attributes.get(OWNER);
        if (owner != null) {
            owner.setAccessible(true);
        }
    }

    /** The field that names a record's owner; a record is also its creator's. */
    static final String OWNER = "assignedTo";

    // ---- hooks for modules ----

    /** Module rules on a record about to be created ({@code existing == null}) or updated. */
    protected void validate(D record, E existing, List<FieldError> errors) {
    }

    /** Called in the transaction before a new record is persisted (set defaults, derived fields). */
    protected void beforeCreate(EntityManager em, E entity, String user) {
    }

    /**
     * In the delete's transaction, before the record goes to the recycle bin: refuse (e.g. a 409 for
     * a record in a final state, which is cancelled rather than deleted) or release what only a live
     * record holds (a unique name).
     */
    protected void beforeDelete(EntityManager em, E entity, String user) {
    }

    /** As {@link #beforeCreate(EntityManager, RecordEntity, String)}, for modules that need the validated DTO too. */
    protected void beforeCreate(EntityManager em, E entity, D record, String user) {
        beforeCreate(em, entity, user);
    }

    /**
     * Called in the transaction after the client's fields were copied onto an existing record;
     * {@code before} is the record as it was.
     */
    protected void beforeUpdate(EntityManager em, E entity, D before, String user) {
    }

    /** As {@link #beforeUpdate(EntityManager, RecordEntity, RecordDto, String)}, with the validated DTO too. */
    protected void beforeUpdate(EntityManager em, E entity, D before, D record, String user) {
        beforeUpdate(em, entity, before, user);
    }

    /**
     * Fills DTO fields kept outside the record's row (e.g. child rows), for a whole page at once so a
     * list costs one more query, not one per record.
     */
    protected void completeDtos(EntityManager em, List<E> entities, List<D> dtos) {
    }

    /**
     * JPQL conditions on {@code e} (with the parameter {@code :id}) that hold when a record points to
     * a record of {@code collection}; by default its reference fields to that collection.
     */
    protected List<String> referenceConditions(String collection) {
        List<String> clauses = new ArrayList<>();
        for (FieldDescriptor fd : fields.values()) {
            if (fd.type == org.tesseracrm.platform.api.spi.FieldType.REFERENCE && !fd.readOnly
                    && collection.equals(fd.references) && attributes.containsKey(fd.name)) {
                clauses.add("e." + fd.name + " = :id");
            }
        }
        return clauses;
    }

    /** Fills DTO fields that the entity does not hold (computed values). */
    protected void completeDto(E entity, D dto) {
    }

    /** Restrictions of the default list, e.g. records in a final state left out unless asked for. */
    protected void restrictList(ListQuery query, Conditions conditions) {
    }

    /** List parameters that are not field filters (e.g. {@code belowReorderLevel}); {@link #restrictList} reads them. */
    protected Set<String> listParameters() {
        return Set.of();
    }

    // ---- the record operations ----

    @Override
    public D get(String id) {
        // Read-only: the shared cache's object is copied to the DTO, never cloned into a unit of work.
        return read(em -> {
            E entity = id == null ? null : em.find(entityType, id, READ_ONLY);
            if (entity == null || entity.isDeleted() || !readable(entity)) {
                throw new RecordNotFoundException(module.name(), id);
            }
            return toDto(em, entity);
        });
    }

    @Override
    public long count(ListQuery query) {
        ListPlan plan = plan(new ListQuery(query.q, query.filters, List.of(), null, null, query.deleted));
        return read(em -> {
            TypedQuery<Long> q = em.createQuery(plan.countJpql, Long.class);
            plan.conditions.parameters().forEach(q::setParameter);
            return q.getSingleResult();
        });
    }

    @Override
    public Map<String, Long> countBy(String field, ListQuery query) {
        FieldDescriptor fd = fields.get(field);
        if (fd == null || !fd.filterable || !attributes.containsKey(field)) {
            throw new InvalidRequestException("Cannot count by " + field,
                    List.of(new FieldError("by", "is not a filterable field of " + module.collection())));
        }
        ListQuery filtersOnly = new ListQuery(query.q, query.filters, List.of(), null, null, false);
        Conditions visible = new Conditions();
        restrictToVisible(visible);
        ListPlan plan = new ListPlan(entityName(), fields, attributes, filtersOnly, visible);
        return read(em -> {
            TypedQuery<Object[]> q = em.createQuery("SELECT e." + field + ", COUNT(e)" + plan.from + " GROUP BY e." + field,
                    Object[].class);
            plan.conditions.parameters().forEach(q::setParameter);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Object[] row : q.getResultList()) {
                counts.put(row[0] == null ? "" : row[0] instanceof Enum ? ((Enum<?>) row[0]).name() : row[0].toString(),
                        ((Number) row[1]).longValue());
            }
            return counts;
        });
    }

    @Override
    public OptionalLong count(Map<String, String> filters) {
        return OptionalLong.of(count(new ListQuery(null, filters, List.of(), null, null, false)));
    }

    @Override
    public List<RecordRef> search(String q, int limit) {
        ListPlan plan = plan(new ListQuery(q, Map.of(), List.of(), limit, null, false));
        return read(em -> {
            TypedQuery<E> query = em.createQuery(plan.jpql, entityType);
            plan.conditions.parameters().forEach(query::setParameter);
            query.setHint("eclipselink.read-only", "true");
            query.setMaxResults(limit);
            List<RecordRef> refs = new ArrayList<>();
            for (E e : query.getResultList()) {
                refs.add(refOf(e));
            }
            return refs;
        });
    }

    private ListPlan plan(ListQuery query) {
        Conditions conditions = new Conditions();
        restrictList(query, conditions);
        restrictToVisible(conditions);
        loadTextIndexOnce();
        List<String> words = TextFolding.tokens(query.q);
        if (!words.isEmpty()) {
            Set<String> candidates = textIndex.candidates(words);
            if (candidates != null) {
                // The index's superset: the database still checks every word on these rows only.
                if (candidates.isEmpty()) {
                    conditions.add("e.id IS NULL");
                } else {
                    conditions.add("e.id IN ?", new ArrayList<>(candidates));
                }
            }
        }
        Map<String, String> fieldFilters = new LinkedHashMap<>(query.filters);
        fieldFilters.keySet().removeAll(listParameters());
        ListQuery fieldQuery = new ListQuery(query.q, fieldFilters, query.sort, query.limit, query.cursor, query.deleted);
        return new ListPlan(entityName(), fields, attributes, fieldQuery, conditions);
    }

    @Override
    public Page<D> list(ListQuery query) {
        ListPlan plan = plan(query);
        return read(em -> {
            TypedQuery<E> q = em.createQuery(plan.jpql, entityType);
            plan.conditions.parameters().forEach(q::setParameter);
            q.setHint("eclipselink.read-only", "true");
            q.setMaxResults(query.limit + 1);
            List<E> rows = q.getResultList();
            boolean more = rows.size() > query.limit;
            List<E> page = more ? rows.subList(0, query.limit) : rows;
            List<D> items = toDtos(em, page);
            return new Page<>(items, more ? plan.cursorAfter(page.get(page.size() - 1)) : null);
        });
    }

    @Override
    public D create(D record, String user) {
        Saved<D, E> saved = write(em -> {
            checkFields(record, null, null, user);
            E entity = newEntity();
            mapper.toEntity(record, entity);
            Instant now = now();
            entity.id = RecordIds.newId();
            entity.createdAt = now;
            entity.createdBy = user;
            entity.updatedAt = now;
            entity.updatedBy = user;
            beforeCreate(em, entity, record, user);
            entity.number = NumberSequence.next(em, module.numberPrefix());
            indexText(entity);
            em.persist(entity);
            em.flush();
            return committed(em, RecordEvents.CREATED, new Saved<>(entity, toDto(em, entity)), null, user);
        });
        post(RecordEvents.CREATED, saved.entity, user);
        return saved.dto;
    }

    @Override
    public D update(String id, D record, Long expectedVersion, String user) {
        Saved<D, E> saved = write(em -> {
            E entity = findLive(em, id);
            checkVersion(entity, expectedVersion);
            D before = toDto(em, entity);
            checkFields(record, entity, before, user);
            mapper.toEntity(record, entity);
            beforeUpdate(em, entity, before, record, user);
            touch(entity, user);
            em.flush();
            return committed(em, RecordEvents.UPDATED, new Saved<>(entity, toDto(em, entity)), before, user);
        });
        post(RecordEvents.UPDATED, saved.entity, user);
        return saved.dto;
    }

    @Override
    public void delete(String id, Long expectedVersion, String user) {
        E saved = write(em -> {
            E entity = findLive(em, id);
            checkVersion(entity, expectedVersion);
            List<RecordRef> referrers = context.references().pointingTo(module.collection(), id, REFERENCES_NAMED);
            if (!referrers.isEmpty()) {
                throw new ConflictException(module.numberPrefix() + " record " + entity.number
                        + " cannot be deleted: " + referrers + " still point to it").with("referencedBy", referrers);
            }
            beforeDelete(em, entity, user);
            D before = toDto(em, entity);
            List<FieldError> errors = new ArrayList<>();
            askListeners(RecordEvents.DELETED, before, before, user, errors);
            if (!errors.isEmpty()) {
                throw new RuleViolationException("The " + module.name() + " record cannot be deleted: " + errors, errors);
            }
            entity.deletedAt = now();
            entity.deletedBy = user;
            touch(entity, user);
            committed(em, RecordEvents.DELETED, new Saved<>(entity, toDto(em, entity)), before, user);
            return entity;
        });
        post(RecordEvents.DELETED, saved, user);
    }

    @Override
    public D restore(String id, String user) {
        Saved<D, E> saved = write(em -> {
            E entity = em.find(entityType, id);
            if (entity == null || !readable(entity)) {
                throw new RecordNotFoundException(module.name(), id);
            }
            requireWritable(entity);
            if (!entity.isDeleted()) {
                throw new ConflictException(module.numberPrefix() + " record " + entity.number
                        + " is not in the recycle bin");
            }
            entity.deletedAt = null;
            entity.deletedBy = null;
            // Back among the live records, it must keep their rules as a change would: unique names
            // and codes, references to live records, the module's own rules.
            D restored = toDto(em, entity);
            checkFields(restored, entity, restored, user);
            beforeUpdate(em, entity, restored, restored, user);
            touch(entity, user);
            em.flush();
            return committed(em, RecordEvents.RESTORED, new Saved<>(entity, toDto(em, entity)), null, user);
        });
        post(RecordEvents.RESTORED, saved.entity, user);
        return saved.dto;
    }

    // ---- helpers for modules ----

    /** Runs {@code work} in a transaction (joining a running one) and unwraps what it threw. */
    protected <R> R write(EmFunction<R> work) {
        return run(TransactionType.Required, work);
    }

    /** Runs read-only {@code work}, in the running transaction when there is one. */
    protected <R> R read(EmFunction<R> work) {
        return run(TransactionType.Supports, work);
    }

    /** A live record (not in the recycle bin) or 404. */
    protected E findLive(EntityManager em, String id) {
        E entity = id == null ? null : em.find(entityType, id);
        if (entity == null || entity.isDeleted() || !readable(entity)) {
            throw new RecordNotFoundException(module.name(), id);
        }
        if (Boolean.TRUE.equals(writing.get())) {
            requireWritable(entity);
            remember(entity);
        }
        return entity;
    }

    /**
     * The live record with its row locked until the transaction ends: a rule that spans several
     * writes (convert once, stock never below zero) holds under concurrency when each takes this first.
     */
    protected E findLiveLocked(EntityManager em, String id) {
        E entity = id == null ? null : em.find(entityType, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entity == null || entity.isDeleted() || !readable(entity)) {
            throw new RecordNotFoundException(module.name(), id);
        }
        if (Boolean.TRUE.equals(writing.get())) {
            requireWritable(entity);
            remember(entity);
        }
        return entity;
    }

    /** The current time at the precision the database keeps (microseconds), so what is answered is what is stored. */
    protected static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Marks a record as changed now by {@code user} in an action of the module, and writes what the
     * action changed since {@link #findLive} read it to the record's history as {@code UPDATED}.
     */
    protected void stamp(E entity, String user) {
        stamp(entity, user, RecordEvents.UPDATED);
    }

    /** As {@link #stamp(RecordEntity, String)}, with the action's name in the history (e.g. CONVERTED). */
    protected void stamp(E entity, String user, String action) {
        touch(entity, user);
        Unit<D> u = unit.get();
        D before = u == null ? null : u.before.get(entity.id);
        if (u != null) {
            AuditRows.write(u.em, action, module.collection(), entity.id, entity.number, user, context.via(),
                    changes(before, toDto(entity)));
            u.before.put(entity.id, toDto(entity)); // a second stamp in the same transaction records only what follows
        }
    }

    private void touch(E entity, String user) {
        entity.updatedAt = now();
        entity.updatedBy = user;
        indexText(entity);
    }

    /**
     * Keeps the record as the transaction first read it, for the history of what an action changes;
     * {@link #findLive} does it, a module that reads a record its own way calls it before changing it.
     */
    protected void remember(E entity) {
        Unit<D> u = unit.get();
        if (u != null) {
            u.before.putIfAbsent(entity.id, toDto(entity));
        }
    }

    // ---- visibility ----

    /** Keeps a list to the records the caller may read (their own, their teams', or all). */
    protected void restrictToVisible(Conditions conditions) {
        Visibility v = context.visibility(module.collection());
        if (v.readsAll()) {
            return;
        }
        List<String> owners = new ArrayList<>(v.readOwners());
        if (owners.isEmpty()) {
            conditions.add("e.id IS NULL");
        } else if (owner != null) {
            conditions.add("(e." + OWNER + " IN ? OR e.createdBy IN ?)", owners, owners);
        } else {
            conditions.add("e.createdBy IN ?", owners);
        }
    }

    /** Whether the caller may read the record; one they may not answers 404, as if it did not exist. */
    protected boolean readable(E entity) {
        return context.visibility(module.collection()).mayRead(ownerOf(entity), entity.createdBy);
    }

    /** A record the caller may read but not change (their scope to change is narrower) is 403. */
    private void requireWritable(E entity) {
        Visibility v = context.visibility(module.collection());
        if (!v.mayWrite(ownerOf(entity), entity.createdBy)) {
            throw new org.tesseracrm.platform.api.AccessDeniedException("You may read " + module.numberPrefix() + " record "
                    + entity.number + " but not change it: it is not yours or your team's");
        }
    }

    private String ownerOf(E entity) {
        try {
            return owner == null ? null : (String) owner.get(entity);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the caller still sees the record after a change (reassigning it can take it out of their scope). */
    public boolean stillVisible(D record) {
        return context.visibility(module.collection()).mayRead((String) valueOf(record, OWNER), record.createdBy);
    }

    // ---- history ----

    /** Each field whose value differs, old → new; every set field for a new record. */
    private List<org.tesseracrm.platform.api.HistoryEntry.FieldChange> changes(D before, D after) {
        List<org.tesseracrm.platform.api.HistoryEntry.FieldChange> changes = new ArrayList<>();
        if (after == null) {
            return changes;
        }
        com.fasterxml.jackson.databind.ObjectMapper json = org.tesseracrm.platform.rest.Json.mapper();
        for (FieldDescriptor fd : fields.values()) {
            Object from = valueOf(before, fd.name);
            Object to = valueOf(after, fd.name);
            com.fasterxml.jackson.databind.JsonNode a = json.valueToTree(from);
            com.fasterxml.jackson.databind.JsonNode b = json.valueToTree(to);
            boolean same = a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
            if (!same && !(before == null && b.isNull())) {
                changes.add(new org.tesseracrm.platform.api.HistoryEntry.FieldChange(fd.name, a.isNull() ? null : a, b.isNull() ? null : b));
            }
        }
        return changes;
    }

    /** The entity manager of a transaction and the records as it first read them. */
    private static final class Unit<D> {
        final EntityManager em;
        final Map<String, D> before = new java.util.HashMap<>();

        Unit(EntityManager em) {
            this.em = em;
        }
    }

    protected D toDto(E entity) {
        D dto = newDto();
        mapper.toDto(entity, dto);
        completeDto(entity, dto);
        return dto;
    }

    /** The record as its DTO, with what {@link #completeDtos} adds. */
    protected D toDto(EntityManager em, E entity) {
        return toDtos(em, List.of(entity)).get(0);
    }

    protected List<D> toDtos(EntityManager em, List<E> entities) {
        List<D> dtos = new ArrayList<>(entities.size());
        for (E e : entities) {
            dtos.add(toDto(e));
        }
        if (!entities.isEmpty()) {
            completeDtos(em, entities, dtos);
        }
        return dtos;
    }

    private void askListeners(String action, D record, D before, String user, List<FieldError> errors) {
        List<RecordListener> listeners = context.listeners(module.name());
        if (!listeners.isEmpty()) {
            RecordChange change = new RecordChange(module.name(), action, record, before, user);
            for (RecordListener l : listeners) {
                l.beforeCommit(change, errors);
            }
        }
    }

    /** Tells the record listeners about the change once its transaction commits. */
    private Saved<D, E> committed(EntityManager em, String action, Saved<D, E> saved, D before, String user) {
        boolean changesFields = RecordEvents.CREATED.equals(action) || RecordEvents.UPDATED.equals(action);
        AuditRows.write(em, action, module.collection(), saved.entity.id, saved.entity.number, user, context.via(),
                changesFields ? changes(before, saved.dto) : List.of());
        Unit<D> u = unit.get();
        if (u != null) {
            u.before.put(saved.entity.id, saved.dto);
        }
        List<RecordListener> listeners = context.listeners(module.name());
        if (!listeners.isEmpty()) {
            RecordChange change = new RecordChange(module.name(), action, saved.dto, before, user);
            context.afterCommit(() -> {
                for (RecordListener l : listeners) {
                    try {
                        l.afterCommit(change);
                    } catch (RuntimeException e) {
                        LOG.warn("Record listener {} failed after {} {} {}", l, module.name(), action, saved.entity.id, e);
                    }
                }
            });
        }
        return saved;
    }

    /** A record written in a transaction, with its DTO read in the same transaction. */
    private static final class Saved<D, E> {
        final E entity;
        final D dto;

        Saved(E entity, D dto) {
            this.entity = entity;
            this.dto = dto;
        }
    }

    protected void post(String action, E entity, String user) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(RecordEvents.PROPERTY_ID, entity.id);
        properties.put(RecordEvents.PROPERTY_NUMBER, entity.number);
        if (user != null) {
            properties.put(RecordEvents.PROPERTY_USER, user);
        }
        context.post(new Event(RecordEvents.topic(module.name(), action), properties));
    }

    protected void checkVersion(E entity, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != entity.version) {
            throw new StaleVersionException(expectedVersion, entity.version);
        }
    }

    private <R> R run(TransactionType type, EmFunction<R> work) {
        try {
            return jpa.txExpr(type, em -> {
                Unit<D> outer = unit.get();
                Boolean outerWriting = writing.get();
                if (outer == null) {
                    unit.set(new Unit<>(em));
                }
                writing.set(type == TransactionType.Required);
                try {
                    return work.apply(em);
                } finally {
                    if (outer == null) {
                        unit.remove();
                    }
                    if (outerWriting == null) {
                        writing.remove();
                    } else {
                        writing.set(outerWriting);
                    }
                }
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ProblemException) {
                    throw (ProblemException) t;
                }
                if (t instanceof OptimisticLockException) {
                    throw new StaleVersionException("The record was changed by someone else at the same time; read it again");
                }
                if (t instanceof java.sql.SQLException && ((java.sql.SQLException) t).getSQLState() != null
                        && ((java.sql.SQLException) t).getSQLState().startsWith("23")) {
                    // A rule the database holds under concurrency (a unique name or code): another
                    // request made the same record a moment earlier.
                    throw new ConflictException("The " + module.name() + " record conflicts with one saved at the same time: "
                            + uniqueRule(t.getMessage()));
                }
            }
            throw e;
        }
    }

    private Object valueOf(D record, String field) {
        if (record == null) {
            return null;
        }
        try {
            return dtoType.getField(field).get(record);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** What a unique index named {@code <table>_unique_<field>} holds, from the database's message. */
    static String uniqueRule(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)_unique_([a-z0-9]+)").matcher(String.valueOf(message));
        return m.find() ? "its " + m.group(1).toLowerCase(java.util.Locale.ROOT) + " is taken" : "it would break a rule of the database";
    }

    /**
     * Required fields, formats and lengths from the descriptors, the module's own rules, then the
     * partners' record listeners; one 422 for all.
     */
    private void checkFields(D record, E existing, D before, String user) {
        List<FieldError> errors = new ArrayList<>();
        for (FieldDescriptor fd : fields.values()) {
            if (fd.readOnly) {
                continue;
            }
            Object value;
            try {
                value = dtoType.getField(fd.name).get(record);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (fd.required && (value == null || value instanceof String && ((String) value).isBlank())) {
                errors.add(new FieldError(fd.name, "is required"));
                continue;
            }
            if (value instanceof String) {
                String s = (String) value;
                int max = maxLength(fd);
                String text = TextRules.problem(s, fd.type, fd.required);
                if (s.length() > max) {
                    errors.add(new FieldError(fd.name, "must be at most " + max + " characters"));
                } else if (text != null) {
                    errors.add(new FieldError(fd.name, text));
                } else if (fd.type == org.tesseracrm.platform.api.spi.FieldType.EMAIL && !s.isEmpty() && !EMAIL.matcher(s).matches()) {
                    errors.add(new FieldError(fd.name, "is not an email address"));
                }
            } else if (value instanceof BigDecimal && ((BigDecimal) value).precision() - ((BigDecimal) value).scale() > 15) {
                errors.add(new FieldError(fd.name, "is too large"));
            } else if (value instanceof BigDecimal && fd.decimals != null
                    && ((BigDecimal) value).stripTrailingZeros().scale() > fd.decimals) {
                errors.add(new FieldError(fd.name, fd.decimals == 0 ? "must be a whole number"
                        : "must have at most " + fd.decimals + " digits after the point"));
            } else if (value instanceof Address) {
                checkAddress(fd.name, (Address) value, errors);
            }
            if (fd.type == org.tesseracrm.platform.api.spi.FieldType.USER && value instanceof String
                    && !((String) value).isEmpty() && !value.equals(valueOf(before, fd.name))
                    && !context.isUser((String) value)) {
                // checked when set or changed: a record keeps a user that has left since
                errors.add(new FieldError(fd.name, "is not an active user of Tessera: " + value));
            }
            if (fd.type == org.tesseracrm.platform.api.spi.FieldType.REFERENCE && value instanceof String
                    && ((String) value).length() <= 36) {
                checkReference(fd, (String) value, existing, errors);
            }
        }
        validate(record, existing, errors);
        if (errors.isEmpty()) {
            askListeners(existing == null ? RecordEvents.CREATED : RecordEvents.UPDATED, record, before, user, errors);
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The " + module.name() + " record is not valid: " + errors, errors);
        }
    }

    /** A reference must name a live record when the module that owns it is installed. */
    private void checkReference(FieldDescriptor fd, String id, E existing, List<FieldError> errors) {
        References references = context.references();
        if (!references.isInstalled(fd.references)) {
            return; // nothing to check against: the reference is kept as given
        }
        if (existing != null && fd.references.equals(module.collection()) && id.equals(existing.id)) {
            errors.add(new FieldError(fd.name, "cannot point to the record itself"));
        } else if (references.find(fd.references, id).isEmpty()) {
            errors.add(new FieldError(fd.name, "no live " + fd.references + " record has id " + id));
        }
    }

    // ---- the collection index other modules use ----

    @Override
    public String collection() {
        return module.collection();
    }

    @Override
    public Optional<RecordRef> find(String id) {
        return read(em -> {
            E entity = id == null ? null : em.find(entityType, id, READ_ONLY);
            return entity == null || entity.isDeleted() || !readable(entity) ? Optional.empty() : Optional.of(refOf(entity));
        });
    }

    @Override
    public List<RecordRef> pointingTo(String collection, String id, int limit) {
        List<String> clauses = referenceConditions(collection);
        if (clauses.isEmpty() || limit <= 0) {
            return List.of();
        }
        String jpql = "SELECT e FROM " + entityName() + " e WHERE e.deletedAt IS NULL AND ("
                + String.join(" OR ", clauses) + ") ORDER BY e.number";
        return read(em -> {
            List<RecordRef> refs = new ArrayList<>();
            for (E e : em.createQuery(jpql, entityType).setParameter("id", id)
                    .setHint("eclipselink.read-only", "true").setMaxResults(limit).getResultList()) {
                refs.add(refOf(e));
            }
            return refs;
        });
    }

    /** How a record of this module is named to people (e.g. a lead's full name). */
    protected String labelOf(E entity) {
        return entity.number;
    }

    private RecordRef refOf(E entity) {
        return new RecordRef(module.collection(), entity.id, entity.number, labelOf(entity));
    }

    /** Another module's service, or 422 naming the module that the request needs and that is not installed. */
    protected static <S> S installed(S service, String module) {
        if (service == null) {
            throw new RuleViolationException(module, "the " + module + " module is not installed");
        }
        return service;
    }

    protected RecordContext context() {
        return context;
    }

    private static void checkAddress(String name, Address a, List<FieldError> errors) {
        checkLength(name + ".street", a.street, 255, errors);
        checkLength(name + ".city", a.city, 100, errors);
        checkLength(name + ".state", a.state, 100, errors);
        checkLength(name + ".postalCode", a.postalCode, 20, errors);
        checkLength(name + ".country", a.country, 100, errors);
    }

    private static void checkLength(String name, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(name, "must be at most " + max + " characters"));
        } else if (value != null) {
            String text = TextRules.problem(value, org.tesseracrm.platform.api.spi.FieldType.STRING, false);
            if (text != null) {
                errors.add(new FieldError(name, text));
            }
        }
    }

    /** Column sizes by field type; migrations create columns of these sizes. */
    static int maxLength(FieldDescriptor fd) {
        switch (fd.type) {
            case TEXT:
                return 4000;
            case EMAIL:
                return 254;
            case PHONE:
                return 40;
            case URL:
                return 500;
            case REFERENCE:
                return 36;
            default:
                return 255;
        }
    }

    /**
     * Sets the record's search text and adds it to the text index before the commit: should the
     * transaction roll back, the index holds one candidate too many, which the database drops. A
     * change that leaves the text as it was (a status, an owner) adds nothing, so the index grows
     * with new records and edited words only, until the next start rebuilds it.
     */
    private void indexText(E entity) {
        String text = searchTextOf(entity);
        if (!text.equals(entity.searchText)) {
            entity.searchText = text;
            textIndex.add(entity.id, text);
        }
    }

    /** The first list starts loading the text index; until it is loaded, {@code q} scans the table. */
    private void loadTextIndexOnce() {
        if (!textIndexLoading.getAndSet(true)) {
            context.inBackground(this::loadTextIndex);
        }
    }

    /** Reads every record's search text into the index, in id order a batch at a time. */
    private void loadTextIndex() {
        String jpql = "SELECT e.id, e.searchText FROM " + entityName() + " e WHERE e.id > :after ORDER BY e.id";
        String after = "";
        long started = System.nanoTime();
        long count = 0;
        try {
            while (true) {
                String from = after;
                List<Object[]> rows = read(em -> em.createQuery(jpql, Object[].class).setParameter("after", from)
                        .setMaxResults(TEXT_INDEX_BATCH).getResultList());
                for (Object[] row : rows) {
                    textIndex.add((String) row[0], (String) row[1]);
                }
                count += rows.size();
                if (rows.size() < TEXT_INDEX_BATCH) {
                    break;
                }
                after = (String) rows.get(rows.size() - 1)[0];
            }
        } catch (RuntimeException e) {
            // What was read stays (a superset is harmless); the next list tries again.
            textIndexLoading.set(false);
            LOG.warn("Text index of {} not loaded; q scans the table until a later list retries", module.collection(), e);
            return;
        }
        textIndex.completed();
        LOG.info("Text index of {} loaded: {} records in {} ms", module.collection(), count,
                (System.nanoTime() - started) / 1_000_000);
    }

    private String searchTextOf(E entity) {
        List<String> values = new ArrayList<>();
        values.add(entity.number);
        try {
            for (Field f : searchFields) {
                Object v = f.get(entity);
                if (v instanceof EmbeddedAddress) {
                    EmbeddedAddress a = (EmbeddedAddress) v;
                    values.add(a.street);
                    values.add(a.city);
                    values.add(a.state);
                    values.add(a.country);
                } else if (v != null) {
                    values.add(v.toString());
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        String text = TextFolding.foldAll(values.toArray(new String[0]));
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private String entityName() {
        javax.persistence.Entity entity = entityType.getAnnotation(javax.persistence.Entity.class);
        return entity != null && !entity.name().isEmpty() ? entity.name() : entityType.getSimpleName();
    }

    private D newDto() {
        try {
            return dtoType.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private E newEntity() {
        try {
            var constructor = entityType.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
