package org.tesseracrm.platform.persistence;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.FieldError;
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
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.fields.CustomValues;

/**
 * The record machinery every module shares: a module's service extends this with its DTO and entity
 * types, gives its own rules as {@link RecordRules} and adds its actions with the helpers here. The work is done by small parts
 * composed here: {@link Transactions}, {@link ListPlan} (the planner), {@link FieldRules} and
 * {@link ReferenceGuard} (the rules), {@link RecordScope} (who sees what), {@link ChangeRecorder}
 * (history), {@link ChangePublisher} (listeners and events) and {@link SearchText} ({@code q}).
 */
@ConsumerType
public abstract class JpaRecordService<D extends RecordDto, E extends RecordEntity>
        implements RecordService<D>, CollectionIndex {
    private static final Map<String, Object> READ_ONLY = Map.of("eclipselink.read-only", "true");
    /** Read-only, from the database and refreshing the cache: where other nodes write the same database. */
    private static final Map<String, Object> READ_ONLY_FRESH = Map.of("eclipselink.read-only", "true",
            "javax.persistence.cache.retrieveMode", javax.persistence.CacheRetrieveMode.BYPASS,
            "javax.persistence.cache.storeMode", javax.persistence.CacheStoreMode.REFRESH);

    protected final ModuleDescriptor module;
    private final Class<D> dtoType;
    private final Class<E> entityType;
    private final String entityName;
    private final RecordContext context;
    private final RecordMapper<D, E> mapper;
    private final Map<String, FieldDescriptor> fields = new LinkedHashMap<>();
    /** The history action of a record that others were merged into. */
    public static final String MERGED = "MERGED";

    private final Map<String, Field> attributes;
    private final DtoFields<D> values;
    private final Transactions<D> transactions;
    private final RecordScope scope;
    private final FieldRules<D> rules;
    private final RecordRules<D, E> moduleRules;
    private final ReferenceGuard references;
    private final ChangeRecorder<D> history;
    private final ChangePublisher publisher;
    private final SearchText search;
    private final LookalikeKeys<D> lookalikes;
    private final RecordTags tags;
    private final String table;

    /**
     * @param storage the module's descriptor, persistence unit and the platform's record context
     * @param rules the module's own rules on its records
     */
    protected JpaRecordService(ModuleStorage storage, Class<D> dtoType, Class<E> entityType, RecordRules<D, E> rules) {
        this.module = storage.module();
        this.moduleRules = rules;
        RecordContext context = storage.context();
        JpaTemplate jpa = storage.jpa();
        this.dtoType = dtoType;
        this.entityType = entityType;
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
        this.entityName = entityName(entityType);
        javax.persistence.Table tableAnnotation = entityType.getAnnotation(javax.persistence.Table.class);
        this.table = tableAnnotation != null && !tableAnnotation.name().isEmpty() ? tableAnnotation.name() : entityName;
        this.values = new DtoFields<>(dtoType);
        this.transactions = new Transactions<>(jpa, module.name(), context::sharedDatabase);
        this.scope = new RecordScope(context, module.collection(), module.numberPrefix(), attributes.get(RecordScope.OWNER));
        this.references = new ReferenceGuard(context, module.collection(), module.numberPrefix());
        List<FieldDescriptor> checked = new ArrayList<>();
        List<Field> searchFields = new ArrayList<>();
        Set<Field> phoneFields = new HashSet<>();
        for (FieldDescriptor fd : module.fields()) {
            if (values.has(fd.name)) {
                checked.add(fd);
            }
            if (fd.searchable && attributes.containsKey(fd.name)) {
                searchFields.add(attributes.get(fd.name));
                if (fd.type == FieldType.PHONE) {
                    phoneFields.add(attributes.get(fd.name));
                }
            }
        }
        this.rules = new FieldRules<>(checked, values::get, context, references);
        this.history = new ChangeRecorder<>(this::allFields, values, module.collection(), context, transactions);
        this.publisher = new ChangePublisher(module.name(), context);
        this.tags = new RecordTags(module.collection());
        this.search = new SearchText(searchFields, phoneFields, attributes.get(RecordScope.OWNER), module.collection(), entityName, context,
                work -> transactions.run(TransactionType.Supports, work));
        this.lookalikes = new LookalikeKeys<>(module.collection(), module.duplicateKeys(), fields, values, transactions, context,
                (em, after, limit) -> em.createQuery("SELECT e FROM " + entityName + " e WHERE e.id > :after ORDER BY e.id", entityType)
                        .setParameter("after", after).setMaxResults(limit).setHint("eclipselink.read-only", "true")
                        .getResultList().stream().map(this::toDto).toList());
    }

    // ---- what the module's rules add ----

    /** JPQL conditions on {@code e} (parameter {@code :id}) true when a record points to a record of {@code collection}. */
    private List<String> referenceConditions(String collection) {
        List<String> clauses = new ArrayList<>();
        for (FieldDescriptor fd : fields.values()) {
            if (fd.type == FieldType.REFERENCE && !fd.readOnly
                    && collection.equals(fd.references) && attributes.containsKey(fd.name)) {
                clauses.add("e." + fd.name + " = :id");
            }
        }
        clauses.addAll(moduleRules.moreReferences(collection));
        return clauses;
    }

    /** Whether a new record is compared with existing ones by this duplicate key, for the platform's look-alike check. */
    @SuppressWarnings("unchecked")
    public final boolean isComparedBy(RecordDto record, List<String> duplicateKey) {
        return moduleRules.comparedBy((D) record, duplicateKey);
    }

    /**
     * The ids of records whose duplicate key {@code rule} is {@code key} (folded as the look-alike
     * check folds it), in the recycle bin or not, visible to the caller or not: a reader checks each
     * with {@link #get}. Empty while the module's existing records are still being indexed by their
     * keys (in the background, from the first call on).
     */
    public final Optional<List<String>> idsByDuplicateKey(List<String> rule, String key) {
        return lookalikes.ids(rule, key);
    }

    // ---- the record operations ----

    @Override
    public D get(String id) {
        // Read-only: the shared cache's object is copied to the DTO, never cloned into a unit of work.
        return read(em -> {
            E entity = id == null ? null : em.find(entityType, id, readOnly());
            if (entity == null || entity.isDeleted() || !scope.readable(entity)) {
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
            bind(q, plan);
            return q.getSingleResult();
        });
    }

    @Override
    public Map<String, Long> countBy(String field, ListQuery query) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> group : totals(List.of(field), null, query)) {
            counts.put((String) group.get("value"), (Long) group.get("count"));
        }
        return counts;
    }

    /**
     * The records a query's filters and search select (the module's default list restrictions do
     * not apply), grouped by one or two fields ({@code closeDate:month} for a date by period) with
     * each group's {@code value} ({@code values} for two), {@code count}, and for a numeric
     * {@code measure} its {@code sum}, {@code avg}, {@code min} and {@code max}: for dashboards and reports.
     */
    public List<Map<String, Object>> totals(List<String> by, String measure, ListQuery query) {
        Map<String, FieldDescriptor> all = allFieldsByName();
        GroupedTotals totals = new GroupedTotals(by, measure, all, attributes);
        Conditions visible = new Conditions();
        scope.restrict(visible);
        ListQuery filtersOnly = new ListQuery(query.q, fieldFilters(query, visible), List.of(), null, null, false);
        ListPlan plan = new ListPlan(entityName, all, attributes, filtersOnly, visible, filters());
        return read(em -> {
            TypedQuery<Object[]> q = em.createQuery("SELECT " + totals.select + plan.from + " GROUP BY " + totals.groupBy,
                    Object[].class);
            bind(q, plan);
            return totals.totals(q.getResultList());
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
            bind(query, plan);
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
        moduleRules.restrictList(query, conditions);
        scope.restrict(conditions);
        search.restrict(query.q, conditions, scope.owners());
        Map<String, String> fieldFilters = fieldFilters(query, conditions);
        fieldFilters.keySet().removeAll(moduleRules.listParameters());
        ListQuery fieldQuery = new ListQuery(query.q, fieldFilters, query.sort, query.limit, query.cursor, query.deleted);
        return new ListPlan(entityName, allFieldsByName(), attributes, fieldQuery, conditions, filters());
    }

    /** The query's filters on the record's own fields; its filters on tags become conditions here. */
    private Map<String, String> fieldFilters(ListQuery query, Conditions conditions) {
        Map<String, String> fieldFilters = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : query.filters.entrySet()) {
            String[] key = f.getKey().startsWith(RecordTags.FIELD) ? ListFilters.key(f.getKey()) : null;
            if (key != null && key[0].equals(RecordTags.FIELD)) {
                tags.restrict(conditions, f.getKey(), key[1], f.getValue());
            } else {
                fieldFilters.put(f.getKey(), f.getValue());
            }
        }
        return fieldFilters;
    }

    /** The caller's filters: {@code me} is the caller, today is today in the server's time zone. */
    private ListFilters filters() {
        return new ListFilters(context.caller(), java.time.ZoneId.systemDefault());
    }

    @Override
    public Page<D> list(ListQuery query) {
        ListPlan plan = plan(query);
        return read(em -> {
            TypedQuery<E> q = em.createQuery(plan.jpql, entityType);
            bind(q, plan);
            q.setHint("eclipselink.read-only", "true");
            q.setMaxResults(query.limit + 1);
            List<E> rows = q.getResultList();
            boolean more = rows.size() > query.limit;
            List<E> page = more ? rows.subList(0, query.limit) : rows;
            List<D> items = toDtos(em, page);
            return new Page<>(items, more ? plan.cursorAfter(page.get(page.size() - 1), items.get(items.size() - 1).custom) : null);
        });
    }

    @Override
    public D create(D record, String user) {
        D saved = write(em -> {
            List<FieldDescriptor> custom = customFields();
            prepareNew(record, custom);
            check(record, null, null, user);
            E entity = newEntity(em, record, now(), user);
            entity.number = NumberSequence.next(em, module.numberPrefix());
            search.index(entity, customText(record.custom));
            em.persist(entity);
            em.flush();
            if (record.tags != null && !record.tags.isEmpty()) {
                tags.replace(em, entity.id, record.tags);
            }
            CustomValues.write(em, table, custom, entity.id, record.custom);
            return committed(em, RecordEvents.CREATED, entity, null, user);
        });
        publisher.post(RecordEvents.CREATED, saved.id, saved.number, user);
        return saved;
    }

    /** A new record's custom defaults where it has no value, and the id it will have (listeners checking it know it). */
    private void prepareNew(D record, List<FieldDescriptor> custom) {
        for (FieldDescriptor fd : custom) {
            if (fd.defaultValue != null && record.custom.get(fd.name) == null) {
                record.custom.put(fd.name, fd.defaultValue);
            }
        }
        record.id = RecordIds.newId();
    }

    /** The entity of a checked new record, made by {@code user} at {@code now}, as the module's rules complete it. */
    private E newEntity(EntityManager em, D record, Instant now, String user) {
        E entity = newEntity();
        mapper.toEntity(record, entity);
        entity.id = record.id;
        entity.createdAt = now;
        entity.createdBy = user;
        entity.updatedAt = now;
        entity.updatedBy = user;
        moduleRules.beforeCreate(em, entity, record, user);
        return entity;
    }

    /** What became of one record given to {@link #createAll}: saved, or refused with the reason. */
    public static final class Creation<D> {
        /** The record as saved, null when refused. */
        public final D record;
        /** Why the record was not created (the 422 a single create would have answered), null when saved. */
        public final ProblemException refused;

        Creation(D record, ProblemException refused) {
            this.record = record;
            this.refused = refused;
        }
    }

    /**
     * Many new records in the running transaction (or one of their own), for imports: each checked
     * as {@link #create} checks it — one that breaks a rule is answered with its reason and not
     * written, the others are — and the accepted ones written together: their numbers as one block of
     * the counter, their rows in one flush, their history lines as one batch, listeners and events as
     * for a create. A module rule that throws when the record is about to be written ends the whole
     * call (nothing of it is kept when the caller's transaction rolls back).
     */
    public List<Creation<D>> createAll(List<D> records, String user) {
        List<Creation<D>> outcomes = new ArrayList<>(Collections.nCopies(records.size(), null));
        List<D> accepted = write(em -> {
            List<FieldDescriptor> custom = customFields();
            List<E> entities = new ArrayList<>();
            List<D> checked = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            Instant now = now();
            for (int i = 0; i < records.size(); i++) {
                D record = records.get(i);
                prepareNew(record, custom);
                try {
                    check(record, null, null, user);
                } catch (ProblemException refused) {
                    outcomes.set(i, new Creation<>(null, refused));
                    continue;
                }
                entities.add(newEntity(em, record, now, user));
                checked.add(record);
                positions.add(i);
            }
            if (entities.isEmpty()) {
                return List.<D>of();
            }
            List<String> numbers = NumberSequence.next(em, module.numberPrefix(), entities.size());
            for (int i = 0; i < entities.size(); i++) {
                E entity = entities.get(i);
                entity.number = numbers.get(i);
                search.index(entity, customText(checked.get(i).custom));
                em.persist(entity);
            }
            em.flush();
            for (int i = 0; i < entities.size(); i++) {
                D record = checked.get(i);
                if (record.tags != null && !record.tags.isEmpty()) {
                    tags.replace(em, record.id, record.tags);
                }
                if (!record.custom.isEmpty()) {
                    CustomValues.write(em, table, custom, record.id, record.custom);
                }
            }
            List<D> saved = toDtos(em, entities);
            history.createdAll(em, entities, saved, user);
            lookalikes.createdAll(em, saved);
            for (D after : saved) {
                publisher.afterCommit(RecordEvents.CREATED, after.id, after, null, user);
            }
            for (int i = 0; i < saved.size(); i++) {
                outcomes.set(positions.get(i), new Creation<>(saved.get(i), null));
            }
            return saved;
        });
        for (D saved : accepted) {
            publisher.post(RecordEvents.CREATED, saved.id, saved.number, user);
        }
        return outcomes;
    }

    @Override
    public D update(String id, D record, Long expectedVersion, String user) {
        D saved = write(em -> {
            E entity = findLive(em, id);
            checkVersion(entity, expectedVersion);
            D before = toDto(em, entity);
            check(record, entity, before, user);
            mapper.toEntity(record, entity);
            moduleRules.beforeUpdate(em, entity, before, record, user);
            Map<String, Object> customValues = new LinkedHashMap<>(before.custom);
            customValues.putAll(record.custom);
            touch(entity, user, customValues);
            boolean retagged = record.tags != null && !record.tags.equals(before.tags);
            if (retagged) {
                tags.replace(em, entity.id, record.tags);
            }
            Map<String, Object> changedCustom = new LinkedHashMap<>();
            record.custom.forEach((name, value) -> {
                if (!java.util.Objects.equals(value, before.custom.get(name))) {
                    changedCustom.put(name, value);
                }
            });
            CustomValues.write(em, table, customFields(), entity.id, changedCustom);
            if (retagged || !changedCustom.isEmpty()) {
                em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // a change of tags or custom fields alone is a new version too
            }
            em.flush();
            return committed(em, RecordEvents.UPDATED, entity, before, user);
        });
        publisher.post(RecordEvents.UPDATED, saved.id, saved.number, user);
        return saved;
    }

    @Override
    public void delete(String id, Long expectedVersion, String user) {
        D saved = write(em -> {
            E entity = findLive(em, id);
            checkVersion(entity, expectedVersion);
            references.requireUnreferenced(entity);
            moduleRules.beforeDelete(em, entity, user);
            D before = toDto(em, entity);
            List<FieldError> errors = new ArrayList<>();
            publisher.beforeCommit(RecordEvents.DELETED, before, before, user, errors);
            if (!errors.isEmpty()) {
                throw new RuleViolationException("The " + module.name() + " record cannot be deleted: " + errors, errors);
            }
            entity.deletedAt = now();
            entity.deletedBy = user;
            touch(entity, user);
            return committed(em, RecordEvents.DELETED, entity, before, user);
        });
        publisher.post(RecordEvents.DELETED, saved.id, saved.number, user);
    }

    @Override
    public D restore(String id, String user) {
        D saved = write(em -> {
            E entity = em.find(entityType, id);
            if (entity == null || !scope.readable(entity)) {
                throw new RecordNotFoundException(module.name(), id);
            }
            scope.requireWritable(entity);
            if (!entity.isDeleted()) {
                throw new ConflictException(module.numberPrefix() + " record " + entity.number
                        + " is not in the recycle bin");
            }
            entity.deletedAt = null;
            entity.deletedBy = null;
            // Back among the live records, it must keep their rules as a change would: unique names
            // and codes, references to live records, the module's own rules.
            D restored = toDto(em, entity);
            check(restored, entity, restored, user);
            moduleRules.beforeUpdate(em, entity, restored, restored, user);
            touch(entity, user);
            em.flush();
            return committed(em, RecordEvents.RESTORED, entity, null, user);
        });
        publisher.post(RecordEvents.RESTORED, saved.id, saved.number, user);
        return saved;
    }

    /**
     * Required fields, formats and lengths from the descriptors, the module's own rules, then the
     * partners' record listeners; one 422 for all.
     */
    private void check(D record, E existing, D before, String user) {
        List<FieldError> errors = new ArrayList<>();
        rules.check(record, existing == null ? null : existing.id, before, errors, customFields());
        record.tags = RecordTags.cleaned(record.tags, errors);
        moduleRules.validate(record, existing, errors);
        if (errors.isEmpty()) {
            publisher.beforeCommit(existing == null ? RecordEvents.CREATED : RecordEvents.UPDATED, record, before, user, errors);
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The " + module.name() + " record is not valid: " + errors, errors);
        }
    }

    /** Records the change in the record's history and for the listeners; the record as it now is. */
    private D committed(EntityManager em, String action, E entity, D before, String user) {
        D after = toDto(em, entity);
        if (RecordEvents.CREATED.equals(action)) {
            lookalikes.created(em, entity.id, after);
        } else if (RecordEvents.UPDATED.equals(action)) {
            lookalikes.changed(em, entity.id, before, after);
        }
        history.committed(em, action, entity, before, after, user);
        publisher.afterCommit(action, entity.id, after, before, user);
        return after;
    }

    /**
     * Gives a list's query its values. PostgreSQL plans a statement it has run several times once for
     * all values (a "generic plan"): for {@code LIKE '%word%'} that plan reads the trigram index for
     * every word however common, 250-290 ms for "sao mai" or "hoang minh" at 1M leads against 2-3 ms
     * when it knows the words. So a text search there sends its values inline, planned for its own words.
     */
    private void bind(javax.persistence.Query query, ListPlan plan) {
        plan.conditions.parameters().forEach(query::setParameter);
        if (plan.searchesText && context.sharedDatabase()) {
            query.setHint("eclipselink.jdbc.bind-parameters", "false");
        }
    }

    /** The hints of a read-only find (a find with hints takes none of its entity manager's own). */
    private Map<String, Object> readOnly() {
        return context.sharedDatabase() ? READ_ONLY_FRESH : READ_ONLY;
    }

    // ---- helpers for modules ----

    /** Runs {@code work} in a transaction (joining a running one) and unwraps what it threw. */
    protected <R> R write(EmFunction<R> work) {
        return transactions.run(TransactionType.Required, work);
    }

    /** Runs read-only {@code work}, in the running transaction when there is one. */
    protected <R> R read(EmFunction<R> work) {
        return transactions.run(TransactionType.Supports, work);
    }

    /** A live record (not in the recycle bin) or 404. */
    protected E findLive(EntityManager em, String id) {
        return live(id == null ? null : em.find(entityType, id), id);
    }

    /**
     * The live record with its row locked until the transaction ends: a rule that spans several
     * writes (convert once, stock never below zero) holds under concurrency when each takes this first.
     */
    protected E findLiveLocked(EntityManager em, String id) {
        return live(id == null ? null : em.find(entityType, id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private E live(E entity, String id) {
        if (entity == null || entity.isDeleted() || !scope.readable(entity)) {
            throw new RecordNotFoundException(module.name(), id);
        }
        if (transactions.writing()) {
            scope.requireWritable(entity);
            remember(entity);
        }
        return entity;
    }

    /** The current time at the precision the database keeps (microseconds), so what is answered is what is stored. */
    public static Instant now() {
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
        D now = toDto(entity);
        Transactions.Unit<D> unit = transactions.current();
        if (unit != null) {
            lookalikes.changed(unit.em, entity.id, unit.before.get(entity.id), now);
        }
        history.action(entity, now, user, action);
    }

    private void touch(E entity, String user) {
        touch(entity, user, null);
    }

    /** Marks the record changed; {@code custom} holds its custom values when known, else they are read. */
    private void touch(E entity, String user, Map<String, Object> custom) {
        entity.updatedAt = now();
        entity.updatedBy = user;
        if (custom == null && customFields().stream().anyMatch(f -> f.searchable)) {
            Transactions.Unit<D> unit = transactions.current();
            custom = unit == null ? Map.of() : CustomValues.read(unit.em, table, customFields(), List.of(entity.id))
                    .getOrDefault(entity.id, Map.of());
        }
        search.index(entity, customText(custom));
    }

    /** The words of the searchable custom fields, for the record's search text. */
    private List<String> customText(Map<String, Object> custom) {
        List<String> words = new ArrayList<>();
        if (custom != null) {
            for (FieldDescriptor fd : customFields()) {
                Object v = custom.get(fd.name);
                if (fd.searchable && v != null) {
                    words.add(v instanceof List ? String.join(" ", ((List<?>) v).stream().map(String::valueOf).toList())
                            : String.valueOf(v));
                }
            }
        }
        return words;
    }

    /** The administrator's fields of this module now (retired ones left out). */
    public List<FieldDescriptor> customFields() {
        return context.customFields(module.collection());
    }

    /** The module's fields and its custom ones. */
    private List<FieldDescriptor> allFields() {
        List<FieldDescriptor> custom = customFields();
        if (custom.isEmpty()) {
            return List.copyOf(fields.values());
        }
        List<FieldDescriptor> all = new ArrayList<>(fields.values());
        all.addAll(custom);
        return all;
    }

    private Map<String, FieldDescriptor> allFieldsByName() {
        List<FieldDescriptor> custom = customFields();
        if (custom.isEmpty()) {
            return fields;
        }
        Map<String, FieldDescriptor> all = new LinkedHashMap<>(fields);
        custom.forEach(f -> all.put(f.name, f));
        return all;
    }

    /** The table the module's records live in (custom fields are its columns too). */
    public String tableName() {
        return table;
    }

    /**
     * Keeps the record as the transaction first read it, for the history of what an action changes;
     * {@link #findLive} does it, a module that reads a record its own way calls it before changing it.
     */
    protected void remember(E entity) {
        history.remember(entity.id, () -> toDto(entity));
    }

    /** Keeps a list to the records the caller may read (their own, their teams', or all). */
    protected void restrictToVisible(Conditions conditions) {
        scope.restrict(conditions);
    }

    /** Whether the caller may read the record; one they may not answers 404, as if it did not exist. */
    protected boolean readable(E entity) {
        return scope.readable(entity);
    }

    /** Whether the caller still sees the record after a change (reassigning it can take it out of their scope). */
    public boolean stillVisible(D record) {
        if (scope.mayRead((String) values.get(record, RecordScope.OWNER), record.createdBy)) {
            return true;
        }
        return scope.hasExtraReaders() && read(em -> {
            E entity = em.find(entityType, record.id, readOnly());
            return entity != null && scope.readable(entity);
        });
    }

    /** Lets others than the owners its scopes reach read the module's records (a meeting's attendees); set once, when constructed. */
    protected final void readAlsoBy(ExtraReaders<E> readers) {
        scope.readAlsoBy(readers);
    }

    /**
     * A JPQL condition true when {@code idPath} (e.g. {@code e.relatedId}) is the id of a live record of
     * this module that the caller may read by their scope; "" when they read every one, null when none.
     * For records about a record of another module; its values are bound on {@code conditions}.
     */
    public String readableId(String idPath, Conditions conditions) {
        return scope.readableId(idPath, table, conditions);
    }

    protected D toDto(E entity) {
        D dto = newDto();
        mapper.toDto(entity, dto);
        moduleRules.complete(entity, dto);
        return dto;
    }

    /** The record as its DTO, with what the rules' {@link RecordRules#completePage} adds. */
    protected D toDto(EntityManager em, E entity) {
        return toDtos(em, List.of(entity)).get(0);
    }

    protected List<D> toDtos(EntityManager em, List<E> entities) {
        List<D> dtos = new ArrayList<>(entities.size());
        for (E e : entities) {
            dtos.add(toDto(e));
        }
        if (!entities.isEmpty()) {
            moduleRules.completePage(em, entities, dtos);
            List<String> ids = entities.stream().map(e -> e.id).toList();
            Map<String, List<String>> tagged = tags.of(em, ids);
            Map<String, Map<String, Object>> custom = CustomValues.read(em, table, customFields(), ids);
            for (D dto : dtos) {
                dto.tags = tagged.getOrDefault(dto.id, List.of());
                dto.custom.putAll(custom.getOrDefault(dto.id, Map.of()));
            }
        }
        return dtos;
    }

    /**
     * A change of one of a record's child collections ({@code child}, e.g. {@code members}; see
     * {@link ChildRows}) in the running write: a line in the record's history naming {@code action}
     * (e.g. {@code MEMBERS_ADDED}) with the child collection's old and new value (what was added, what
     * changed), the same for webhooks, and the module's OSGi event {@code action} once committed.
     */
    protected void childChanged(E parent, String action, String child, Object before, Object after, String user) {
        Transactions.Unit<D> unit = transactions.current();
        if (unit == null) {
            throw new IllegalStateException("a change of " + child + " is recorded in the write that makes it");
        }
        history.child(unit.em, action, parent, child, before, after, user, toDto(unit.em, parent));
        publisher.post(action, parent.id, parent.number, user);
    }

    /** Posts the OSGi event of a change the module made itself (an action), once it is committed. */
    protected void post(String action, E entity, String user) {
        publisher.post(action, entity.id, entity.number, user);
    }

    protected void checkVersion(E entity, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != entity.version) {
            throw new StaleVersionException(expectedVersion, entity.version);
        }
    }

    @Override
    public List<String> tagsInUse() {
        return read(tags::inUse);
    }

    /** The module's record DTO type. */
    public Class<D> recordType() {
        return dtoType;
    }

    /** What the module is: its descriptor. */
    public ModuleDescriptor descriptor() {
        return module;
    }

    // ---- the collection index other modules use ----

    @Override
    public String collection() {
        return module.collection();
    }

    @Override
    public Optional<RecordRef> find(String id) {
        return read(em -> {
            E entity = id == null ? null : em.find(entityType, id, readOnly());
            return entity == null || entity.isDeleted() || !scope.readable(entity) ? Optional.empty() : Optional.of(refOf(entity));
        });
    }

    @Override
    public List<RecordRef> pointingTo(String collection, String id, int limit) {
        List<String> clauses = referenceConditions(collection);
        if (clauses.isEmpty() || limit <= 0) {
            return List.of();
        }
        String jpql = "SELECT e FROM " + entityName + " e WHERE e.deletedAt IS NULL AND ("
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

    /**
     * A merge: every record of this module (the recycle bin's too) whose reference fields, own or
     * custom, name {@code collection}/{@code fromId} names {@code toId} instead, each with a line in
     * its history; a record that would then point to itself points nowhere. Then the module's own
     * rows about the merged record follow ({@link RecordRules#repointOwn}). In the running transaction; how many
     * records and rows moved.
     */
    public int repoint(String collection, String fromId, String toId, String user) {
        return write(em -> {
            int moved = 0;
            List<FieldDescriptor> own = new ArrayList<>();
            List<FieldDescriptor> custom = new ArrayList<>();
            for (FieldDescriptor fd : allFields()) {
                if (fd.type == FieldType.REFERENCE && collection.equals(fd.references)) {
                    (attributes.containsKey(fd.name) ? own : custom).add(fd);
                }
            }
            for (FieldDescriptor fd : own) {
                Field attribute = attributes.get(fd.name);
                for (E entity : em.createQuery("SELECT e FROM " + entityName + " e WHERE e." + fd.name + " = :id", entityType)
                        .setParameter("id", fromId).getResultList()) {
                    D before = toDto(em, entity);
                    RecordMapper.set(attribute, entity, collection.equals(module.collection()) && toId.equals(entity.id) ? null : toId);
                    touch(entity, user);
                    em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                    em.flush();
                    committed(em, RecordEvents.UPDATED, entity, before, user);
                    moved++;
                }
            }
            for (FieldDescriptor fd : custom) {
                @SuppressWarnings("unchecked") // a custom field is a column of the module's table named as the field
                List<Object> ids = em.createNativeQuery("SELECT id FROM " + table + " WHERE " + fd.name + " = ?")
                        .setParameter(1, fromId).getResultList();
                for (Object id : ids) {
                    E entity = em.find(entityType, String.valueOf(id));
                    D before = toDto(em, entity);
                    Map<String, Object> changed = new LinkedHashMap<>();
                    changed.put(fd.name, collection.equals(module.collection()) && toId.equals(entity.id) ? null : toId);
                    CustomValues.write(em, table, List.of(fd), entity.id, changed);
                    touch(entity, user);
                    em.lock(entity, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                    em.flush();
                    committed(em, RecordEvents.UPDATED, entity, before, user);
                    moved++;
                }
            }
            if (collection.equals(module.collection())) {
                moved += moveCompanions(em, fromId, toId);
            }
            return moved + moduleRules.repointOwn(em, collection, fromId, toId, user);
        });
    }

    /** The notes, files and e-mails of a record merged into another are the survivor's now, about the survivor's account. */
    private int moveCompanions(EntityManager em, String fromId, String toId) {
        String account = context.references().accountOf(module.collection(), toId).orElse(null);
        int moved = 0;
        for (String companions : List.of("tessera_note", "tessera_attachment", "tessera_email")) {
            moved += em.createNativeQuery("UPDATE " + companions + " SET record_id = ? WHERE collection = ? AND record_id = ?")
                    .setParameter(1, toId).setParameter(2, module.collection()).setParameter(3, fromId).executeUpdate();
            if (account != null) {
                em.createNativeQuery("UPDATE " + companions + " SET account_id = ? WHERE collection = ? AND record_id = ?")
                        .setParameter(1, account).setParameter(2, module.collection()).setParameter(3, toId).executeUpdate();
            }
            if (org.tesseracrm.platform.internal.db.RecordAccounts.ACCOUNTS.equals(module.collection())) { // what was written on its contacts, deals and documents
                em.createNativeQuery("UPDATE " + companions + " SET account_id = ? WHERE account_id = ?")
                        .setParameter(1, toId).setParameter(2, fromId).executeUpdate();
            }
        }
        return moved;
    }

    /**
     * Writes what the running unit of work changed and lets go of the records it holds, so that a
     * long unit (an import's batch) does not compare every record it made at each write.
     */
    public void releaseWritten() {
        write(em -> {
            em.flush();
            em.clear();
            return null;
        });
    }

    /** The survivor of a merge: a new version, and a line {@code MERGED} in its history that names the merge. */
    public D markMerged(String id, String user) {
        D merged = write(em -> {
            E entity = findLive(em, id);
            stamp(entity, user, MERGED); // changed now by this user: a new version
            em.flush();
            D now = toDto(em, entity);
            publisher.afterCommit(RecordEvents.UPDATED, entity.id, now, now, user);
            return now;
        });
        publisher.post(RecordEvents.UPDATED, merged.id, merged.number, user);
        return merged;
    }

    /** A record of this module as created: when, by whom, and how it is named. */
    public static final class Created {
        public final java.time.Instant at;
        public final String by;
        public final RecordRef record;

        Created(java.time.Instant at, String by, RecordRef record) {
            this.at = at;
            this.by = by;
            this.record = record;
        }
    }

    /**
     * Live records of this module that point to {@code collection}/{@code id}, newest created first,
     * created before a position (instant, then id): what was made from a record, for its timeline.
     */
    public List<Created> createdPointingTo(String collection, String id, java.time.Instant before, String beforeId, int limit) {
        List<String> clauses = referenceConditions(collection);
        if (clauses.isEmpty() || limit <= 0) {
            return List.of();
        }
        String jpql = "SELECT e FROM " + entityName + " e WHERE e.deletedAt IS NULL AND (" + String.join(" OR ", clauses) + ")"
                + (before == null ? "" : " AND (e.createdAt < :before OR (e.createdAt = :before AND e.id < :beforeId))")
                + " ORDER BY e.createdAt DESC, e.id DESC";
        return read(em -> {
            javax.persistence.TypedQuery<E> query = em.createQuery(jpql, entityType).setParameter("id", id);
            if (before != null) {
                query.setParameter("before", before).setParameter("beforeId", beforeId);
            }
            List<Created> created = new ArrayList<>();
            for (E e : query.setHint("eclipselink.read-only", "true").setMaxResults(limit).getResultList()) {
                created.add(new Created(e.createdAt, e.createdBy, refOf(e)));
            }
            return created;
        });
    }

    private RecordRef refOf(E entity) {
        return new RecordRef(module.collection(), entity.id, entity.number, moduleRules.label(entity));
    }

    /** Another module's service, or 422 naming the module that the request needs and that is not installed. */
    public static <S> S installed(S service, String module) {
        if (service == null) {
            throw new RuleViolationException(module, "the " + module + " module is not installed");
        }
        return service;
    }

    protected RecordContext context() {
        return context;
    }

    private static String entityName(Class<?> entityType) {
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
