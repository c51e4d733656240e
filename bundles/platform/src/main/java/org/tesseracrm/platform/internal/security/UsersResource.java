package org.tesseracrm.platform.internal.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
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
import org.tesseracrm.platform.api.AccessDeniedException;
import org.tesseracrm.platform.api.RecordNotFoundException;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.internal.audit.AuditTrail;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.RecordResource;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * {@code /api/v1/users}: every signed-in user reads the active users (name, display name, e-mail,
 * teams) for pickers; administrators also see roles and deactivated users, create users and change
 * them (display name, e-mail, roles, teams, password, active). Deactivating a user or giving them a
 * new password ends their sessions; their records stay theirs.
 */
@Component(service = UsersResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private static final Set<String> SERVER_MANAGED = Set.of("createdAt", "updatedAt", "version");

    private final UserAccounts users;
    private final UserDirectory directory;
    private final SessionStore sessions;
    private final AuditTrail trail;

    /** The body of a new user (with its name) or of a change. */
    public static class UserBody extends UserAccounts.Changes {
        public String name;
    }

    @Activate
    public UsersResource(@Reference UserAccounts users, @Reference UserDirectory directory, @Reference SessionStore sessions,
            @Reference AuditTrail trail) {
        this.users = users;
        this.directory = directory;
        this.sessions = sessions;
        this.trail = trail;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Map<String, Object> list(@QueryParam("inactive") boolean inactive, @Context SecurityContext security) {
        boolean admin = security.isUserInRole(RoleStore.ADMIN);
        if (inactive && !admin) {
            throw new AccessDeniedException("Only an administrator sees deactivated users");
        }
        List<Object> items = new ArrayList<>();
        for (UserAccounts.UserAccount u : users.list(inactive)) {
            items.add(admin ? u : picker(u));
        }
        return Map.of("items", items);
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{name}")
    public Response get(@PathParam("name") String name, @Context SecurityContext security) {
        boolean admin = security.isUserInRole(RoleStore.ADMIN);
        UserAccounts.UserAccount u = users.find(name).filter(found -> admin || found.active)
                .orElseThrow(() -> new RecordNotFoundException("users", name));
        return Response.ok(admin ? u : picker(u)).tag(new EntityTag(Long.toString(u.version))).build();
    }

    @POST
    @Access(Access.Level.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        UserBody request = JsonInput.read(body, UserBody.class, SERVER_MANAGED);
        UserAccounts.UserAccount created = users.create(request.name, request);
        directory.forget(created.name);
        trail.security("USER_CREATED", actor(security), via(), created.name, "roles " + created.roles + ", teams " + created.teams);
        URI location = uri.getAbsolutePathBuilder().path(created.name).build();
        return Response.created(location).entity(created).tag(new EntityTag(Long.toString(created.version))).build();
    }

    @PATCH
    @Access(Access.Level.ADMIN)
    @Path("{name}")
    @Consumes({RecordResource.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Response change(@PathParam("name") String name, JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        UserBody request = JsonInput.read(body, UserBody.class, SERVER_MANAGED);
        if (request.name != null && !request.name.equals(name)) {
            throw new RuleViolationException("name", "a user's name cannot be changed");
        }
        String me = actor(security);
        if (name.equals(me) && (Boolean.FALSE.equals(request.active)
                || request.roles != null && !request.roles.contains(RoleStore.ADMIN))) {
            throw new RuleViolationException(request.roles != null ? "roles" : "active",
                    "you cannot deactivate yourself or take your own administrator role");
        }
        UserAccounts.UserAccount changed = users.update(name, request, version(ifMatch));
        directory.forget(name);
        if (!changed.active || request.password != null) {
            sessions.closeAll(name);
        }
        trail.security("USER_CHANGED", me, via(), name, describe(request));
        return Response.ok(changed).tag(new EntityTag(Long.toString(changed.version))).build();
    }

    /** What changed, for the audit trail (never the password itself). */
    private static String describe(UserBody body) {
        List<String> parts = new ArrayList<>();
        if (body.displayName != null) {
            parts.add("displayName");
        }
        if (body.email != null) {
            parts.add("email");
        }
        if (body.password != null) {
            parts.add("password reset");
        }
        if (body.active != null) {
            parts.add(body.active ? "activated" : "deactivated");
        }
        if (body.roles != null) {
            parts.add("roles " + body.roles);
        }
        if (body.teams != null) {
            parts.add("teams " + body.teams);
        }
        return String.join(", ", parts);
    }

    /** What every signed-in user may know of a colleague. */
    private static Map<String, Object> picker(UserAccounts.UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", u.name);
        m.put("displayName", u.displayName);
        m.put("email", u.email);
        m.put("teams", u.teams);
        return m;
    }

    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new org.tesseracrm.platform.api.InvalidRequestException("If-Match is not a version of this user",
                    List.of(new org.tesseracrm.platform.api.FieldError("If-Match", "is not a version")));
        }
    }

    static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    static String via() {
        Callers.Caller caller = Callers.current();
        return caller == null ? "system" : caller.via;
    }
}
