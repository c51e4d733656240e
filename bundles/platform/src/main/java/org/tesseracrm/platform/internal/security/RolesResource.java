package org.tesseracrm.platform.internal.security;

import java.net.URI;
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
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.internal.audit.AuditTrail;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/roles}: the roles and what each grants per module (access read or write, scope
 * own, team or all). Everyone signed in reads them; administrators create, change and remove them.
 */
@Component(service = RolesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
public class RolesResource {
    private static final Set<String> SERVER_MANAGED = Set.of("version", "builtIn");

    private final RoleStore roles;
    private final AuditTrail trail;

    @Activate
    public RolesResource(@Reference RoleStore roles, @Reference AuditTrail trail) {
        this.roles = roles;
        this.trail = trail;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Map<String, Object> list() {
        return Map.of("items", roles.list());
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        RoleStore.Role role = roles.find(name).orElseThrow(() -> new RecordNotFoundException("roles", name));
        return Response.ok(role).tag(new EntityTag(Long.toString(role.version))).build();
    }

    @POST
    @Access(Access.Level.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        RoleStore.Role created = roles.create(JsonInput.read(body, RoleStore.Role.class, SERVER_MANAGED));
        trail.security("ROLE_CREATED", UsersResource.actor(security), UsersResource.via(), created.name, grants(created));
        URI location = uri.getAbsolutePathBuilder().path(created.name).build();
        return Response.created(location).entity(created).tag(new EntityTag(Long.toString(created.version))).build();
    }

    @PATCH
    @Access(Access.Level.ADMIN)
    @Path("{name}")
    @Consumes({RecordResource.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Response change(@PathParam("name") String name, JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        RoleStore.Role changes = JsonInput.read(body, RoleStore.Role.class, SERVER_MANAGED);
        if (changes.name != null && !changes.name.equals(name)) {
            throw new RuleViolationException("name", "a role's name cannot be changed");
        }
        if (!body.has("grants")) {
            changes.grants = null; // left as they are
        }
        RoleStore.Role changed = roles.update(name, changes, UsersResource.version(ifMatch));
        trail.security("ROLE_CHANGED", UsersResource.actor(security), UsersResource.via(), name, grants(changed));
        return Response.ok(changed).tag(new EntityTag(Long.toString(changed.version))).build();
    }

    @DELETE
    @Access(Access.Level.ADMIN)
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @Context SecurityContext security) {
        roles.delete(name);
        trail.security("ROLE_REMOVED", UsersResource.actor(security), UsersResource.via(), name, null);
        return Response.noContent().build();
    }

    private static String grants(RoleStore.Role role) {
        StringBuilder sb = new StringBuilder();
        for (RoleStore.Grant g : role.grants) {
            sb.append(sb.length() == 0 ? "" : ", ").append(g.module).append(' ').append(g.access).append(' ').append(g.scope);
        }
        return sb.toString();
    }
}
