package org.tesseracrm.platform.internal.security;

import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.PathSegment;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.api.spi.ActionDescriptor;
import org.tesseracrm.platform.api.spi.ModuleDescriptor;
import org.tesseracrm.platform.internal.rest.ModuleRouter;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Every request to a module's collection ({@code /api/v1/<collection>/…}) passes {@link ModuleAccess}
 * once the user is known: reading needs read access to that module, anything else write access, and
 * a declared action that creates a record of another module (a quote's {@code invoice}) write
 * access to that one too.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("tessera.module-access")
@JaxrsApplicationSelect(TesseraApi.API_SELECT)
@Priority(Priorities.AUTHORIZATION)
public class ModuleAccessFilter implements ContainerRequestFilter {
    private final ModuleRouter router;

    @Activate
    public ModuleAccessFilter(@Reference ModuleRouter router) {
        this.router = router;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<ModuleDescriptor> modules = List.of();

    @Override
    public void filter(ContainerRequestContext request) {
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        String collection = segments.isEmpty() ? "" : segments.get(0).getPath();
        SecurityContext user = request.getSecurityContext();
        if (user.getUserPrincipal() == null || !router.serves(collection)) {
            return;
        }
        ModuleAccess.check(user, collection, request.getMethod());
        if ("POST".equals(request.getMethod()) && segments.size() == 3) {
            String created = createdBy(collection, segments.get(2).getPath());
            if (created != null) {
                ModuleAccess.requireWrite(user, created);
            }
        }
    }

    /** The collection that {@code action} of {@code collection}'s module creates a record in, if any. */
    private String createdBy(String collection, String action) {
        for (ModuleDescriptor module : modules) {
            if (module.collection().equals(collection)) {
                for (ActionDescriptor a : module.actions()) {
                    if (a.name.equals(action) && a.creates != null && !a.creates.equals(collection)) {
                        return a.creates;
                    }
                }
            }
        }
        return null;
    }
}
