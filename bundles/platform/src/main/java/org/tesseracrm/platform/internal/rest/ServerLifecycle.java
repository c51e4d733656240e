package org.tesseracrm.platform.internal.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.platform.rest.ModuleEndpoint;
import org.tesseracrm.platform.rest.TesseraApi;

/**
 * Where the server is in its life: starting, serving, draining (stopping but still serving while a
 * load balancer takes it out), stopped. What of it is still starting: the framework's start levels,
 * Karaf's boot features (on a first start they install the modules), Tessera's bundles, the modules'
 * endpoints (their persistence units start asynchronously), the resources the API application
 * does not serve yet (it is rebuilt as each comes) and the web UI's parts the web server has not
 * deployed yet. Once all of them were there the server has started, for good: a module
 * deployed, updated or removed later is the module's own business ({@link ModuleRouter}). When the
 * framework stops, the server keeps serving for {@code tessera.drainMillis} (health says STOPPING
 * meanwhile); then, while the framework takes the bundles down, requests are told to come back.
 */
// immediate: the drain must hold a stop even if nothing asked for the server's state yet
@Component(service = {ServerLifecycle.class, BooleanSupplier.class}, immediate = true, property = ServerLifecycle.READINESS + "=api")
public class ServerLifecycle implements BooleanSupplier {
    /**
     * The property under which this is the API's readiness for the web server's gate (Tessera's
     * fragment of Pax Web's Jetty, which sees no Tessera package): until it says true, every request
     * is answered 503 with Retry-After before any servlet context sees it.
     */
    static final String READINESS = "tessera.readiness";
    /** The service Karaf's features service registers once the boot features are installed and started. */
    static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    /** While starting, how long one look at the progress is good for: a request during start asks again soon. */
    private static final long LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** The longest the API waits for everything to start before it serves what did. */
    private static final long STARTUP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("tessera.startupLimitSeconds", 60));
    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);
    /** How long a stopping server keeps serving while saying so: a load balancer takes it out meanwhile. */
    private static final long DRAIN_MILLIS = Long.getLong("tessera.drainMillis", 3000);

    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile JaxrsServiceRuntime runtime;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile HttpServiceRuntime web;

    private volatile boolean started;
    private volatile boolean draining;
    private volatile boolean stopped;
    private final SynchronousBundleListener drain = event -> {
        if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
            draining = true; // health answers 503 while everything still works; then the framework stops the bundles
            LockSupport.parkNanos(Duration.ofMillis(DRAIN_MILLIS).toNanos());
            stopped = true;
        }
    };
    private volatile long lookedAt = System.nanoTime() - LOOK_NANOS;
    private final long activatedAt = System.nanoTime();

    @Activate
    public ServerLifecycle(BundleContext context) {
        this.context = context;
        context.addBundleListener(drain);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(drain);
    }

    /** Whether the API serves: started, and not yet past the drain of a stop. */
    @Override
    public boolean getAsBoolean() {
        return !stopped && started();
    }

    /** The framework is stopping: health says so while the API still serves, until the drain is over. */
    public boolean draining() {
        return draining;
    }

    /** Whether everything installed at start has started (and stays so however modules come and go later). */
    public boolean started() {
        if (started) {
            return true;
        }
        long now = System.nanoTime();
        if (now - lookedAt < LOOK_NANOS) {
            return false;
        }
        lookedAt = now;
        List<String> starting = starting();
        if (starting.isEmpty()) {
            started = true;
        } else if (now - activatedAt > STARTUP_LIMIT_NANOS) {
            // A module that cannot start (its migration failed, say) must not keep the rest of the API closed:
            // health goes on naming it.
            LOG.warn("Still starting {} s after the platform: {}; the API serves without waiting for them any longer",
                    TimeUnit.NANOSECONDS.toSeconds(now - activatedAt), starting);
            started = true;
        }
        return started;
    }

    /**
     * What is still starting, by name: "framework" (start levels still being raised), "boot-features", Tessera bundles not yet active,
     * module bundles whose endpoints are not registered yet, API resources not served yet. Empty when
     * everything serves.
     */
    public List<String> starting() {
        List<String> starting = new ArrayList<>();
        // The framework is ACTIVE as soon as it starts raising its start level, bundle by bundle.
        if (activeStartLevel() < beginningStartLevel()) {
            starting.add("framework");
        }
        if (context.getServiceReference(BOOT_FINISHED) == null) {
            starting.add("boot-features");
        }
        starting.addAll(resourcesNotServedYet());
        starting.addAll(webNotServedYet());
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !name.startsWith("org.tesseracrm.") || b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (b.getState() != Bundle.ACTIVE) {
                if (b.getState() != Bundle.UNINSTALLED && meantToStart(b)) {
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
        JaxrsServiceRuntime jaxrs = runtime;
        if (jaxrs == null) {
            return List.of("api");
        }
        Set<Long> served = new HashSet<>();
        boolean applicationServed = false;
        for (ApplicationDTO application : jaxrs.getRuntimeDTO().applicationDTOs) {
            if (TesseraApi.APPLICATION_NAME.equals(application.name)) {
                applicationServed = true;
                for (org.osgi.service.jaxrs.runtime.dto.ResourceDTO resource : application.resourceDTOs) {
                    served.add(resource.serviceId);
                }
            }
        }
        List<String> waiting = new ArrayList<>();
        if (!applicationServed) {
            waiting.add("api");
        }
        for (ServiceReference<?> r : tesseraServicesNotIn(served, "(osgi.jaxrs.resource=true)")) {
            String[] types = (String[]) r.getProperty(Constants.OBJECTCLASS);
            waiting.add(types[0].substring(types[0].lastIndexOf('.') + 1));
        }
        return waiting;
    }

    /** Not stopped by an administrator, and at a start level the framework reaches. */
    private boolean meantToStart(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level == null || level.isPersistentlyStarted() && level.getStartLevel() <= beginningStartLevel();
    }

    private int activeStartLevel() {
        FrameworkStartLevel framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkStartLevel.class);
        return framework == null ? Integer.MAX_VALUE : framework.getStartLevel();
    }

    /**
     * The start level the framework is raised to when it starts (Karaf: 100). Karaf starts the
     * framework at level 1 and raises it itself, so the framework's own property says 1; the
     * configured level is the system property.
     */
    private int beginningStartLevel() {
        String beginning = System.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL,
                context.getProperty(Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
        try {
            return beginning == null ? 1 : Integer.parseInt(beginning.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * Servlets and static resources of Tessera's bundles (the web UI, the modules' screens) registered
     * with the web server but not deployed in it yet: their paths would answer 404 meanwhile.
     */
    private List<String> webNotServedYet() {
        HttpServiceRuntime http = web;
        if (http == null) {
            return List.of("web");
        }
        Set<Long> deployed = new HashSet<>();
        for (ServletContextDTO servletContext : http.getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : servletContext.servletDTOs) {
                deployed.add(servlet.serviceId);
            }
            for (org.osgi.service.http.runtime.dto.ResourceDTO resource : servletContext.resourceDTOs) {
                deployed.add(resource.serviceId);
            }
        }
        List<String> waiting = new ArrayList<>();
        for (ServiceReference<?> part : tesseraServicesNotIn(deployed, "(|(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN
                + "=*)(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_RESOURCE_PATTERN + "=*))")) {
            waiting.add(part.getBundle().getSymbolicName() + " web");
        }
        return waiting;
    }

    /** Services of Tessera's bundles matching {@code filter} whose ids a runtime does not list in {@code deployed}. */
    private List<ServiceReference<?>> tesseraServicesNotIn(Set<Long> deployed, String filter) {
        List<ServiceReference<?>> missing = new ArrayList<>();
        try {
            ServiceReference<?>[] services = context.getAllServiceReferences(null, filter);
            for (ServiceReference<?> s : services == null ? new ServiceReference<?>[0] : services) {
                Bundle owner = s.getBundle();
                if (owner != null && owner.getSymbolicName() != null && owner.getSymbolicName().startsWith("org.tesseracrm.")
                        && !deployed.contains((Long) s.getProperty(Constants.SERVICE_ID))) {
                    missing.add(s);
                }
            }
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        return missing;
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
}
