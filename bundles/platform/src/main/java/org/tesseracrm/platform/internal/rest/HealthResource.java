package org.tesseracrm.platform.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.platform.rest.Access;

/**
 * {@code GET /api/v1/health}: 200 when the database answers and every installed module serves its
 * endpoints; 503 while modules are still starting (naming them) or when the database does not
 * answer. No sign-in needed.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Reference(target = "(osgi.jndi.service.name=tessera)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile org.tesseracrm.platform.internal.mail.MailDelivery mail;

    /** How long a stopping server keeps serving while saying so: a load balancer takes it out meanwhile. */
    private static final long DRAIN_MILLIS = Long.getLong("tessera.drainMillis", 3000);
    private volatile boolean stopping;
    private final org.osgi.framework.SynchronousBundleListener drain = event -> {
        if (event.getBundle().getBundleId() == 0 && event.getType() == org.osgi.framework.BundleEvent.STOPPING) {
            stopping = true; // health answers 503 while everything still works; then the framework stops the bundles
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(DRAIN_MILLIS).toNanos());
        }
    };

    @Activate
    public HealthResource(BundleContext context) {
        this.context = context;
        context.addBundleListener(drain);
    }

    @org.osgi.service.component.annotations.Deactivate
    void stop() {
        context.removeBundleListener(drain);
    }

    @GET
    @Access(Access.Level.PUBLIC)
    public Response health() {
        boolean database = databaseAnswers();
        List<String> starting = startingModules();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", stopping ? "STOPPING" : !database ? "DOWN" : starting.isEmpty() ? "UP" : "STARTING");
        body.put("database", database ? "UP" : "DOWN");
        // mail that does not go out delays messages (they wait in the outbox): reported, but the node still serves
        org.tesseracrm.platform.internal.mail.MailDelivery delivery = mail;
        body.put("mail", delivery == null ? "NOT_CONFIGURED" : delivery.status());
        if (!starting.isEmpty()) {
            body.put("starting", starting);
        }
        return Response.status(database && starting.isEmpty() && !stopping ? 200 : 503).entity(body).build();
    }

    /**
     * Tessera bundles not yet active, and module bundles (those with a persistence unit) whose REST
     * endpoints are not registered yet: their persistence unit and services start asynchronously.
     */
    private List<String> startingModules() {
        List<String> starting = new ArrayList<>(resourcesNotServedYet());
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !name.startsWith("org.tesseracrm.") || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (b.getState() != Bundle.ACTIVE) {
                if (b.getState() != Bundle.UNINSTALLED) {
                    starting.add(name);
                }
            } else if (b.getHeaders().get("Meta-Persistence") != null && !servesEndpoints(b)) {
                starting.add(name);
            }
        }
        return starting;
    }

    /**
     * Resources of Tessera's bundles registered for the API that the API does not serve yet: the JAX-RS
     * application is rebuilt as each comes, and until then its path would answer 404.
     */
    private List<String> resourcesNotServedYet() {
        org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime jaxrs = runtime;
        if (jaxrs == null) {
            return List.of("api");
        }
        java.util.Set<Long> served = new java.util.HashSet<>();
        for (org.osgi.service.jaxrs.runtime.dto.ApplicationDTO application : jaxrs.getRuntimeDTO().applicationDTOs) {
            if (TesseraApi.APPLICATION_NAME.equals(application.name)) {
                for (org.osgi.service.jaxrs.runtime.dto.ResourceDTO resource : application.resourceDTOs) {
                    served.add(resource.serviceId);
                }
            }
        }
        List<String> waiting = new ArrayList<>();
        try {
            ServiceReference<?>[] resources = context.getAllServiceReferences(null, "(osgi.jaxrs.resource=true)");
            for (ServiceReference<?> r : resources == null ? new ServiceReference<?>[0] : resources) {
                Bundle owner = r.getBundle();
                if (owner != null && owner.getSymbolicName() != null && owner.getSymbolicName().startsWith("org.tesseracrm.")
                        && !served.contains((Long) r.getProperty(Constants.SERVICE_ID))) {
                    String[] types = (String[]) r.getProperty(Constants.OBJECTCLASS);
                    waiting.add(types[0].substring(types[0].lastIndexOf('.') + 1));
                }
            }
        } catch (org.osgi.framework.InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        return waiting;
    }

    private static boolean servesEndpoints(Bundle bundle) {
        ServiceReference<?>[] services = bundle.getRegisteredServices();
        if (services != null) {
            for (ServiceReference<?> s : services) {
                if (s.getProperty(ModuleEndpoint.COLLECTION) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean databaseAnswers() {
        DataSource ds = dataSource;
        if (ds == null) {
            return false;
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
