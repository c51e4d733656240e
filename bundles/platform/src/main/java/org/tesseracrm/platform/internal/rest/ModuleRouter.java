package org.tesseracrm.platform.internal.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
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
 * requests for a moment. A collection whose module is not installed answers 404; one whose module
 * is being updated or restarted (its bundle still installed) answers 503 with Retry-After.
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

    /** How long a module whose bundle is still installed may take to come back (an update, a restart). */
    static final long COMING_BACK_MILLIS = 30_000;

    private final Map<String, ModuleEndpoint> endpoints = new ConcurrentHashMap<>();
    /** Collections whose endpoint went away while its bundle stayed installed, with when it went. */
    private final Map<String, Away> away = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindEndpoint(ServiceReference<ModuleEndpoint> reference, ModuleEndpoint endpoint) {
        String collection = collection(reference);
        endpoints.put(collection, endpoint);
        away.remove(collection);
    }

    void unbindEndpoint(ServiceReference<ModuleEndpoint> reference, ModuleEndpoint endpoint) {
        String collection = collection(reference);
        if (endpoints.remove(collection, endpoint) && reference.getBundle() != null) {
            away.put(collection, new Away(reference.getBundle(), System.currentTimeMillis()));
        }
    }

    private static String collection(ServiceReference<?> reference) {
        return String.valueOf(reference.getProperty(ModuleEndpoint.COLLECTION));
    }

    /** A module's endpoint that went away: its bundle, and when. */
    private static final class Away {
        final Bundle bundle;
        final long since;

        Away(Bundle bundle, long since) {
            this.bundle = bundle;
            this.since = since;
        }

        /** Being updated or restarted (503, come back), rather than removed (404). */
        boolean comingBack(long now) {
            return bundle.getState() != Bundle.UNINSTALLED && now - since < COMING_BACK_MILLIS;
        }
    }

    /**
     * Whether {@code collection} is served by an endpoint of exactly {@code resourceClass}. A request
     * the locator led to a module's endpoint just before the module's bundle was updated or restarted
     * meets another endpoint (or none) here: it is told to come back (503), not refused.
     */
    public boolean isServedBy(String collection, Class<?> resourceClass) {
        ModuleEndpoint endpoint = endpoints.get(collection);
        if (endpoint != null && endpoint.getClass() == resourceClass) {
            return true;
        }
        if (beingReplaced(collection, endpoint, resourceClass)) {
            throw new ServiceUnavailableException(1L);
        }
        return false;
    }

    private boolean beingReplaced(String collection, ModuleEndpoint current, Class<?> resourceClass) {
        Bundle handedOut = ModuleEndpoint.class.isAssignableFrom(resourceClass) ? FrameworkUtil.getBundle(resourceClass) : null;
        if (handedOut == null) {
            return false;
        }
        Away gone = away.get(collection);
        if (gone != null) {
            return gone.bundle.getBundleId() == handedOut.getBundleId() && gone.comingBack(System.currentTimeMillis());
        }
        Bundle serving = current == null ? null : FrameworkUtil.getBundle(current.getClass());
        return serving != null && serving.getBundleId() == handedOut.getBundleId(); // the same bundle, a newer revision
    }

    /** The endpoints' own methods declare who may call them; this step only needs a signed-in user. */
    @Path("{" + COLLECTION_PARAMETER + "}")
    @Access(Access.Level.SIGNED_IN)
    public ModuleEndpoint module(@PathParam(COLLECTION_PARAMETER) String collection) {
        ModuleEndpoint endpoint = endpoints.get(collection);
        if (endpoint == null) {
            Away gone = away.get(collection);
            if (gone != null && gone.comingBack(System.currentTimeMillis())) {
                // bundle:update or a restart of the module: its endpoints are back in a moment
                throw new ServiceUnavailableException(1L);
            }
            throw new NotFoundException("No module serves /" + collection);
        }
        return endpoint;
    }
}
