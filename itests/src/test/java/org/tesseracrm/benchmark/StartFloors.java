package org.tesseracrm.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the fixed stack itself costs to start on this machine, measured from the same distribution
 * with fewer boot features: the floor under Tessera's own start and memory figures. Each layer is
 * started fresh (first boot) and once more (restart), timed from {@code bin/start} to its first real
 * answer; its resident memory is read as the benchmark reads Tessera's, 5 s after the first boot.
 */
final class StartFloors {
    /** The stack's pieces the platform stands on (the tessera-platform feature's own dependencies). */
    private static final List<String> INFRASTRUCTURE = List.of("scr", "aries-jax-rs-whiteboard",
            "aries-jax-rs-whiteboard-jackson", "transaction", "jpa", "eclipselink");

    static final class Layer {
        final String key;
        final String what;
        /** The boot features, from the shipped ones. */
        final Function<List<String>, List<String>> features;
        final String probe;
        final BiPredicate<Integer, String> served;

        Layer(String key, String what, Function<List<String>, List<String>> features, String probe,
                BiPredicate<Integer, String> served) {
            this.key = key;
            this.what = what;
            this.features = features;
            this.probe = probe;
            this.served = served;
        }
    }

    static final List<Layer> LAYERS = List.of(
            new Layer("karaf", "Karaf's framework and Pax Web's Jetty, nothing else (any HTTP answer)",
                    shipped -> List.of(named(shipped, "framework"), "http"), "/", (status, body) -> status > 0),
            new Layer("stack", "Karaf's boot features, Aries JAX-RS (CXF, Jackson), JTA, JPA (EclipseLink), the H2 pool: no Tessera"
                    + " bundle (first answer of the JAX-RS whiteboard)",
                    shipped -> {
                        List<String> boot = shipped.stream().filter(f -> !f.startsWith("tessera-")).collect(Collectors.toList());
                        boot.addAll(INFRASTRUCTURE);
                        boot.add(named(shipped, "tessera-datasource-h2"));
                        return boot;
                    },
                    // the whiteboard's default application, moved off "/" by the shipped configuration
                    "/api/default/", (status, body) -> status == 404 && body.contains("No service was found")),
            new Layer("platform", "the same with Tessera's platform, no module and no web UI (first 200 of /api/v1/health)",
                    shipped -> shipped.stream().filter(f -> !f.startsWith("tessera-") || f.startsWith("tessera-platform/")
                            || f.startsWith("tessera-datasource-h2/")).collect(Collectors.toList()),
                    "/api/v1/health", (status, body) -> status == 200));

    private StartFloors() {
    }

    private static String named(List<String> shipped, String name) {
        return shipped.stream().filter(f -> f.equals(name) || f.startsWith(name + "/")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the distribution boots no " + name + ": " + shipped));
    }

    /** Measures the layers named in {@code keys}; returns per layer {firstBootMs, restartMs, idleRssMiB}. */
    static Map<String, long[]> measure(Path distribution, Path work, List<String> keys) throws Exception {
        Map<String, long[]> figures = new LinkedHashMap<>();
        for (Layer layer : LAYERS) {
            if (!keys.contains(layer.key)) {
                continue;
            }
            Server server = Server.unpack(distribution, work.resolve("floor-" + layer.key), Server.freePort());
            server.bootFeatures(new ArrayList<>(layer.features.apply(server.bootFeatures())));
            try {
                long firstBoot = server.startUntil(layer.probe, layer.served);
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
                long idleRss = server.rssMiB();
                server.stop();
                long restart = server.startUntil(layer.probe, layer.served);
                figures.put(layer.key, new long[] {firstBoot, restart, idleRss});
            } finally {
                if (server.process().isPresent()) {
                    server.stop();
                }
            }
        }
        return figures;
    }
}
