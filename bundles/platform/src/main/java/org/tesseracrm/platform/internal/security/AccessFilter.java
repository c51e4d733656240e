package org.tesseracrm.platform.internal.security;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.internal.rest.ApiExtensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.api.AccessDeniedException;
import org.tesseracrm.platform.api.AuthenticationRequiredException;
import org.tesseracrm.platform.internal.rest.ModuleRouter;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * The one place that decides who may call what: the {@link Access} declaration of the resource
 * method JAX-RS matched, never the spelling of the URL. JAX-RS runs post-matching filters again for
 * the method a sub-resource locator leads to, so a module's method is checked as itself: the
 * router's locator only needs a signed-in user, the module method its own declaration, read or
 * write relative to the collection whose endpoint serves it. A method without a declaration is
 * refused to everyone.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(ApiExtensions.ACCESS)
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    private final ModuleRouter router;
    private final Set<Method> undeclaredReported = ConcurrentHashMap.newKeySet();

    @Context
    private ResourceInfo resource;

    @Activate
    public AccessFilter(@Reference ModuleRouter router) {
        this.router = router;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        Access access = method == null ? null : ModuleAccess.declared(type, method);
        if (access == null) {
            if (method != null && undeclaredReported.add(method)) {
                LOG.error("{}.{} declares no @Access: refused to everyone", type.getName(), method.getName());
            }
            throw new AccessDeniedException("This operation is not open to anyone");
        }
        if (access.value() == Access.Level.PUBLIC) {
            return;
        }
        SecurityContext user = request.getSecurityContext();
        if (user == null || user.getUserPrincipal() == null) {
            throw new AuthenticationRequiredException("Sign in with HTTP Basic credentials of a Tessera user");
        }
        switch (access.value()) {
        case SIGNED_IN:
            break;
        case ADMIN:
            if (!user.isUserInRole(ModuleAccess.ADMIN)) {
                throw new AccessDeniedException("Only an administrator may do this");
            }
            break;
        case READ:
            ModuleAccess.requireRead(user, collectionServing(request, type));
            break;
        case WRITE:
            ModuleAccess.requireWrite(user, collectionServing(request, type));
            break;
        default:
            throw new AccessDeniedException("This operation is not open to anyone");
        }
        for (String created : access.creates()) {
            ModuleAccess.requireWrite(user, created);
        }
    }

    /**
     * The collection the router led this request to, provided its registered endpoint is the matched
     * resource; none (refused) for any other resource.
     */
    private String collectionServing(ContainerRequestContext request, Class<?> type) {
        String collection = request.getUriInfo().getPathParameters().getFirst(ModuleRouter.COLLECTION_PARAMETER);
        if (collection == null || !router.isServedBy(collection, type)) {
            throw new AccessDeniedException("This operation is not open to anyone");
        }
        return collection;
    }
}
