package org.tesseracrm.platform.internal.security;

import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
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
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.RuleViolationException;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;

/**
 * {@code /api/v1/tokens}: the signed-in user's API tokens. POST makes one ({@code name}, optional
 * {@code expiresAt}) and answers its secret once; GET lists them without secrets; DELETE revokes
 * one. A token is made with a password or a session, never with another token.
 */
@Component(service = TokenResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
    private static final int MAX_NAME = 100;

    private final TokenStore tokens;

    @Activate
    public TokenResource(@Reference TokenStore tokens) {
        this.tokens = tokens;
    }

    /** The body of a new token. */
    public static class NewToken {
        public String name;
        public Instant expiresAt;
    }

    @POST
    @Access(Access.Level.SIGNED_IN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body, @Context SecurityContext security, @Context UriInfo uri) throws SQLException {
        if (AuthenticationFilter.BEARER.equals(security.getAuthenticationScheme())) {
            throw new AccessDeniedException("An API token cannot make tokens; sign in with a password");
        }
        NewToken request = JsonInput.read(body, NewToken.class, Set.of("id", "token", "createdAt", "lastUsedAt"));
        List<FieldError> errors = new ArrayList<>();
        if (request.name == null || request.name.isBlank()) {
            errors.add(new FieldError("name", "is required"));
        } else if (request.name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (request.expiresAt != null && !request.expiresAt.isAfter(Instant.now())) {
            errors.add(new FieldError("expiresAt", "must be in the future"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The token is not valid: " + errors, errors);
        }
        Map<String, Object> token = tokens.create(security.getUserPrincipal().getName(), request.name.strip(), request.expiresAt);
        URI location = uri.getAbsolutePathBuilder().path(String.valueOf(token.get("id"))).build();
        return Response.created(location).entity(token).build();
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Map<String, Object> list(@Context SecurityContext security) throws SQLException {
        return Map.of("items", tokens.list(security.getUserPrincipal().getName()));
    }

    @DELETE
    @Access(Access.Level.SIGNED_IN)
    @Path("{id}")
    public Response revoke(@PathParam("id") String id, @Context SecurityContext security) throws SQLException {
        if (!tokens.revoke(security.getUserPrincipal().getName(), id)) {
            throw new NotFoundException("You have no API token with id " + id);
        }
        return Response.noContent().build();
    }
}
