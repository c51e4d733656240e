package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.After;
import org.junit.Assume;
import org.junit.Test;
import org.tesseracrm.benchmark.Server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A 2xx is a promise: a burst of creates from 8 clients, the server's JVM killed with SIGKILL in the
 * middle of it, a restart; every lead that was answered 201 is there, the server is healthy, and a
 * create whose answer was lost in the crash can be retried with its Idempotency-Key at once. A client
 * asking throughout the restart and the final stop is told to come back (503), never "not found".
 * On the shipped embedded H2 and on PostgreSQL (when one answers on 127.0.0.1:5432).
 */
public class CrashIT {
    private static final int CLIENTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Server server;

    @After
    public void stopServer() throws Exception {
        if (server != null && server.process().isPresent()) {
            server.stop();
        }
    }

    @Test
    public void acknowledgedCreatesSurviveKillMinus9OnH2() throws Exception {
        server = Server.unpack(distribution(), Path.of("target/crash-h2"), TesseraDistribution.freePort());
        for (int round = 1; round <= 2; round++) {
            crashRound("h2", round);
        }
    }

    @Test
    public void acknowledgedCreatesSurviveKillMinus9OnPostgres() throws Exception {
        Assume.assumeTrue("no PostgreSQL server on 127.0.0.1:5432", TesseraDistribution.postgresReachable());
        String db = "tessera_it_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(TesseraDistribution.POSTGRES_URL + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        server = Server.unpack(distribution(), Path.of("target/crash-postgresql"), TesseraDistribution.freePort());
        // the shipped advice for PostgreSQL bounds lock waits (10 s); 3 s here keeps the test short
        server.configurePostgres(TesseraDistribution.POSTGRES_URL + db + "?options=-c%20lock_timeout=3s");
        crashRound("postgresql", 1);
        aHeldLockIsA503ToSendAgain(db);
    }

    @Test
    public void anImportKilledMidwayLeavesWholeBatchesAndGoesOnWithoutDuplicates() throws Exception {
        server = Server.unpack(distribution(), Path.of("target/crash-import"), TesseraDistribution.freePort());
        server.start();
        int rows = 20_000;
        StringBuilder file = new StringBuilder("Họ;Công ty;Email\r\n");
        for (int i = 0; i < rows; i++) {
            file.append("Nhập ").append(i).append(";Công ty Nhập ").append(i).append(";nhap").append(i).append("@example.vn\r\n");
        }
        org.tesseracrm.benchmark.Multipart upload = new org.tesseracrm.benchmark.Multipart(java.util.Map.of("collection", "leads"),
                "file", "nhap.csv", "text/csv", file.toString().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/imports"))
                .timeout(Duration.ofSeconds(60)).header("Authorization", server.authorization())
                .header("Content-Type", upload.contentType()).POST(upload.publisher()).build());
        assertEquals(started.body(), 202, started.statusCode());
        String id = JSON.readTree(started.body()).get("id").asText();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int before = 0;
        while (before < 1000 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            before = JSON.readTree(get("/api/v1/imports/" + id).body()).path("created").asInt();
        }
        assertTrue("the import was under way: " + before, before >= 1000 && before < rows);
        ProcessHandle jvm = server.process().orElseThrow();
        jvm.destroyForcibly(); // SIGKILL, mid-import
        jvm.onExit().get(30, TimeUnit.SECONDS);

        server.start();
        JsonNode interrupted = JSON.readTree(get("/api/v1/imports/" + id).body());
        assertEquals(interrupted.toString(), "INTERRUPTED", interrupted.get("state").asText());
        int landed = interrupted.get("created").asInt();
        System.out.println("CrashIT import: " + before + " rows counted before kill -9, " + landed + " landed (whole batches), "
                + (rows - landed) + " left for the second run");
        assertEquals("whole batches of 1,000 landed: " + interrupted, 0, landed % 1000);
        // at most the batch being written when killed is missing (H2 shows a commit to other sessions a moment before its file holds it)
        assertTrue("every batch but the last one seen landed: " + before + " seen, " + landed + " landed", landed >= before - 1000);
        assertEquals("the job knows every lead that landed", landed, leadCount());

        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/imports/" + id + "/run"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", server.authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertTrue(again.body(), again.statusCode() < 300);
        JsonNode done = null;
        for (long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(180); System.nanoTime() < stop;) {
            done = JSON.readTree(get("/api/v1/imports/" + id).body());
            if (!List.of("RUNNING", "QUEUED").contains(done.get("state").asText())) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        assertEquals(done.toString(), "DONE", done.get("state").asText());
        assertEquals(done.toString(), rows, done.get("created").asInt());
        assertEquals("each row once, none twice", rows, leadCount());
        server.stop();
    }

    private int leadCount() throws IOException {
        return JSON.readTree(get("/api/v1/leads/count").body()).get("count").asInt();
    }

    private void crashRound(String database, int round) throws Exception {
        server.start();
        if (round == 2) {
            // A module an administrator stopped stays stopped after the restart, and the API does not wait for it.
            server.shell("bundle:stop org.tesseracrm.campaigns");
        }
        Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        Queue<String[]> unanswered = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    String key = UUID.randomUUID().toString();
                    String body = "{\"lastName\":\"Crash " + round + "-" + sent.incrementAndGet() + "\",\"company\":\"Kill Nine JSC\"}";
                    try {
                        HttpResponse<String> r = create(key, body);
                        if (r.statusCode() == 201) {
                            acknowledged.add(JSON.readTree(r.body()).path("id").asText());
                        } else if (killed.get()) {
                            return;
                        }
                    } catch (IOException e) {
                        if (killed.get()) {
                            unanswered.add(new String[] {key, body});
                            return;
                        }
                    }
                }
                return;
            });
        }
        // Kill somewhere in the middle of the burst, while every client has a request in flight.
        int killAt = 300 + ThreadLocalRandom.current().nextInt(300);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < killAt && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        ProcessHandle jvm = server.process().orElseThrow();
        killed.set(true);
        jvm.destroyForcibly(); // SIGKILL
        jvm.onExit().get(30, TimeUnit.SECONDS);
        int answered = acknowledged.size();
        clients.shutdown();
        assertTrue("the clients stop when the server is gone", clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue("creates were answered before the kill: " + answered, answered >= killAt);

        String someLead = acknowledged.peek();
        ClientsDuringRestart starting = new ClientsDuringRestart(server.base(), server.authorization(),
                List.of("/api/v1/leads/" + someLead, "/api/v1/leads?limit=1", "/api/v1/health", "/"));
        server.start();
        List<String> lost = new ArrayList<>();
        for (String id : acknowledged) {
            HttpResponse<String> read = get("/api/v1/leads/" + id);
            if (read.statusCode() != 200) {
                lost.add(id + " (" + read.statusCode() + " " + read.body() + " at " + java.time.Instant.now() + ")");
            }
        }
        // the last platform resources may join the API a moment after the leads answer: health names them until then
        HttpResponse<String> health = Await.until(Duration.ofSeconds(30), () -> {
            try {
                return get("/api/v1/health");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, answer -> answer.statusCode() == 200);
        assertEquals(health.body(), 200, health.statusCode());
        starting.close();
        System.out.println("CrashIT " + database + " round " + round + ": answers while starting " + starting.summary());
        assertEquals("a starting server tells its clients to come back, never that what it serves is not found: "
                + starting.firstWrongAnswers(), 0, starting.wrongAnswers());
        // A create whose answer the crash swallowed is retried with its key: done once, not refused as "still running".
        int retried = 0;
        for (String[] request : unanswered) {
            HttpResponse<String> retry = createAsAClientWould(request[0], request[1]);
            assertEquals("retry of " + request[0] + ": " + retry.body(), 201, retry.statusCode());
            retried++;
        }
        System.out.println("CrashIT " + database + " round " + round + ": " + acknowledged.size()
                + " creates answered 201 before kill -9, " + lost.size() + " of them missing after the restart; "
                + retried + " unanswered creates retried with their Idempotency-Key");
        assertEquals("acknowledged creates lost in the crash", List.of(), lost);
        // The restarted server stays up: its transaction manager starts once, not again seconds later when its
        // configuration arrives (which took the DataSource and every module away for a while after each start).
        java.util.regex.Pattern lostManager = java.util.regex.Pattern.compile("(TransactionManager service lost)");
        int stops = (int) lostManager.matcher(Files.readString(server.home().resolve("data/log/karaf.log"))).results().count();
        try {
            server.awaitLog(lostManager, stops + 1, Duration.ofSeconds(10));
            fail("the transaction manager was restarted while the server ran after the crash");
        } catch (IllegalStateException stayedUp) {
            assertEquals(200, get("/api/v1/health").statusCode());
        }
        ClientsDuringRestart stopping = new ClientsDuringRestart(server.base(), server.authorization(),
                List.of("/api/v1/leads/" + someLead, "/api/v1/leads?limit=1", "/api/v1/health", "/"));
        server.stop();
        stopping.close();
        System.out.println("CrashIT " + database + " round " + round + ": answers while stopping " + stopping.summary());
        assertEquals("a stopping server tells its clients to come back, never that what it serves is not found: "
                + stopping.firstWrongAnswers(), 0, stopping.wrongAnswers());
    }

    /**
     * A create sent again while the database answers it is busy (503 with Retry-After: the database undid
     * it), for up to 30 s; the busy answers are reported, as the server's log names what held the database.
     */
    private HttpResponse<String> createAsAClientWould(String key, String body) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        HttpResponse<String> answer = create(key, body);
        while (answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent() && System.nanoTime() < deadline) {
            System.out.println("CrashIT: " + key + " answered 503 " + answer.body() + "; sent again after Retry-After");
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(Long.parseLong(answer.headers().firstValue("Retry-After").get())));
            answer = create(key, body);
        }
        return answer;
    }

    /**
     * A request that waits for a row another transaction holds past the database's lock timeout is a
     * 503 with Retry-After that wrote nothing (not a 500, not a wait as long as the other transaction),
     * the log names who held it, and the same request with the same key succeeds once the row is free.
     */
    private void aHeldLockIsA503ToSendAgain(String db) throws Exception {
        server.start();
        int before = leadCount();
        String key = UUID.randomUUID().toString();
        String body = "{\"lastName\":\"Chờ Khóa\",\"company\":\"Lock Wait JSC\"}";
        try (Connection holder = DriverManager.getConnection(TesseraDistribution.POSTGRES_URL + db, "postgres", "");
                Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.executeQuery("SELECT last_value FROM tessera_number_sequence WHERE prefix = 'LEA' FOR UPDATE").close();
            HttpResponse<String> busy = create(key, body);
            assertEquals(busy.body(), 503, busy.statusCode());
            assertEquals("1", busy.headers().firstValue("Retry-After").orElse(null));
            assertTrue(busy.headers().firstValue("Content-Type").orElse(""), busy.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(busy.body(), "database-busy", JSON.readTree(busy.body()).path("type").asText().replaceAll(".*/", ""));
            holder.rollback();
        }
        assertEquals("the busy create wrote nothing", before, leadCount());
        HttpResponse<String> again = create(key, body);
        assertEquals(again.body(), 201, again.statusCode());
        assertEquals(before + 1, leadCount());
        String log = Files.readString(server.home().resolve("data/log/karaf.log"));
        assertTrue("the log names the session that held the row", log.contains("the database was busy") && log.contains("FOR UPDATE"));
        server.stop();
    }

    private HttpResponse<String> create(String key, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + "/api/v1/leads"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", server.authorization()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return send(request);
    }

    private HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", server.authorization()).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Path distribution() {
        return Path.of(System.getProperty("tessera.distribution"));
    }
}
