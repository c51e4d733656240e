package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;
import org.tesseracrm.benchmark.Server;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two Tessera nodes on one PostgreSQL database, started together as an operator would behind a load
 * balancer: what one node commits the other serves from its next request (a change, a delete, a
 * search), a session and an API token made on one work on the other and end on both, a reminder
 * due fires once, a webhook gets each event once, and a module removed or installed on one node is
 * removed or installed on the other (tessera-cluster, installed on each node as the README says).
 */
public class ClusterIT {
    private static final String PASSWORD = "Cluster-pass-7!";
    private static Server a;
    private static Server b;
    private static Api onA;
    private static Api onB;

    @BeforeClass
    public static void startTwoNodes() throws Exception {
        Assume.assumeTrue("no PostgreSQL server on 127.0.0.1:5432", TesseraDistribution.postgresReachable());
        String db = "tessera_it_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = DriverManager.getConnection(TesseraDistribution.POSTGRES_URL + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        a = node("a", db);
        b = node("b", db);
        // both at once on the empty database: their migrations take turns
        CompletableFuture<Long> startA = CompletableFuture.supplyAsync(() -> start(a));
        CompletableFuture<Long> startB = CompletableFuture.supplyAsync(() -> start(b));
        startA.join();
        startB.join();
        onA = Api.at(a.base(), a.authorization());
        onB = Api.at(b.base(), b.authorization());
        onA.awaitReady("/api/v1/health", Duration.ofSeconds(90));
        onB.awaitReady("/api/v1/health", Duration.ofSeconds(90));
    }

    private static Server node(String name, String db) throws Exception {
        Server node = Server.unpack(Path.of(System.getProperty("tessera.distribution")), Path.of("target/cluster-" + name),
                TesseraDistribution.freePort());
        node.configurePostgres(TesseraDistribution.POSTGRES_URL + db);
        Files.writeString(node.home().resolve("etc/org.tesseracrm.webhooks.cfg"), "allowPrivateNetworks = true\npollMillis = 200\n");
        // a cluster group of this test's own, which no other Tessera on this machine joins
        Path hazelcast = node.home().resolve("etc/hazelcast.xml");
        Files.writeString(hazelcast, Files.readString(hazelcast).replace("<name>tessera</name>", "<name>" + db + "</name>"));
        return node;
    }

    private static long start(Server node) {
        try {
            return node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        for (Server node : new Server[] { a, b }) {
            if (node != null) {
                node.stop();
            }
        }
    }

    private static String lead(Api on, String lastName) {
        Api.Reply created = on.post("/api/v1/leads?createAnyway=true", Api.json(Map.of("lastName", lastName, "company", "Cụm " + lastName)));
        assertEquals(created.toString(), 201, created.status);
        return created.json().path("id").asText();
    }

    @Test
    public void aChangeAndADeleteOnOneNodeAreSeenOnTheOtherAtOnce() {
        String word = "hainut" + Long.toString(System.nanoTime(), 36);
        String id = lead(onA, "Hai nút " + word);
        Api.Reply first = onB.get("/api/v1/leads/" + id);
        assertEquals(200, first.status);
        assertEquals(1, onB.get("/api/v1/leads?q=" + word).json().path("items").size()); // B has it in its cache now
        for (int round = 1; round <= 5; round++) {
            String etag = onA.get("/api/v1/leads/" + id).header("ETag");
            Api.Reply changed = onA.patch("/api/v1/leads/" + id, Api.json(Map.of("title", "Lần " + round)), etag);
            assertEquals(changed.toString(), 200, changed.status);
            Api.Reply seen = onB.get("/api/v1/leads/" + id);
            assertEquals("B serves A's change at once", "Lần " + round, seen.json().path("title").asText());
            assertEquals(changed.header("ETag"), seen.header("ETag"));
            assertEquals("B's lists too", "Lần " + round, onB.get("/api/v1/leads?q=" + word).json().path("items").path(0).path("title").asText());
            // and B's own change is seen by A, with the version A's cache never had
            Api.Reply back = onB.patch("/api/v1/leads/" + id, Api.json(Map.of("title", "B " + round)), seen.header("ETag"));
            assertEquals(back.toString(), 200, back.status);
            assertEquals("B " + round, onA.get("/api/v1/leads/" + id).json().path("title").asText());
        }
        assertEquals(204, onA.delete("/api/v1/leads/" + id, "*").status);
        assertEquals("B answers 404 for what A deleted", 404, onB.get("/api/v1/leads/" + id).status);
        assertEquals("and lists it no more", 0, onB.get("/api/v1/leads?q=" + word).json().path("items").size());
    }

    @Test
    public void aRecordMadeOnOneNodeIsFoundByQOnTheOther() {
        String word = "cumtim" + Long.toString(System.nanoTime(), 36);
        String id = lead(onA, "Tìm " + word);
        JsonNode found = onB.get("/api/v1/leads?q=" + word).json().path("items");
        assertEquals(found.toString(), 1, found.size());
        assertEquals(id, found.get(0).path("id").asText());
        // accent-insensitive, as on one node
        assertEquals(1, onB.get("/api/v1/leads?q=tim%20" + word).json().path("items").size());
    }

    @Test
    public void aSessionOpenedOnOneNodeWorksOnTheOtherAndASignOutEndsItOnBoth() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/v1/session"))
                .header("Content-Type", "application/json").header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(Map.of("user", "admin", "password", Server.PASSWORD)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(signedIn.body(), 200, signedIn.statusCode());
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpRequest onBWithCookie = HttpRequest.newBuilder(URI.create(b.base() + "/api/v1/leads?limit=1")).header("Cookie", cookie)
                .header("X-Requested-With", "fetch").GET().build();
        assertEquals(200, http.send(onBWithCookie, HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(a.base() + "/api/v1/session")).header("Cookie", cookie)
                .header("X-Requested-With", "fetch").DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, out.statusCode());
        // the node remembers a session for a second; the rest is this machine's scheduling under load
        int onBAfter = Await.until(Duration.ofSeconds(3), () -> {
            try {
                return http.send(onBWithCookie, HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, status -> status == 401);
        assertEquals("the sign-out holds on B within a second", 401, onBAfter);
    }

    @Test
    public void aTokenRevokedOnOneNodeStopsWorkingOnTheOtherWithinASecond() throws Exception {
        Api.Reply made = onA.post("/api/v1/tokens", Api.json(Map.of("name", "Cụm " + UUID.randomUUID())));
        assertEquals(made.toString(), 201, made.status);
        Api withToken = onB.withToken(made.json().path("token").asText());
        assertEquals(200, withToken.get("/api/v1/leads?limit=1").status);
        assertEquals(204, onA.delete("/api/v1/tokens/" + made.json().path("id").asText(), null).status);
        assertEquals("the revocation holds on B within a second", 401,
                Await.until(Duration.ofSeconds(3), () -> withToken.get("/api/v1/leads?limit=1").status, status -> status == 401).intValue());
    }

    @Test
    public void aReminderDueFiresOnceWithTwoNodesLooking() throws Exception {
        String due = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        Api.Reply task = onA.post("/api/v1/activities", Api.json(Map.of("kind", "TASK", "subject", "Nhắc " + UUID.randomUUID(),
                "dueAt", due, "reminderMinutes", 5)));
        assertEquals(task.toString(), 201, task.status);
        String id = task.json().path("id").asText();
        assertTrue("the reminder fired", Await.until(Duration.ofSeconds(20), () -> reminders(id), n -> n > 0) > 0);
        // A second reminder could only come from a second claim, which the claimed row refuses; both nodes look
        // again for due reminders several times (every second) in this window: a second one ends the wait at once.
        assertEquals("a reminder fires once", 1, (int) Await.until(Duration.ofSeconds(4), () -> reminders(id), n -> n > 1));
    }

    @Test
    public void aModuleRemovedOrInstalledOnOneNodeIsRemovedOrInstalledOnTheOther() throws Exception {
        Api.Reply campaign = onA.post("/api/v1/campaigns", Api.json(Map.of("name", "Cụm " + UUID.randomUUID())));
        assertEquals(campaign.toString(), 201, campaign.status);
        String id = campaign.json().path("id").asText();
        for (Server node : new Server[] { a, b }) {
            node.shell("feature:install tessera-cluster");
        }
        // the change travels between the nodes once they have found each other (a node joining later takes the group's state)
        String members = Await.until(Duration.ofSeconds(60), () -> clusterNodes(a), list -> list.split("127\\.0\\.0\\.1:57", -1).length == 3);
        assertEquals(members, 3, members.split("127\\.0\\.0\\.1:57", -1).length);
        a.shell("feature:uninstall tessera-campaigns");
        Api.Reply gone = Await.until(Duration.ofSeconds(60), () -> onB.get("/api/v1/campaigns/" + id), r -> r.status == 404);
        assertEquals("B no longer has the module A removed", "No module serves /campaigns", gone.json().path("detail").asText());
        assertEquals(404, onA.get("/api/v1/campaigns/" + id).status);

        a.shell("feature:install tessera-campaigns");
        Api.Reply back = Await.until(Duration.ofSeconds(60), () -> onB.get("/api/v1/campaigns/" + id), r -> r.status == 200);
        assertEquals("the module A installed answers on B, its records kept", id, back.json().path("id").asText());
        assertEquals(200, onA.get("/api/v1/campaigns/" + id).status);
    }

    private static String clusterNodes(Server node) {
        try {
            return node.shellAs("admin", Server.PASSWORD, "cluster:node-list");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int reminders(String activity) {
        int told = 0;
        for (JsonNode n : onB.get("/api/v1/notifications?limit=100").json().path("items")) {
            told += n.path("recordId").asText().equals(activity) && n.path("kind").asText().equals("REMINDER") ? 1 : 0;
        }
        return told;
    }

    private static JsonNode deliveries(String webhook) {
        return onA.get("/api/v1/webhooks/" + webhook + "/deliveries?limit=200").json().path("items");
    }

    private static void awaitAllDelivered(String webhook, long deadline) {
        JsonNode log = Await.until(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), () -> deliveries(webhook),
                ClusterIT::allDelivered);
        assertTrue("every delivery done: " + log, allDelivered(log));
    }

    private static boolean allDelivered(JsonNode log) {
        boolean done = true;
        for (JsonNode d : log) {
            done &= "DELIVERED".equals(d.path("state").asText());
        }
        return done;
    }

    @Test
    public void aWebhookGetsEachEventOnceWithTwoNodesDelivering() throws Exception {
        try (IntegrationsIT.Receiver receiver = new IntegrationsIT.Receiver(0)) {
            Api.Reply hook = onA.post("/api/v1/webhooks", Api.json(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook",
                    "events", List.of("leads.created"))));
            assertEquals(hook.toString(), 201, hook.status);
            String webhook = hook.json().path("id").asText();
            // B reads the endpoints at its next look (every second): until a lead made on B is delivered
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int probes = 0;
            do {
                assertTrue("B learns of the new endpoint", System.nanoTime() < deadline);
                lead(onB, "Probe " + UUID.randomUUID());
                probes++;
            } while (receiver.received.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS) == null);
            awaitAllDelivered(webhook, deadline);
            receiver.received.clear();
            int before = deliveries(webhook).size();
            String tag = UUID.randomUUID().toString().substring(0, 8);
            Set<String> leads = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                leads.add(lead(i % 2 == 0 ? onA : onB, "Webhook " + tag + " " + i));
            }
            Set<String> deliveries = new HashSet<>();
            Set<String> records = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                Map<String, Object> d = receiver.next();
                assertTrue("each delivery once: " + d.get("delivery"), deliveries.add((String) d.get("delivery")));
                records.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) d.get("body")).path("recordId").asText());
            }
            assertEquals(leads, records);
            // every delivery done, each sent once: a delivery two nodes both sent would show two tries
            awaitAllDelivered(webhook, System.nanoTime() + Duration.ofSeconds(20).toNanos());
            JsonNode log = deliveries(webhook);
            assertEquals(before + 10, log.size());
            for (JsonNode d : log) {
                assertEquals("sent once: " + d, 1, d.path("attempts").asInt());
            }
            assertTrue("nothing delivered twice: " + receiver.received, receiver.received.isEmpty());
            assertTrue(probes >= 1);
            assertEquals(204, onB.delete("/api/v1/webhooks/" + webhook, null).status);
        }
        assertNotEquals(a.base(), b.base());
    }
}
