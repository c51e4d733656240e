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
        if (!warmup.isZero()) {
            loop(threads, Integer.MAX_VALUE, warmup, op, null, new AtomicLong(1_000_000_000L));
        }
        Recorder recorder = new Recorder(3);
        long begin = System.nanoTime();
        long count = loop(threads, max, limit, op, recorder, new AtomicLong());
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(name, count, seconds, recorder.getIntervalHistogram());
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
