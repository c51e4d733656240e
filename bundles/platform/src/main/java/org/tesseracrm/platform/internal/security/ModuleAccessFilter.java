package org.tesseracrm.platform.internal.security;

import java.util.List;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.PathSegment;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.tesseracrm.platform.internal.rest.ModuleRouter;
import org.tesseracrm.platform.rest.ModuleAccess;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Every request to a module's collection ({@code /api/v1/<collection>/…}) passes {@link ModuleAccess}
 * once the user is known: reading needs read access to that module, anything else write access.
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

    @Override
    public void filter(ContainerRequestContext request) {
        List<PathSegment> segments = request.getUriInfo().getPathSegments();
        String collection = segments.isEmpty() ? "" : segments.get(0).getPath();
        if (request.getSecurityContext().getUserPrincipal() != null && router.serves(collection)) {
            ModuleAccess.check(request.getSecurityContext(), collection, request.getMethod());
        }
    }
}
