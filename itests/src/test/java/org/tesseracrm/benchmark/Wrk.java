package org.tesseracrm.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP throughput driven by wrk (Debian's package, see {@link DebianPackage}): an established load tool
 * in C whose own CPU on this 2-core machine is a fraction of a JVM client's, so the server and nginx
 * are measured, not the client. Two threads, {@code connections} keep-alive connections, latency
 * percentiles from its {@code --latency} table; any error or non-2xx answer fails the figure.
 */
final class Wrk {
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.0+)?%\\s+([\\d.]+)(us|ms|s|m)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final Path program;
    final String version;
    /** wrk runs so far: a script's argument, so that no two runs make the same request. */
    private int runs;

    private Wrk(Path program, String version) {
        this.program = program;
        this.version = version;
    }

    static Wrk find(Path dir) throws DebianPackage.Unavailable, IOException, InterruptedException {
        Path program = DebianPackage.program(dir, "wrk", "usr/bin/wrk", "libluajit-5.1-2");
        Process p = start(program, List.of("-v"));
        String banner = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("wrk (\\S+)").matcher(banner);
        return new Wrk(program, m.find() ? m.group(1) : "?");
    }

    /** Warms the server up ({@link Load#warmUp}), then measures for {@code step}. */
    Load.Result run(String name, URI uri, Map<String, String> headers, int connections, Duration warmup, Duration step)
            throws Exception {
        return run(name, uri, headers, null, connections, warmup, step);
    }

    /**
     * As {@link #run(String, URI, Map, int, Duration, Duration)}, each request made by the Lua
     * {@code script} (wrk's {@code -s}), which is given a run number as its argument so that no two
     * runs make the same request.
     */
    Load.Result run(String name, URI uri, Map<String, String> headers, Path script, int connections, Duration warmup, Duration step)
            throws Exception {
        return warmedUp(name, uri, headers, script, 2, connections, warmup, step);
    }

    /**
     * As {@link #run(String, URI, Map, Path, int, Duration, Duration)} with one connection per wrk
     * thread, so that a script's state (a thread's Lua globals) is one connection's: its next request
     * may depend on the answer to its last (an update sent with the ETag the last one answered).
     */
    Load.Result runPerConnection(String name, URI uri, Map<String, String> headers, Path script, int connections, Duration warmup,
            Duration step) throws Exception {
        return warmedUp(name, uri, headers, script, connections, connections, warmup, step);
    }

    private Load.Result warmedUp(String name, URI uri, Map<String, String> headers, Path script, int threads, int connections,
            Duration warmup, Duration step) throws Exception {
        Load.warmUp(warmup, chunk -> once(name, uri, headers, script, threads, connections, chunk).perSecond());
        return once(name, uri, headers, script, threads, connections, step);
    }

    private Load.Result once(String name, URI uri, Map<String, String> headers, Path script, int threads, int connections,
            Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-t", String.valueOf(threads), "-c", String.valueOf(connections),
                "-d", Math.max(1, duration.toSeconds()) + "s", "--latency", "--timeout", "10s"));
        headers.forEach((header, value) -> {
            command.add("-H");
            command.add(header + ": " + value);
        });
        if (script != null) {
            command.add("-s");
            command.add(script.toString());
        }
        command.add(uri.toString());
        if (script != null) {
            command.add("--");
            command.add(String.valueOf(++runs));
        }
        Process p = start(program, command);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk failed for " + name + ": " + out);
        }
        Matcher errors = SOCKET_ERRORS.matcher(out);
        Matcher non2xx = NON_2XX.matcher(out);
        if (errors.find() || non2xx.find()) {
            throw new IllegalStateException(name + ": wrk saw errors or answers other than 2xx/3xx: " + out);
        }
        Matcher total = TOTAL.matcher(out);
        if (!total.find()) {
            throw new IllegalStateException("no total in wrk's output: " + out);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(out);
        while (percentile.find()) {
            double ms = millis(percentile.group(2), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        return new Load.Result(name, Long.parseLong(total.group(1)), millis(total.group(2), total.group(3)) / 1000, p50, p99);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        switch (unit) {
            case "us":
                return v / 1000;
            case "ms":
                return v;
            case "s":
                return v * 1000;
            default:
                return v * 60_000;
        }
    }

    private static Process start(Path program, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LD_LIBRARY_PATH", DebianPackage.libraryPath(program));
        return builder.start();
    }
}
