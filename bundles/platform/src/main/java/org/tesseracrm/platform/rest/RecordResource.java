package org.tesseracrm.platform.rest;

import org.osgi.annotation.versioning.ConsumerType;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.HistoryEntry;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.PreconditionRequiredException;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.StaleVersionException;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.FieldType;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.audit.AuditResource;
import org.tesseracrm.platform.internal.audit.AuditTrail;
import org.tesseracrm.platform.internal.fields.CustomValues;
import org.tesseracrm.platform.internal.records.RecordCompanions;
import org.tesseracrm.platform.persistence.JpaRecordService;

/**
 * The REST face of a module's records, per the API conventions: list with {@code q}, filters,
 * sort, limit and cursor; create (201 + Location); read (ETag); merge-patch and delete honouring
 * {@code If-Match} (stale → 412); restore from the recycle bin. A module's resource extends it, is
 * published as a {@link ModuleEndpoint} for its collection and adds its actions.
 */
@Produces(MediaType.APPLICATION_JSON)
@ConsumerType
public abstract class RecordResource<D extends RecordDto> extends RecordCompanionResource {
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    /** Answer header of a change after which the caller no longer sees the record (it is someone else's now). */
    public static final String OUT_OF_SCOPE = "Tessera-Out-Of-Scope";
    /** Query parameter of a create: make the record even though it looks like existing ones. */
    public static final String CREATE_ANYWAY = "createAnyway";
    private static final Set<String> LIST_PARAMETERS = Set.of("q", "sort", "limit", "cursor", "deleted");

    private final Class<D> dtoType;
    private final RecordService<D> records;
    private final String collection;
    private final ModuleDescriptor module;
    private final Set<String> serverManaged = new HashSet<>(RecordDto.SERVER_MANAGED);

    /**
     * The record endpoints over a module's record service (the platform's {@link JpaRecordService}),
     * whose descriptor says what the module is: a module's resource names neither again.
     */
    protected RecordResource(Class<D> dtoType, RecordService<D> records) {
        this(dtoType, descriptorOf(records), records);
    }

    /** For a record service that is not the platform's: the resource overrides {@link #service()}. */
    protected RecordResource(Class<D> dtoType, ModuleDescriptor module) {
        this(dtoType, module, null);
    }

    private RecordResource(Class<D> dtoType, ModuleDescriptor module, RecordService<D> records) {
        super(module);
        this.records = records;
        this.dtoType = dtoType;
        this.collection = module.collection();
        this.module = module;
        for (FieldDescriptor fd : module.fields()) {
            if (fd.readOnly) {
                serverManaged.add(fd.name);
            }
        }
    }

    /** The class of the records this endpoint reads and writes. */
    public final Class<D> recordType() {
        return dtoType;
    }

    @Override
    protected RecordService<D> service() {
        if (records == null) {
            throw new IllegalStateException(getClass().getName() + " names no record service: override service()");
        }
        return records;
    }

    private static ModuleDescriptor descriptorOf(RecordService<?> records) {
        if (records instanceof org.tesseracrm.platform.persistence.JpaRecordService) {
            return ((org.tesseracrm.platform.persistence.JpaRecordService<?, ?>) records).descriptor();
        }
        throw new IllegalArgumentException(records + " is not the platform's record service: give its ModuleDescriptor");
    }

    @GET
    @Access(Access.Level.READ)
    @ListParameters
    public Page<D> list(@Context UriInfo uri) {
        return service().list(listQuery(uri));
    }

    /**
     * {@code GET /<collection>/counts?by=status&…filters}: how many live records have each value of
     * a filterable field, e.g. leads by status for a dashboard; {@code by=stage,closeDate:quarter}
     * groups by two fields (a date by day, week, month, quarter or year) and {@code measure=amount}
     * adds each group's sum, average, minimum and maximum of a numeric field.
     */
    @GET
    @Access(Access.Level.READ)
    @Path("counts")
    @ListParameters
    public Counts counts(@Context UriInfo uri) {
        ListQuery query = listQuery(uri);
        String by = query.filters.get("by");
        if (by == null || by.isBlank()) {
            throw new InvalidRequestException("by is required: the field to count by",
                    List.of(new FieldError("by", "is required")));
        }
        Map<String, String> filters = new LinkedHashMap<>(query.filters);
        filters.remove("by");
        String measure = filters.remove("measure");
        ListQuery selected = new ListQuery(query.q, filters, List.of(), null, null, false);
        Counts answer = new Counts();
        answer.by = by;
        answer.measure = measure;
        if (service() instanceof JpaRecordService) {
            List<String> groups = Arrays.stream(by.split(",")).map(String::trim).toList();
            answer.items.addAll(((JpaRecordService<?, ?>) service()).totals(groups, measure, selected));
        } else {
            service().countBy(by, selected).forEach((value, count) -> answer.items.add(Map.of("value", value, "count", count)));
        }
        return answer;
    }

    /**
     * The answer of {@code counts}: one group a row, with its {@code value} ({@code values} when
     * grouped by two fields), {@code count} and, with a {@code measure}, {@code sum}, {@code avg},
     * {@code min} and {@code max}.
     */
    public static final class Counts {
        public String by;
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public String measure;
        public final List<Map<String, Object>> items = new ArrayList<>();
    }

    /**
     * {@code GET /<collection>/export?format=csv|xlsx}: the list as the caller sees it (its filters,
     * {@code q}, {@code sort}, scope; or a saved {@code view=<id>} of theirs), every page of it, with
     * {@code columns=a,b,c} (else the module's fields), headers and values in {@code lang} (else
     * Accept-Language) or raw codes with {@code codes=true}.
     */
    @GET
    @Access(Access.Level.READ)
    @Path("export")
    @Produces({ org.tesseracrm.platform.internal.exchange.RecordExports.CSV + ";charset=utf-8",
        org.tesseracrm.platform.internal.exchange.RecordExports.XLSX })
    @ListParameters
    public Response export(@Context UriInfo uri, @Context HttpHeaders headers, @Context SecurityContext security) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        org.tesseracrm.platform.internal.exchange.RecordExports exports = RecordCompanions.active().exports;
        org.tesseracrm.platform.internal.exchange.RecordExports.Request request = exports.request(collection, params,
                listQuery(uri, org.tesseracrm.platform.internal.exchange.RecordExports.PARAMETERS), headers.getAcceptableLanguages(), security);
        String type = request.format.equals("xlsx") ? org.tesseracrm.platform.internal.exchange.RecordExports.XLSX
                : org.tesseracrm.platform.internal.exchange.RecordExports.CSV + ";charset=utf-8";
        String file = collection + "-" + java.time.LocalDate.now() + "." + request.format;
        return Response.ok(exports.export(module, service(), request), type)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * {@code GET /<collection>/duplicates}: groups of records the caller may see that look like one
     * another by the module's duplicate keys (the same e-mail, phone number or name), at most
     * {@code limit} groups (100 by default).
     */
    @GET
    @Access(Access.Level.READ)
    @Path("duplicates")
    public org.tesseracrm.platform.internal.exchange.Duplicates.Found duplicates(@QueryParam("limit") String limit) {
        if (!(service() instanceof JpaRecordService)) {
            return new org.tesseracrm.platform.internal.exchange.Duplicates.Found();
        }
        return RecordCompanions.active().duplicates.find(module, (JpaRecordService<?, ?>) service(),
                org.tesseracrm.platform.internal.records.Cursor.limit(limit, 100, 500));
    }

    /**
     * {@code POST /<collection>/{id}/merge}: the records listed in {@code records} are merged into this
     * one, all or nothing: whatever pointed to them points here, their notes, files, e-mails,
     * activities and campaign memberships come along, they go to the recycle bin, and this record
     * takes the values {@code fields} chooses per field (else keeps its own, filling what it lacks
     * from them) and all their tags. For modules that declare duplicate keys (leads, contacts,
     * accounts); {@code If-Match} optional. Answers this record as it now is.
     */
    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response merge(@PathParam("id") String id, JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        if (module.duplicateKeys().isEmpty() || !(service() instanceof JpaRecordService)) {
            throw new javax.ws.rs.NotFoundException("Records of " + collection + " are not merged");
        }
        List<String> fields = mergeableFields();
        org.tesseracrm.platform.internal.records.MergePlan plan = org.tesseracrm.platform.internal.records.MergePlan.of(id, body,
                new HashSet<>(fields));
        D survivor = service().get(id);
        Long expected = version(ifMatch);
        if (expected != null && !expected.equals(survivor.version)) {
            throw new StaleVersionException(expected, survivor.version);
        }
        List<D> others = new ArrayList<>();
        for (String other : plan.merged) {
            others.add(service().get(other));
        }
        ObjectNode patch = plan.patch(survivor, others, fields);
        String user = user(security);
        @SuppressWarnings("unchecked")
        D merged = (D) RecordCompanions.active().merges.merge(collection, id, plan.merged,
                others.stream().map(o -> o.number).toList(), user, () -> {
                    if (!patch.isEmpty()) {
                        applyPatch(id, patch, null, user);
                    }
                });
        return withETag(Response.ok(), merged);
    }

    /** The fields whose value a merge chooses: the client-writable ones, custom fields included. */
    private List<String> mergeableFields() {
        List<String> names = new ArrayList<>();
        for (FieldDescriptor fd : module.fields()) {
            if (!serverManaged.contains(fd.name) && fd.type != FieldType.LINE_ITEMS && fd.type != FieldType.TOTALS
                    && fd.type != FieldType.PARTICIPANTS) {
                names.add(fd.name);
            }
        }
        ((JpaRecordService<?, ?>) service()).customFields().forEach(fd -> names.add(fd.name));
        return names;
    }

    /** {@code GET /<collection>/count?…filters}: how many live records the list's filters and {@code q} select. */
    @GET
    @Access(Access.Level.READ)
    @Path("count")
    @ListParameters
    public Map<String, Long> count(@Context UriInfo uri) {
        return Map.of("count", service().count(listQuery(uri)));
    }

    /** {@code GET /<collection>/tags}: the tags the collection's records carry, most used first. */
    @GET
    @Access(Access.Level.READ)
    @Path("tags")
    public Items<String> tags() {
        return new Items<>(service().tagsInUse());
    }

    @GET
    @Access(Access.Level.READ)
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context Request request) {
        D record = service().get(id);
        // If-None-Match with the current ETag: 304, the client's copy is current.
        Response.ResponseBuilder unchanged = request == null ? null
                : request.evaluatePreconditions(new EntityTag(String.valueOf(record.version)));
        return unchanged != null ? unchanged.build() : withETag(Response.ok(), record);
    }

    @POST
    @Access(Access.Level.WRITE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        D record = readBody(body);
        if (!"true".equals(uri.getQueryParameters().getFirst(CREATE_ANYWAY))) {
            refuseLookalikes(record);
        }
        D created = service().create(record, user(security));
        URI location = uri.getAbsolutePathBuilder().path(created.id).build();
        return withETag(Response.created(location), created);
    }

    /**
     * A new lead, contact or account that looks like records the caller may see (the module's
     * duplicate keys: the same e-mail, phone number, or name) is not created: 409 names them, unless
     * the request says {@code ?createAnyway=true}.
     */
    private void refuseLookalikes(D record) {
        if (module.duplicateKeys().isEmpty() || !(service() instanceof JpaRecordService)) {
            return;
        }
        List<org.tesseracrm.platform.internal.exchange.Duplicates.Candidate> candidates = RecordCompanions.active().duplicates
                .like(module, (JpaRecordService<?, ?>) service(), record, 10);
        if (!candidates.isEmpty()) {
            List<String> numbers = candidates.stream().map(c -> c.number).toList();
            throw new org.tesseracrm.platform.api.ConflictException("This looks like " + String.join(", ", numbers)
                    + ": open it, or send createAnyway=true to create a new record all the same")
                    .with("candidates", candidates);
        }
    }

    /** A new record as a request gives it, checked as a create checks it (server-managed fields refused). */
    protected D readBody(JsonNode body) {
        checkBody(JsonInput.requireObject(body));
        D record = JsonInput.read(body, dtoType, serverManaged);
        record.custom.putAll(customValues((ObjectNode) body, null));
        return record;
    }

    @PATCH
    @Access(Access.Level.WRITE)
    @Path("{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") String id, JsonNode body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        if (ifMatch == null || ifMatch.isBlank()) {
            // Without it, a form filled from an old read would silently undo someone else's change.
            throw new PreconditionRequiredException("Send If-Match with the ETag of the record you read (or If-Match: *"
                    + " to overwrite whatever it holds now)");
        }
        Long expected = version(ifMatch);
        D updated = applyPatch(id, JsonInput.requireObject(body), expected, user(security));
        return withETag(outOfScope(updated) ? Response.ok().header(OUT_OF_SCOPE, "true") : Response.ok(), updated);
    }

    /**
     * Applies a JSON merge patch to a record: the record as it now is when nothing changes, else as
     * changed. With no {@code expected} version the patch applies to the version read here, and a
     * concurrent change is retried.
     */
    private D applyPatch(String id, ObjectNode body, Long expected, String user) {
        checkBody(body);
        if (body.has("tags") && body.get("tags").isNull()) {
            body.putArray("tags"); // merge patch: null removes them all
        }
        for (int attempt = 1;; attempt++) {
            D current = service().get(id);
            D patched = JsonInput.patch(current, body, dtoType, serverManaged);
            patched.custom.putAll(current.custom);
            patched.custom.putAll(customValues(body, current));
            if (unchanged(current, patched)) {
                // Nothing to write: a repeated request answers the record as it is, without a new version.
                if (expected != null && !expected.equals(current.version)) {
                    throw new StaleVersionException(expected, current.version);
                }
                return current;
            }
            try {
                return service().update(id, patched, expected != null ? expected : current.version, user);
            } catch (StaleVersionException e) {
                if (expected != null || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * {@code POST /<collection>/bulk}: one change to many records, chosen by {@code ids} or by a
     * {@code filter} (the list's filters and {@code q}): {@code set} (a merge patch: fields, owner,
     * custom fields), {@code addTags}, {@code removeTags}, or {@code delete}. Each record is changed
     * on its own, as a PATCH or DELETE would: the caller's scope and the module's rules hold, its
     * history gets one line; the answer tells each record's outcome.
     */
    @POST
    @Access(Access.Level.WRITE)
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkResult bulk(JsonNode body, @Context SecurityContext security) {
        BulkChange change;
        try {
            change = Json.mapper().treeToValue(JsonInput.requireObject(body), BulkChange.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw JsonErrors.toProblem(e);
        }
        boolean changes = change.set != null && change.set.size() > 0 || change.addTags != null || change.removeTags != null;
        if (change.delete == changes) {
            throw new InvalidRequestException("Say what to do: set, addTags or removeTags, or delete (not both)",
                    List.of(new FieldError(changes ? "delete" : "set", changes ? "cannot go with changes" : "is required")));
        }
        if ((change.ids == null) == (change.filter == null)) {
            throw new InvalidRequestException("Choose the records by ids or by a filter (one of them)",
                    List.of(new FieldError("ids", "or filter is required, not both")));
        }
        List<String> ids = change.ids != null ? change.ids : chosen(change.filter);
        if (ids.size() > BulkChange.MOST) {
            throw new InvalidRequestException("At most " + BulkChange.MOST + " records at once; narrow the choice",
                    List.of(new FieldError(change.ids != null ? "ids" : "filter", "chooses more than " + BulkChange.MOST + " records")));
        }
        String user = user(security);
        BulkResult result = new BulkResult();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            BulkResult.Outcome outcome = new BulkResult.Outcome();
            outcome.id = id;
            try {
                if (change.delete) {
                    service().delete(id, null, user);
                    outcome.status = 204;
                } else {
                    ObjectNode patch = Json.mapper().createObjectNode();
                    if (change.set != null) {
                        change.set.fields().forEachRemaining(member -> patch.set(member.getKey(), member.getValue()));
                    }
                    if (change.addTags != null || change.removeTags != null) {
                        List<String> tags = new ArrayList<>(service().get(id).tags);
                        if (change.addTags != null) {
                            tags.addAll(change.addTags);
                        }
                        if (change.removeTags != null) {
                            java.util.Set<String> gone = new java.util.HashSet<>();
                            change.removeTags.forEach(t -> gone.add(org.tesseracrm.platform.api.text.TextFolding.fold(t)));
                            tags.removeIf(t -> gone.contains(org.tesseracrm.platform.api.text.TextFolding.fold(t)));
                        }
                        patch.set("tags", Json.mapper().valueToTree(tags));
                    }
                    D updated = applyPatch(id, patch, null, user);
                    outcome.number = updated.number;
                    outcome.version = updated.version;
                    outcome.status = 200;
                }
                result.changed++;
            } catch (org.tesseracrm.platform.api.ProblemException e) {
                outcome.status = e.status();
                outcome.detail = e.detail();
                outcome.errors = e.errors();
                result.failed++;
            }
            result.items.add(outcome);
        }
        return result;
    }

    /** The ids a bulk change's filter chooses, read before anything changes (one more than allowed at most). */
    private List<String> chosen(Map<String, String> filter) {
        Map<String, String> filters = new LinkedHashMap<>(filter);
        String q = filters.remove("q");
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Page<D> page = service().list(new ListQuery(q, filters, List.of(), ListQuery.MAX_LIMIT, cursor, false));
            page.items.forEach(r -> ids.add(r.id));
            cursor = page.nextCursor;
        } while (cursor != null && ids.size() <= BulkChange.MOST);
        return ids;
    }

    /** What {@code POST /<collection>/bulk} takes. */
    public static final class BulkChange {
        static final int MOST = 1000;
        public List<String> ids;
        public Map<String, String> filter;
        public ObjectNode set;
        public List<String> addTags;
        public List<String> removeTags;
        public boolean delete;
    }

    /** What {@code POST /<collection>/bulk} answers: each record's outcome, and how many changed or failed. */
    public static final class BulkResult {
        public int changed;
        public int failed;
        public final List<Outcome> items = new ArrayList<>();

        /** One record's outcome: its status as a PATCH or DELETE of it would answer, and why it failed. */
        public static final class Outcome {
            public String id;
            public String number;
            public Long version;
            public int status;
            public String detail;
            public List<FieldError> errors;
        }
    }

    @DELETE
    @Access(Access.Level.WRITE)
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        service().delete(id, version(ifMatch), user(security));
        return Response.noContent().build();
    }

    @POST
    @Access(Access.Level.WRITE)
    @Path("{id}/restore")
    public Response restore(@PathParam("id") String id, @Context SecurityContext security) {
        return withETag(Response.ok(), service().restore(id, user(security)));
    }

    /**
     * {@code GET /<collection>/{id}/history}: what happened to the record, newest first: who, when,
     * through what, and each changed field's old and new value. For whoever may read the record.
     */
    @GET
    @Access(Access.Level.READ)
    @Path("{id}/history")
    public Page<HistoryEntry> history(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        service().get(id); // 404 for a record the caller may not see
        Page<HistoryEntry> page = AuditTrail.active().history(collection, id, AuditResource.limit(limit), cursor);
        AuditTrail.label(page.items, c -> module, headers.getAcceptableLanguages());
        return page;
    }

    /** Whether a change took the record out of the caller's scope (reassigned to someone else). */
    private boolean outOfScope(D record) {
        return service() instanceof org.tesseracrm.platform.persistence.JpaRecordService
                && !((org.tesseracrm.platform.persistence.JpaRecordService<D, ?>) service()).stillVisible(record);
    }

    private boolean unchanged(D current, D patched) {
        ObjectNode before = Json.mapper().valueToTree(current);
        ObjectNode after = Json.mapper().valueToTree(patched);
        before.remove(serverManaged);
        after.remove(serverManaged);
        return before.equals(after);
    }

    /**
     * The custom fields ({@code cf_…}) a body sets, as Java values; a field the module does not have
     * (or has retired) is a 400 like any unknown field, a value of the wrong shape a 400 naming it.
     */
    private Map<String, Object> customValues(ObjectNode body, D current) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FieldDescriptor> custom = service() instanceof JpaRecordService
                ? ((JpaRecordService<?, ?>) service()).customFields() : List.of();
        List<FieldError> unknown = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!name.startsWith(RecordDto.CUSTOM_PREFIX)) {
                return;
            }
            FieldDescriptor fd = custom.stream().filter(f -> f.name.equals(name)).findFirst().orElse(null);
            if (fd == null) {
                unknown.add(new FieldError(name, "is not a known field"));
            } else {
                values.put(name, CustomValues.fromJson(fd, body.get(name), current == null ? null : current.custom.get(name)));
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(unknown.get(0).field + " is not a known field", unknown);
        }
        return values;
    }

    // ---- helpers for module resources ----

    /** Module checks of a create or patch body beyond its top-level fields (e.g. server-managed fields of nested items). */
    protected void checkBody(ObjectNode body) {
    }

    protected static String user(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? null
                : security.getUserPrincipal().getName();
    }

    protected static Response withETag(Response.ResponseBuilder builder, RecordDto record) {
        return builder.tag(new EntityTag(String.valueOf(record.version))).entity(record).build();
    }

    /** The version an {@code If-Match} header names; null when absent or {@code *}. */
    protected static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.valueOf(tag);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match must be an ETag of this API, e.g. \"3\"",
                    List.of(new FieldError("If-Match", "is not a valid entity tag")));
        }
    }

    /** The list query of a request: reserved parameters plus equality filters on fields. */
    protected ListQuery listQuery(UriInfo uri) {
        return listQuery(uri, Set.of());
    }

    /** The list's query, leaving out {@code others}: parameters of the endpoint that are not filters. */
    private ListQuery listQuery(UriInfo uri, Set<String> others) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (LIST_PARAMETERS.contains(p.getKey()) || others.contains(p.getKey())) {
                continue;
            }
            if (p.getValue().size() > 1) {
                throw new InvalidRequestException("Filter " + p.getKey() + " is given more than once",
                        List.of(new FieldError(p.getKey(), "is given more than once")));
            }
            filters.put(p.getKey(), p.getValue().get(0));
        }
        List<String> sort = new ArrayList<>();
        String sortParam = params.getFirst("sort");
        if (sortParam != null && !sortParam.isBlank()) {
            Arrays.stream(sortParam.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(sort::add);
        }
        Integer limit = null;
        String limitParam = params.getFirst("limit");
        if (limitParam != null) {
            try {
                limit = Integer.valueOf(limitParam);
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("limit must be a number",
                        List.of(new FieldError("limit", "must be a number between 1 and " + ListQuery.MAX_LIMIT)));
            }
        }
        String deleted = params.getFirst("deleted");
        if (deleted != null && !deleted.equals("true") && !deleted.equals("false")) {
            throw new InvalidRequestException("deleted must be true or false",
                    List.of(new FieldError("deleted", "must be true or false")));
        }
        return new ListQuery(params.getFirst("q"), filters, sort, limit, params.getFirst("cursor"),
                "true".equals(deleted));
    }
}
