package org.tesseracrm.platform.internal.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.rest.Access;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Routes {@code /api/v1/<collection>} to the module endpoint registered for it. The JAX-RS
 * application itself never changes when a module is installed, updated or removed: Aries rebuilds
 * an application whenever one of its resources comes or goes, which would interrupt every module's
 * requests for a moment. A collection whose module is not installed answers 404.
 */
@Component(service = ModuleRouter.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleRouter {
    /** The path parameter naming the collection a request is routed to. */
    public static final String COLLECTION_PARAMETER = "collection";

    private final Map<String, ModuleEndpoint> endpoints = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEndpoint(ModuleEndpoint endpoint, Map<String, Object> properties) {
        endpoints.put(collection(properties), endpoint);
    }

    void unbindEndpoint(ModuleEndpoint endpoint, Map<String, Object> properties) {
        endpoints.remove(collection(properties), endpoint);
    }

    private static String collection(Map<String, Object> properties) {
        return String.valueOf(properties.get(ModuleEndpoint.COLLECTION));
    }

    /** Whether {@code collection} is served by an endpoint of exactly {@code resourceClass}. */
    public boolean isServedBy(String collection, Class<?> resourceClass) {
        ModuleEndpoint endpoint = endpoints.get(collection);
        return endpoint != null && endpoint.getClass() == resourceClass;
    }

    /** The endpoints' own methods declare who may call them; this step only needs a signed-in user. */
    @Path("{" + COLLECTION_PARAMETER + "}")
    @Access(Access.Level.SIGNED_IN)
    public ModuleEndpoint module(@PathParam(COLLECTION_PARAMETER) String collection) {
        ModuleEndpoint endpoint = endpoints.get(collection);
        if (endpoint == null) {
            throw new NotFoundException("No module serves /" + collection);
        }
        return endpoint;
    }
}
