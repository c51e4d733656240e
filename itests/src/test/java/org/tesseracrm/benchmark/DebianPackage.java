package org.tesseracrm.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program the benchmark needs from Debian's packages (nginx, wrk): the system's when installed;
 * otherwise its package, and the packages of libraries it needs, fetched with {@code apt-get download}
 * and unpacked under the benchmark's folder ({@code dpkg -x}: no maintainer scripts, no service left
 * running, no root needed).
 */
final class DebianPackage {
    private DebianPackage() {
    }

    /** Why a program could not be had on this machine (then the benchmark says so and goes on). */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    /** The program at {@code file} (e.g. usr/bin/wrk) of package {@code name}, with {@code libraries} unpacked beside it. */
    static Path program(Path dir, String name, String file, String... libraries) throws Unavailable, IOException,
            InterruptedException {
        Path system = Path.of("/").resolve(file);
        if (Files.isExecutable(system)) {
            return system;
        }
        Path unpacked = dir.resolve("package").resolve(file);
        if (Files.isExecutable(unpacked)) {
            return unpacked;
        }
        Files.createDirectories(dir);
        for (String pkg : concat(name, libraries)) {
            run(dir, List.of("apt-get", "download", "-q", pkg));
            try (var debs = Files.list(dir)) {
                Path deb = debs.filter(p -> p.getFileName().toString().startsWith(pkg + "_") && p.toString().endsWith(".deb"))
                        .findFirst().orElseThrow(() -> new Unavailable("apt-get download " + pkg + " gave no package"));
                run(dir, List.of("dpkg", "-x", deb.getFileName().toString(), "package"));
            }
        }
        if (!Files.isExecutable(unpacked)) {
            throw new Unavailable("the " + name + " package holds no " + file);
        }
        return unpacked;
    }

    /** Where unpacked libraries are, for LD_LIBRARY_PATH (a system program finds its own). */
    static String libraryPath(Path program) {
        Path root = program.getParent().getParent().getParent(); // …/package/usr/bin/x → …/package
        return root.resolve("usr/lib/x86_64-linux-gnu") + ":" + root.resolve("lib/x86_64-linux-gnu") + ":"
                + root.resolve("usr/lib");
    }

    private static List<String> concat(String name, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(name));
        all.addAll(List.of(more));
        return all;
    }

    private static void run(Path dir, List<String> command) throws Unavailable, IOException, InterruptedException {
        Process p;
        Path log = dir.resolve(command.get(0) + ".out");
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new Unavailable(command.get(0) + " is not available: " + e.getMessage());
        }
        boolean ended = p.waitFor(2, TimeUnit.MINUTES); // a machine without its package mirror gives up, not hangs
        if (!ended || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new Unavailable(String.join(" ", command) + (ended ? " failed: " + Files.readString(log).strip() : " took over 2 minutes"));
        }
    }
}
