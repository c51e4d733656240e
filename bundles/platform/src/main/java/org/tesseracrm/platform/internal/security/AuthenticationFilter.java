package org.tesseracrm.platform.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.internal.rest.ApiExtensions;
import org.tesseracrm.platform.api.AccessDeniedException;
import org.tesseracrm.platform.api.AuthenticationRequiredException;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Every API call needs a Karaf user, except methods declared {@link Access.Level#PUBLIC}: HTTP Basic credentials, an API
 * token ({@code Authorization: Bearer tsr_…}) or the web UI's session cookie.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.AUTHENTICATION)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    static final String BEARER = "Bearer";

    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final TokenStore tokens;
    private final UserDirectory directory;

    @Context
    private ResourceInfo resource;

    @Context
    private javax.servlet.http.HttpServletRequest http;

    /** The client's address as the server sees it (a reverse proxy's, behind one). */
    static String address(javax.servlet.http.HttpServletRequest http) {
        String address = http == null ? null : http.getRemoteAddr();
        return address == null ? "unknown" : address;
    }

    @Activate
    public AuthenticationFilter(@Reference Authenticator authenticator, @Reference SessionStore sessions,
            @Reference TokenStore tokens, @Reference UserDirectory directory) {
        this.authenticator = authenticator;
        this.directory = directory;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // JAX-RS runs this filter again for the method a sub-resource locator leads to: sign in once.
        if (request.getSecurityContext() instanceof UserContext) {
            return;
        }
        Callers.clear();
        if (isPublic()) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        if (header == null) {
            Cookie session = request.getCookies().get(SessionStore.COOKIE);
            if (session != null) {
                Authenticator.Authenticated who = sessions.find(session.getValue())
                        .orElseThrow(() -> new AuthenticationRequiredException("The session has ended; sign in again", false));
                requireSameOrigin(request);
                signedIn(request, who, secure, SecurityContext.FORM_AUTH, "web");
                return;
            }
        }
        if (header != null && header.regionMatches(true, 0, BEARER + " ", 0, BEARER.length() + 1)) {
            Authenticator.Authenticated who;
            try {
                who = tokens.authenticate(header.substring(BEARER.length() + 1).trim())
                        .orElseThrow(() -> new AuthenticationRequiredException("The API token is unknown, revoked or expired"));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("API tokens cannot be read", e);
            }
            signedIn(request, who, secure, BEARER, "token " + who.tokenName);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            // The web UI (which says so with X-Requested-With) signs in through /api/v1/session, so its
            // browser is not asked for Basic credentials.
            throw new AuthenticationRequiredException("Sign in with HTTP Basic credentials of a Tessera user",
                    request.getHeaderString("X-Requested-With") == null);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationRequiredException("The Authorization header is not valid Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new AuthenticationRequiredException("The Authorization header is not valid Basic credentials");
        }
        String user = decoded.substring(0, colon);
        Authenticator.Authenticated who = authenticator.signIn(user, decoded.substring(colon + 1), address(http), "basic")
                .orElseThrow(() -> new AuthenticationRequiredException("Unknown user or wrong password"));
        signedIn(request, who, secure, SecurityContext.BASIC_AUTH, "basic");
    }

    private void signedIn(ContainerRequestContext request, Authenticator.Authenticated who, boolean secure, String scheme,
            String via) {
        Grants grants = directory.grants(who.roles);
        request.setSecurityContext(new UserContext(who, grants, secure, scheme));
        Callers.set(new Callers.Caller(who.user, who.roles, grants, via, directory));
    }

    /**
     * A browser sends the session cookie with any request to this site, also one a page of another
     * origin makes it send (a form on another port of the same host is "same site", and SameSite
     * lets the cookie through). So a change made with the cookie must carry the header the web UI
     * sends and no form can ({@code X-Requested-With}; another origin's script would need CORS,
     * which this API does not grant), and must not come from another origin by the browser's own
     * word ({@code Sec-Fetch-Site}, {@code Origin}).
     */
    private static void requireSameOrigin(ContainerRequestContext request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        String origin = request.getHeaderString("Origin");
        // Origin is compared only by browsers that do not say Sec-Fetch-Site, with the Host they
        // asked for (or the one a reverse proxy forwards).
        String host = request.getHeaderString("X-Forwarded-Host") != null ? request.getHeaderString("X-Forwarded-Host")
                : request.getHeaderString(HttpHeaders.HOST);
        boolean foreign = request.getHeaderString("X-Requested-With") == null
                || site != null && !site.equals("same-origin")
                || site == null && origin != null && (host == null || !host.equalsIgnoreCase(authority(origin)));
        if (foreign) {
            throw new AccessDeniedException("A change from another site (or without the web UI's X-Requested-With header)"
                    + " is not accepted with a session cookie");
        }
    }

    /** host[:port] of an Origin header, the default port left out as in a Host header. */
    private static String authority(String origin) {
        try {
            java.net.URI uri = new java.net.URI(origin);
            if (uri.getHost() == null) {
                return "";
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || port == 80 && "http".equals(uri.getScheme()) || port == 443 && "https".equals(uri.getScheme());
            return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    private boolean isPublic() {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        Access access = ModuleAccess.declared(resource.getResourceClass(), resource.getResourceMethod());
        return access != null && access.value() == Access.Level.PUBLIC;
    }

    private static final class UserContext implements SecurityContext {
        private final Authenticator.Authenticated who;
        private final Grants grants;
        private final boolean secure;
        private final Principal principal;
        private final String scheme;

        UserContext(Authenticator.Authenticated who, Grants grants, boolean secure, String scheme) {
            this.who = who;
            this.grants = grants;
            this.secure = secure;
            this.principal = () -> who.user;
            this.scheme = scheme;
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            if (who.roles.contains(role)) {
                return true;
            }
            // "<collection>.read" and ".write" are what the roles grant that module, in any scope
            java.util.regex.Matcher module = RoleStore.MODULE_ROLE.matcher(role);
            return module.matches() && ("write".equals(module.group(2)) ? grants.writeScope(module.group(1))
                    : grants.readScope(module.group(1))) != null;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
