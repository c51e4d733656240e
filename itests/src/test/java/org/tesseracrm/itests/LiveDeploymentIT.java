package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * Installing, removing, reinstalling and updating a module in a running server, as an administrator
 * does with {@code feature:install}/{@code feature:uninstall}/{@code bundle:update}, while a client
 * keeps working with another module: not one of its requests fails, the module's data outlives its
 * removal, and no bundle outside the module is stopped or refreshed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveDeploymentIT {
    private static final String FEATURE = "tessera-campaigns";
    private static final Set<String> MODULE_BUNDLES = Set.of("org.tesseracrm.campaigns", "org.tesseracrm.campaigns-api");
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    private BundleContext context;

    @Inject
    @Filter(timeout = 60000)
    private FeaturesService features;

    @Configuration
    public Option[] configuration() {
        // The sales edition, as a reseller ships it; campaigns come later, live.
        return TesseraDistribution.withFeatures("tessera-leads", "tessera-accounts", "tessera-contacts", "tessera-potentials");
    }

    @Test
    public void modulesComeAndGoWhileOthersKeepAnswering() throws Exception {
        Api api = Api.asAdmin();
        api.awaitReady("/api/v1/leads?limit=1", DEADLINE);
        assertEquals(404, api.get("/api/v1/campaigns").status);
        String tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = api.post("/api/v1/leads", Api.json(Map.of("lastName", "Liên tục " + tag))).json().get("id").asText();

        List<String> disturbed = new CopyOnWriteArrayList<>();
        BundleListener bundles = event -> {
            String name = event.getBundle().getSymbolicName();
            if (!MODULE_BUNDLES.contains(name) && (event.getType() == BundleEvent.STOPPED
                    || event.getType() == BundleEvent.UNRESOLVED || event.getType() == BundleEvent.UPDATED)) {
                disturbed.add(name + " " + event.getType());
            }
        };
        List<FrameworkEvent> refreshes = new CopyOnWriteArrayList<>();
        FrameworkListener framework = event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                refreshes.add(event);
            }
        };
        Map<Long, String> outsideTheModule = bundleStates();
        context.addBundleListener(bundles);
        context.addFrameworkListener(framework);
        SteadyLoop loop = new SteadyLoop(api, "/api/v1/leads/" + lead).start();
        try {
            long asked = System.nanoTime();
            features().installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
            long returned = System.nanoTime();
            long firstAnswer = awaitStatus(api, "/api/v1/campaigns?limit=1", 200);
            System.out.printf("LIVE-DEPLOY first feature:install took %d ms; from its return to the first 200 of /campaigns: %d ms%n",
                    (returned - asked) / 1_000_000, (firstAnswer - returned) / 1_000_000);
            assertTrue(moduleNames(api).contains("campaigns"));
            Api.Reply created = api.post("/api/v1/campaigns", Api.json(Map.of("name", "Live " + tag)));
            assertEquals(created.toString(), 201, created.status);
            String campaign = created.json().get("id").asText();

            features().uninstallFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
            awaitStatus(api, "/api/v1/campaigns/" + campaign, 404);
            assertFalse(moduleNames(api).contains("campaigns"));

            asked = System.nanoTime();
            features().installFeature(FEATURE, EnumSet.noneOf(FeaturesService.Option.class));
            returned = System.nanoTime();
            firstAnswer = awaitStatus(api, "/api/v1/campaigns/" + campaign, 200);
            System.out.printf("LIVE-DEPLOY reinstall: feature:install took %d ms; from its return to the first 200 of /campaigns: %d ms%n",
                    (returned - asked) / 1_000_000, (firstAnswer - returned) / 1_000_000);
            assertTrue(moduleNames(api).contains("campaigns"));
            assertEquals("the data outlived the module", "Live " + tag,
                    api.get("/api/v1/campaigns/" + campaign).json().get("name").asText());

            Bundle implementation = bundle("org.tesseracrm.campaigns");
            long before = implementation.getLastModified();
            // While the module is updated its clients hear "come back" (503 + Retry-After), never "gone" (404).
            java.util.Set<Integer> duringUpdate = java.util.concurrent.ConcurrentHashMap.newKeySet();
            java.util.concurrent.atomic.AtomicBoolean updating = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                while (updating.get()) {
                    Api.Reply r = api.get("/api/v1/campaigns/" + campaign);
                    boolean sayWhen = r.status != 503 || r.header("Retry-After") != null
                            && r.header("Content-Type").startsWith("application/problem+json");
                    duringUpdate.add(sayWhen ? r.status : -r.status); // -503: no Retry-After or no problem
                }
            });
            watcher.start();
            implementation.update();
            assertTrue(bundle("org.tesseracrm.campaigns").getLastModified() >= before);
            awaitStatus(api, "/api/v1/campaigns/" + campaign, 200);
            updating.set(false);
            watcher.join(30_000);
            System.out.printf("LIVE-DEPLOY answers while the module was updated: %s%n", duringUpdate);
            assertTrue("answers during bundle:update: " + duringUpdate, Set.of(200, 503).containsAll(duringUpdate));
            assertEquals(201, api.post("/api/v1/campaigns", Api.json(Map.of("name", "After update " + tag))).status);
        } finally {
            loop.stop();
            context.removeBundleListener(bundles);
            context.removeFrameworkListener(framework);
        }
        System.out.printf("LIVE-DEPLOY steady loop on /leads: %d requests, %d failed%n", loop.requests.get(), loop.failures.size());
        assertTrue("the loop ran throughout", loop.requests.get() > 20);
        assertEquals("failed requests to the untouched module: " + loop.failures, 0, loop.failures.size());
        assertEquals("bundles outside the module were disturbed: " + disturbed, List.of(), disturbed);
        assertEquals("bundles outside the module are the same bundles, in the same state",
                outsideTheModule, bundleStates());
        System.out.printf("LIVE-DEPLOY package refreshes (of the module's own bundles only): %d%n", refreshes.size());
    }

    /**
     * The features service as registered now. Karaf registers a new one when it reconfigures itself, and an
     * instance taken before that refuses work (its executor is shut down); the injected one only proves it started.
     */
    private FeaturesService features() {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            org.osgi.framework.ServiceReference<FeaturesService> reference = context.getServiceReference(FeaturesService.class);
            FeaturesService service = reference == null ? null : context.getService(reference);
            if (service != null) {
                return service;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no features service within " + DEADLINE);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    /** A module's timeline entries leave every record's timeline with the module and come back with it. */
    @Test
    public void activitiesLeaveAndRejoinTimelinesWithTheirModule() throws Exception {
        Api api = Api.asAdmin();
        api.awaitReady("/api/v1/accounts?limit=1", DEADLINE);
        features().installFeature("tessera-activities", EnumSet.noneOf(FeaturesService.Option.class));
        awaitStatus(api, "/api/v1/activities?limit=1", 200);
        String tag = "TL-" + UUID.randomUUID().toString().substring(0, 8);
        String account = api.post("/api/v1/accounts", Api.json(Map.of("name", "Dòng thời gian " + tag))).json().get("id").asText();
        Api.Reply call = api.post("/api/v1/activities", Api.json(Map.of("kind", "CALL", "subject", "Gọi " + tag,
                "relatedCollection", "accounts", "relatedId", account)));
        assertEquals(call.toString(), 201, call.status);
        String timeline = "/api/v1/accounts/" + account + "/timeline";
        assertTrue(kinds(api, timeline).contains("CALL"));

        features().uninstallFeature("tessera-activities", EnumSet.noneOf(FeaturesService.Option.class));
        awaitStatus(api, "/api/v1/activities?limit=1", 404);
        assertFalse("the call left the timeline with its module", kinds(api, timeline).contains("CALL"));
        assertTrue("the rest of the timeline stays", kinds(api, timeline).contains("HISTORY"));

        features().installFeature("tessera-activities", EnumSet.noneOf(FeaturesService.Option.class));
        awaitStatus(api, "/api/v1/activities?limit=1", 200);
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!kinds(api, timeline).contains("CALL") && System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
        }
        assertTrue("the call came back with its module", kinds(api, timeline).contains("CALL"));
    }

    private static List<String> kinds(Api api, String timeline) {
        List<String> kinds = new ArrayList<>();
        api.get(timeline).json().get("items").forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }

    /** Id → name and state of every bundle that is not the module's. */
    private Map<Long, String> bundleStates() {
        Map<Long, String> states = new java.util.TreeMap<>();
        for (Bundle b : context.getBundles()) {
            if (!MODULE_BUNDLES.contains(b.getSymbolicName())) {
                states.put(b.getBundleId(), b.getSymbolicName() + " " + b.getState());
            }
        }
        return states;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static List<String> moduleNames(Api api) {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/modules").json().get("items").forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    /** Waits until {@code path} answers {@code status}; returns when (System.nanoTime). */
    private static long awaitStatus(Api api, String path, int status) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            Api.Reply r = api.get(path);
            if (r.status == status) {
                return System.nanoTime();
            }
            last = r.toString();
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        throw new AssertionError(path + " did not answer " + status + " within " + DEADLINE + ": " + last);
    }
}
