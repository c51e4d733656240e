package org.tesseracrm.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Closed-loop load from a fixed number of threads, bounded in requests and time, with latencies
 * recorded in HdrHistogram. Talks to 127.0.0.1 only.
 */
final class Load {
    private Load() {
    }

    /** One measured step: throughput and latency percentiles. */
    static final class Result {
        final String name;
        final long count;
        final double seconds;
        private final double p50Ms;
        private final double p99Ms;

        Result(String name, long count, double seconds, double p50Ms, double p99Ms) {
            this.name = name;
            this.count = count;
            this.seconds = seconds;
            this.p50Ms = p50Ms;
            this.p99Ms = p99Ms;
        }

        Result(String name, long count, double seconds, Histogram histogram) {
            this(name, count, seconds, histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0);
        }

        double perSecond() {
            return count / seconds;
        }

        double p50() {
            return p50Ms;
        }

        double p99() {
            return p99Ms;
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requests", count);
            m.put("seconds", round(seconds));
            m.put("perSecond", round(perSecond()));
            m.put("p50Ms", round(p50()));
            m.put("p99Ms", round(p99()));
            return m;
        }
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }

    /** An operation a worker repeats; its argument is a sequence number, it throws when the answer is wrong. */
    interface Operation {
        void run(int sequence) throws Exception;
    }

    /** Runs {@code op} from {@code threads} threads: first for {@code warmup}, then measured until {@code max} calls or {@code limit}. */
    static Result run(String name, int threads, Duration warmup, int max, Duration limit, Operation op) throws Exception {
        AtomicLong warmingSequence = new AtomicLong(1_000_000_000L);
        warmUp(warmup, chunk -> {
            long begin = System.nanoTime();
            long done = loop(threads, Integer.MAX_VALUE, chunk, op, null, warmingSequence);
            return done / ((System.nanoTime() - begin) / 1e9);
        });
        Recorder recorder = new Recorder(3);
        long begin = System.nanoTime();
        long count = loop(threads, max, limit, op, recorder, new AtomicLong());
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(name, count, seconds, recorder.getIntervalHistogram());
    }

    /** One warm-up run of the given length: its throughput. */
    interface WarmUpRun {
        double perSecond(Duration length) throws Exception;
    }

    /**
     * At least {@code warmup} of load, then on in 5-second steps until three steps in a row agree within
     * 3 % (up to six times {@code warmup}): on 2 cores the JIT takes about a minute of load to settle on
     * a deep request path (a create climbs from ~40 % to its steady rate), so a fixed short warm-up
     * measures the compiler, not the server.
     */
    static void warmUp(Duration warmup, WarmUpRun run) throws Exception {
        if (warmup.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + warmup.multipliedBy(6).toNanos();
        Duration chunk = warmup.compareTo(Duration.ofSeconds(5)) < 0 ? warmup : Duration.ofSeconds(5);
        long warmed = 0;
        List<Double> rates = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            rates.add(run.perSecond(chunk));
            warmed += chunk.toNanos();
            if (warmed >= warmup.toNanos() && settled(rates)) {
                return;
            }
        }
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

    private static long loop(int threads, int max, Duration limit, Operation op, Recorder recorder, AtomicLong sequence)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        long n = sequence.getAndIncrement();
                        if (n % 1_000_000_000L >= max) {
                            return null;
                        }
                        long start = System.nanoTime();
                        op.run((int) (n % 1_000_000_000L));
                        if (recorder != null) {
                            recorder.recordValue((System.nanoTime() - start) / 1000);
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get(limit.toMillis() + 60_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get();
    }

    /** An HTTP operation: a request per sequence number, answered with {@code status}. */
    static Operation http(HttpClient client, IntFunction<HttpRequest> request, int status) {
        return n -> {
            HttpResponse<byte[]> r = client.send(request.apply(n), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != status) {
                throw new IllegalStateException(r.statusCode() + " " + new String(r.body()));
            }
        };
    }
}
