package org.tesseracrm.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A client that keeps asking while the server starts or stops, and what it was told. A server that
 * is not there refuses the connection; one that is starting or stopping says so — 503 problem+json
 * with Retry-After (health: its own 503 naming what it waits for; the web UI: a page saying so) —
 * and never that a path it serves does not exist (404), nor with the web server's error page.
 */
final class ClientsDuringRestart implements AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Queue<String> wrong = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger wrongCount = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, Integer> seen = new TreeMap<>();
    private final Thread client;

    /** Starts asking for {@code paths} (under {@code base}, as {@code authorization}) in turn, every few milliseconds. */
    ClientsDuringRestart(String base, String authorization, List<String> paths) {
        client = new Thread(() -> {
            while (running.get()) {
                for (String path : paths) {
                    ask(base + path, authorization);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }, "client during restart");
        client.setDaemon(true);
        client.start();
    }

    private void ask(String url, String authorization) {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            count(url + " -> no connection"); // not listening (yet, any more): the client knows to try elsewhere
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int status = answer.statusCode();
        String type = answer.headers().firstValue("Content-Type").orElse("");
        count(url + " -> " + status + " " + type);
        boolean health = url.endsWith("/health");
        boolean comeBack = status == 503 && answer.headers().firstValue("Retry-After").isPresent();
        boolean fine = status == 200
                || comeBack && (url.contains("/api/") ? type.startsWith("application/problem+json") : type.startsWith("text/html"))
                || status == 503 && health && type.startsWith("application/json");
        if (!fine && wrongCount.incrementAndGet() <= 10) {
            wrong.add(Instant.now() + " " + url + " -> " + status + " " + type + " " + answer.body().replaceAll("\\s+", " "));
        }
    }

    private synchronized void count(String kind) {
        seen.merge(kind, 1, Integer::sum);
    }

    /** How many answers broke the rule. */
    int wrongAnswers() {
        return wrongCount.get();
    }

    /** The first ten answers that broke the rule, with when. */
    List<String> firstWrongAnswers() {
        return List.copyOf(wrong);
    }

    /** How often each kind of answer came, for the test's output. */
    synchronized String summary() {
        return seen.toString();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        client.join(TimeUnit.SECONDS.toMillis(30));
    }
}
