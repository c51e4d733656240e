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
 * {@code /api/v1/teams}: teams with their members and manager. Everyone signed in reads them;
 * administrators create, change and remove them.
 */
@Component(service = TeamsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource {
    private static final Set<String> SERVER_MANAGED = Set.of("version");

    private final TeamStore teams;
    private final UserAccounts users;
    private final UserDirectory directory;
    private final AuditTrail trail;

    @Activate
    public TeamsResource(@Reference TeamStore teams, @Reference UserAccounts users, @Reference UserDirectory directory,
            @Reference AuditTrail trail) {
        this.teams = teams;
        this.users = users;
        this.directory = directory;
        this.trail = trail;
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Map<String, Object> list() {
        return Map.of("items", teams.list());
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    @Path("{name}")
    public Response get(@PathParam("name") String name) {
        TeamStore.Team team = teams.find(name).orElseThrow(() -> new RecordNotFoundException("teams", name));
        return Response.ok(team).tag(new EntityTag(Long.toString(team.version))).build();
    }

    @POST
    @Access(Access.Level.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context UriInfo uri, @Context SecurityContext security) {
        TeamStore.Team team = JsonInput.read(body, TeamStore.Team.class, SERVER_MANAGED);
        TeamStore.Team created = teams.save(team, true, null, users);
        trail.security("TEAM_CREATED", UsersResource.actor(security), UsersResource.via(), created.name,
                "members " + created.members + ", manager " + created.manager);
        URI location = uri.getAbsolutePathBuilder().path(created.name).build();
        return Response.created(location).entity(created).tag(new EntityTag(Long.toString(created.version))).build();
    }

    @PATCH
    @Access(Access.Level.ADMIN)
    @Path("{name}")
    @Consumes({RecordResource.MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public Response change(@PathParam("name") String name, JsonNode body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        TeamStore.Team team = JsonInput.read(body, TeamStore.Team.class, SERVER_MANAGED);
        if (team.name != null && !team.name.equals(name)) {
            throw new RuleViolationException("name", "a team's name cannot be changed");
        }
        team.name = name;
        if (!body.has("members")) {
            team.members = null; // left as they are
        }
        TeamStore.Team changed = teams.save(team, false, UsersResource.version(ifMatch), users);
        directory.forget(name);
        trail.security("TEAM_CHANGED", UsersResource.actor(security), UsersResource.via(), name,
                "members " + changed.members + ", manager " + changed.manager);
        return Response.ok(changed).tag(new EntityTag(Long.toString(changed.version))).build();
    }

    @DELETE
    @Access(Access.Level.ADMIN)
    @Path("{name}")
    public Response delete(@PathParam("name") String name, @Context SecurityContext security) {
        teams.delete(name);
        trail.security("TEAM_REMOVED", UsersResource.actor(security), UsersResource.via(), name, null);
        return Response.noContent().build();
    }
}
