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
 * GET throughput driven by wrk (Debian's package, see {@link DebianPackage}): an established load tool
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

    /**
     * Warms the server up: at least {@code warmup}, then on in 5-second steps until three steps in a
     * row agree within 3 % (up to six times {@code warmup}): on 2 cores the JIT takes about a minute of
     * load to settle on a deep request path, climbing in steps. Then measures for {@code step}.
     */
    Load.Result run(String name, URI uri, Map<String, String> headers, int connections, Duration warmup, Duration step)
            throws IOException, InterruptedException {
        if (!warmup.isZero()) {
            long deadline = System.nanoTime() + warmup.multipliedBy(6).toNanos();
            Duration chunk = warmup.compareTo(Duration.ofSeconds(5)) < 0 ? warmup : Duration.ofSeconds(5);
            long warmed = 0;
            List<Double> rates = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                rates.add(once(name, uri, headers, connections, chunk).perSecond());
                warmed += chunk.toNanos();
                if (warmed >= warmup.toNanos() && settled(rates)) {
                    break;
                }
            }
        }
        return once(name, uri, headers, connections, step);
    }

    /** The last three rates lie within 3 % of each other. */
    private static boolean settled(List<Double> rates) {
        if (rates.size() < 3) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - 3, rates.size());
        double min = last.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = last.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return max <= min * 1.03;
    }

    private Load.Result once(String name, URI uri, Map<String, String> headers, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-t", "2", "-c", String.valueOf(connections),
                "-d", Math.max(1, duration.toSeconds()) + "s", "--latency", "--timeout", "10s"));
        headers.forEach((header, value) -> {
            command.add("-H");
            command.add(header + ": " + value);
        });
        command.add(uri.toString());
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
