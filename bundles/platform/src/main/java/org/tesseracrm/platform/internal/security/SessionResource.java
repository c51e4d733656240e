package org.tesseracrm.platform.internal.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.Consumes;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.api.AuthenticationRequiredException;
import org.tesseracrm.platform.rest.JsonInput;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;

/**
 * {@code /api/v1/session}: signing in to the web UI with a user name and password (no browser
 * Basic-auth box): POST opens a session (an HttpOnly, SameSite=Strict cookie), GET says who is
 * signed in, DELETE signs out.
 */
@Component(service = SessionResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    private final Authenticator authenticator;
    private final SessionStore sessions;

    @Activate
    public SessionResource(@Reference Authenticator authenticator, @Reference SessionStore sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    /** The body of a sign-in. */
    public static class SignIn {
        public String user;
        public String password;
    }

    @POST
    @Access(Access.Level.PUBLIC)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(JsonNode body, @Context SecurityContext security, @Context javax.servlet.http.HttpServletRequest http) {
        SignIn signIn = JsonInput.read(body, SignIn.class, Set.of());
        if (signIn.user == null || signIn.password == null) {
            throw new AuthenticationRequiredException("Give a user name and a password", false);
        }
        Authenticator.Authenticated who = authenticator.signIn(signIn.user, signIn.password,
                AuthenticationFilter.address(http), "session")
                .orElseThrow(() -> new AuthenticationRequiredException("Unknown user or wrong password", false));
        String token = sessions.open(who);
        boolean secure = security != null && security.isSecure();
        Set<String> roles = new TreeSet<>(who.roles);
        roles.retainAll(Authenticator.KNOWN_ROLES);
        return Response.ok(describe(who.user, roles))
                .header(HttpHeaders.SET_COOKIE, cookie(token, SessionStore.IDLE.toSeconds(), secure)).build();
    }

    @GET
    @Access(Access.Level.SIGNED_IN)
    public Map<String, Object> current(@Context SecurityContext security) {
        Set<String> roles = new TreeSet<>();
        for (String role : Authenticator.KNOWN_ROLES) {
            if (security.isUserInRole(role)) {
                roles.add(role);
            }
        }
        return describe(security.getUserPrincipal().getName(), roles);
    }

    @DELETE
    @Access(Access.Level.SIGNED_IN)
    public Response signOut(@CookieParam(SessionStore.COOKIE) String token, @Context SecurityContext security) {
        sessions.close(token);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", 0, security.isSecure())).build();
    }

    private static Map<String, Object> describe(String user, Set<String> roles) {
        return Map.of("user", user, "roles", new TreeSet<>(roles));
    }

    private static String cookie(String value, long maxAge, boolean secure) {
        return SessionStore.COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
