package org.tesseracrm.platform.internal.views;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.AccessDeniedException;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.InvalidRequestException;
import org.tesseracrm.platform.api.Items;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.spi.FieldDescriptor;
import org.tesseracrm.platform.api.spi.SchemaMigrator;
import org.tesseracrm.platform.internal.db.RecordServices;
import org.tesseracrm.platform.persistence.JpaRecordService;
import org.tesseracrm.platform.persistence.RecordIds;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.Json;
import org.tesseracrm.platform.rest.JsonErrors;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/views}: saved list views. Everyone signed in keeps their own and sees those shared
 * with everyone, for the modules they may read; the owner (or an administrator) changes and deletes
 * one; anyone who sees a view may make it their default of its module ({@code "isDefault": true}).
 * A view's filters, search and sort are checked by running its list once, so a bad one is a 400
 * naming it, as in the list.
 */
@Component(service = ViewsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("views")
@Produces(MediaType.APPLICATION_JSON)
public class ViewsResource {
    private static final TypeReference<Map<String, String>> FILTERS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> COLUMNS = new TypeReference<>() {
    };
    private static final List<String> RECORD_COLUMNS = List.of("number", "createdAt", "createdBy", "updatedAt", "updatedBy", "tags");
    private static final String COLUMNS_SQL = "id, collection, name, owner, shared, q, filters, sort, columns, version, created_at, updated_at";

    private final DataSource dataSource;
    private final RecordServices modules;

    @Activate
    public ViewsResource(@Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource,
            @Reference SchemaMigrator platformSchema, @Reference RecordServices modules) {
        this.dataSource = dataSource;
        this.modules = modules;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Items<SavedView> list(@QueryParam("collection") String collection, @Context SecurityContext security) {
        String me = me(security);
        List<SavedView> views = new ArrayList<>();
        for (SavedView v : query("SELECT " + COLUMNS_SQL + " FROM tessera_view WHERE (owner = ? OR shared = TRUE)"
                + (collection == null ? "" : " AND collection = ?") + " ORDER BY collection, name", me, collection)) {
            if (ModuleAccess.mayRead(security, v.collection)) {
                views.add(v);
            }
        }
        Map<String, String> defaults = defaults(me);
        views.forEach(v -> {
            v.isDefault = v.id.equals(defaults.get(v.collection));
            v.mine = v.owner.equals(me);
        });
        return new Items<>(views);
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}")
    public SavedView get(@PathParam("id") String id, @Context SecurityContext security) {
        SavedView v = visible(id, security);
        v.isDefault = v.id.equals(defaults(me(security)).get(v.collection));
        v.mine = v.owner.equals(me(security));
        return v;
    }

    @POST
    @Access(Access.Level.SIGNED_IN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        SavedView v = read(JsonInput.requireObject(body));
        if (v.collection == null || modules.of(v.collection) == null || !ModuleAccess.mayRead(security, v.collection)) {
            throw new InvalidRequestException("collection must name a module you may read",
                    List.of(new FieldError("collection", "is not a module you may read")));
        }
        v.id = RecordIds.newId();
        v.owner = me(security);
        check(v);
        Instant now = Instant.now();
        update("INSERT INTO tessera_view (id, owner, collection, name, shared, q, filters, sort, columns, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)", v.id, v.owner, v.collection, v.name, Boolean.TRUE.equals(v.shared),
                v.q, json(v.filters), v.sort, v.columns == null ? null : json(v.columns), Timestamp.from(now), Timestamp.from(now));
        if (Boolean.TRUE.equals(v.isDefault)) {
            makeDefault(v.owner, v.collection, v.id);
        }
        return Response.created(uri.getAbsolutePathBuilder().path(v.id).build()).entity(get(v.id, security)).build();
    }

    @PATCH
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public SavedView change(@PathParam("id") String id, JsonNode body, @Context SecurityContext security) {
        SavedView current = visible(id, security);
        ObjectNode patch = JsonInput.requireObject(body);
        String me = me(security);
        if (patch.has("isDefault")) {
            if (patch.get("isDefault").asBoolean()) {
                makeDefault(me, current.collection, id);
            } else {
                update("DELETE FROM tessera_view_default WHERE username = ? AND collection = ? AND view_id = ?", me, current.collection, id);
            }
            patch.remove("isDefault");
        }
        if (patch.size() > 0) {
            mayChange(current, security);
            ObjectNode merged = Json.mapper().valueToTree(current);
            patch.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
            SavedView v = read(merged);
            if (!current.collection.equals(v.collection)) {
                throw new InvalidRequestException("A view's module cannot change", List.of(new FieldError("collection", "cannot change")));
            }
            check(v);
            update("UPDATE tessera_view SET name = ?, shared = ?, q = ?, filters = ?, sort = ?, columns = ?, version = version + 1,"
                    + " updated_at = ? WHERE id = ?", v.name, Boolean.TRUE.equals(v.shared), v.q, json(v.filters), v.sort,
                    v.columns == null ? null : json(v.columns), Timestamp.from(Instant.now()), id);
        }
        return get(id, security);
    }

    @DELETE
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        SavedView current = visible(id, security);
        mayChange(current, security);
        update("DELETE FROM tessera_view_default WHERE view_id = ?", id);
        update("DELETE FROM tessera_view WHERE id = ?", id);
        return Response.noContent().build();
    }

    private static void mayChange(SavedView v, SecurityContext security) {
        if (!v.owner.equals(me(security)) && !security.isUserInRole("admin")) {
            throw new AccessDeniedException("Only " + v.owner + " (or an administrator) changes the view " + v.name);
        }
    }

    private SavedView visible(String id, SecurityContext security) {
        List<SavedView> found = query("SELECT " + COLUMNS_SQL + " FROM tessera_view WHERE id = ?", id, null);
        SavedView v = found.isEmpty() ? null : found.get(0);
        if (v == null || !v.owner.equals(me(security)) && !Boolean.TRUE.equals(v.shared) || !ModuleAccess.mayRead(security, v.collection)) {
            throw new RecordNotFoundException("views", id);
        }
        return v;
    }

    private static SavedView read(ObjectNode body) {
        try {
            SavedView v = Json.mapper().treeToValue(body, SavedView.class);
            if (v.filters == null) {
                v.filters = new LinkedHashMap<>();
            }
            return v;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toProblem(e);
        }
    }

    /** A view's list must be one the module serves: its filters, search and sort are tried once; its columns named. */
    private void check(SavedView v) {
        List<FieldError> errors = new ArrayList<>();
        if (v.name == null || v.name.isBlank() || v.name.length() > 100) {
            errors.add(new FieldError("name", "is required, at most 100 characters"));
        }
        if (v.q != null && v.q.length() > 500 || v.sort != null && v.sort.length() > 500) {
            errors.add(new FieldError(v.q != null && v.q.length() > 500 ? "q" : "sort", "is too long"));
        }
        JpaRecordService<?, ?> module = modules.of(v.collection);
        if (v.columns != null && module != null) {
            List<String> known = new ArrayList<>(RECORD_COLUMNS);
            module.descriptor().fields().forEach(f -> known.add(f.name));
            module.customFields().forEach(f -> known.add(f.name));
            for (String c : v.columns) {
                if (!known.contains(c)) {
                    errors.add(new FieldError("columns", c + " is not a field of " + v.collection));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The view is not valid: " + errors, errors);
        }
        List<String> sort = v.sort == null || v.sort.isBlank() ? List.of()
                : Arrays.stream(v.sort.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        module.list(new ListQuery(v.q, v.filters, sort, 1, null, false));
    }

    private void makeDefault(String user, String collection, String id) {
        update("DELETE FROM tessera_view_default WHERE username = ? AND collection = ?", user, collection);
        update("INSERT INTO tessera_view_default (username, collection, view_id) VALUES (?, ?, ?)", user, collection, id);
    }

    private Map<String, String> defaults(String user) {
        Map<String, String> defaults = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT collection, view_id FROM tessera_view_default WHERE username = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    defaults.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the default views", e);
        }
        return defaults;
    }

    private List<SavedView> query(String sql, String first, String second) {
        List<SavedView> views = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, first);
            if (second != null) {
                ps.setString(2, second);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SavedView v = new SavedView();
                    v.id = rs.getString(1);
                    v.collection = rs.getString(2);
                    v.name = rs.getString(3);
                    v.owner = rs.getString(4);
                    v.shared = rs.getBoolean(5);
                    v.q = rs.getString(6);
                    v.filters = Json.mapper().readValue(rs.getString(7), FILTERS);
                    v.sort = rs.getString(8);
                    v.columns = rs.getString(9) == null ? null : Json.mapper().readValue(rs.getString(9), COLUMNS);
                    v.version = rs.getLong(10);
                    v.createdAt = rs.getTimestamp(11).toInstant();
                    v.updatedAt = rs.getTimestamp(12).toInstant();
                    views.add(v);
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the views", e);
        }
        return views;
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot save the view", e);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String me(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
