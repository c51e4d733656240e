package org.tesseracrm.platform.rest;

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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.Page;
import org.tesseracrm.platform.api.RecordDto;
import org.tesseracrm.platform.api.RecordService;
import org.tesseracrm.platform.api.StaleVersionException;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;

/**
 * The REST face of a module's records, per the API conventions: list with {@code q}, filters,
 * sort, limit and cursor; create (201 + Location); read (ETag); merge-patch and delete honouring
 * {@code If-Match} (stale → 412); restore from the recycle bin. A module's resource extends it,
 * carries {@code @Path("<collection>")}, joins the API application (see TesseraApi) and adds its actions.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class RecordResource<D extends RecordDto> {
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final Set<String> LIST_PARAMETERS = Set.of("q", "sort", "limit", "cursor", "deleted");

    private final Class<D> dtoType;
    private final Set<String> serverManaged = new HashSet<>(RecordDto.SERVER_MANAGED);

    protected RecordResource(Class<D> dtoType, ModuleDescriptor module) {
        this.dtoType = dtoType;
        for (FieldDescriptor fd : module.fields()) {
            if (fd.readOnly) {
                serverManaged.add(fd.name);
            }
        }
    }

    protected abstract RecordService<D> service();

    @GET
    public Page<D> list(@Context UriInfo uri) {
        return service().list(listQuery(uri));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return withETag(Response.ok(), service().get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        D created = service().create(JsonInput.read(body, dtoType, serverManaged), user(security));
        URI location = uri.getAbsolutePathBuilder().path(created.id).build();
        return withETag(Response.created(location), created);
    }

    @PATCH
    @Path("{id}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("id") String id, JsonNode body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context SecurityContext security) {
        Long expected = version(ifMatch);
        JsonInput.requireObject(body);
        // Without If-Match the patch applies to the version read here; a concurrent change is retried.
        for (int attempt = 1;; attempt++) {
            D current = service().get(id);
            D patched = JsonInput.patch(current, body, dtoType, serverManaged);
            try {
                D updated = service().update(id, patched, expected != null ? expected : current.version,
                        user(security));
                return withETag(Response.ok(), updated);
            } catch (StaleVersionException e) {
                if (expected != null || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        service().delete(id, version(ifMatch), user(security));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/restore")
    public Response restore(@PathParam("id") String id, @Context SecurityContext security) {
        return withETag(Response.ok(), service().restore(id, user(security)));
    }

    // ---- helpers for module resources ----

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
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        Map<String, String> filters = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (LIST_PARAMETERS.contains(p.getKey())) {
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
