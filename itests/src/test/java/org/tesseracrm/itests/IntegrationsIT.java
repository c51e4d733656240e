package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.tesseracrm.benchmark.Server;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * What integrations build on, tried on the distribution as shipped: the OpenAPI description of the
 * API (valid by the Swagger parser, every path in it answered by the server, following the modules
 * and custom fields installed now), and webhooks delivered to a receiver in this test: signed, once
 * per event, retried after a failure and after the receiver was down, never into the server's own
 * network unless the operator allows it.
 */
public class IntegrationsIT {
    private static Server server;
    private static Api admin;

    @BeforeClass
    public static void start() throws Exception {
        startOn(null);
    }

    /** Starts the distribution on H2, or on a new database of the local PostgreSQL server named {@code postgresDatabase}. */
    static void startOn(String postgresDatabase) throws Exception {
        server = Server.unpack(Path.of(System.getProperty("tessera.distribution")),
                Path.of(postgresDatabase == null ? "target/integrations" : "target/integrations-postgresql"), TesseraDistribution.freePort());
        if (postgresDatabase != null) {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(TesseraDistribution.POSTGRES_URL + "postgres", "postgres", "");
                    java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + postgresDatabase);
            }
            server.configurePostgres(TesseraDistribution.POSTGRES_URL + postgresDatabase);
        }
        // as shipped (no endpoint on private networks), with retries a second apart rather than half a minute
        java.nio.file.Files.writeString(server.home().resolve("etc/org.tesseracrm.webhooks.cfg"),
                "allowPrivateNetworks = false\nfirstRetrySeconds = 1\npollMillis = 200\n");
        server.start();
        admin = Api.at(server.base(), server.authorization());
        admin.awaitReady("/api/v1/health", Duration.ofSeconds(90));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    private static JsonNode openApi() {
        Api.Reply reply = admin.get("/api/v1/openapi.json");
        assertEquals(reply.toString(), 200, reply.status);
        return reply.json();
    }

    @Test
    public void theApiDescriptionIsValidOpenApiAndEveryPathInItAnswers() {
        assertEquals("anonymous callers are asked to sign in", 401, admin.withoutCredentials().get("/api/v1/openapi.json").status);
        Api.Reply raw = admin.get("/api/v1/openapi.json");
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(raw.text, null, options);
        assertTrue("the parser read it", parsed.getOpenAPI() != null);
        assertEquals("messages of the OpenAPI parser", List.of(), parsed.getMessages());

        JsonNode doc = raw.json();
        assertEquals("/api/v1", doc.path("servers").path(0).path("url").asText());
        assertTrue(doc.at("/components/securitySchemes/basicAuth").isObject());
        assertEquals("bearer", doc.at("/components/securitySchemes/bearerAuth/scheme").asText());
        // a module's record, from its descriptor: enums, required fields, references, read-only server fields
        JsonNode lead = doc.at("/components/schemas/Lead");
        assertTrue(lead.toString(), lead.at("/properties/status/enum").toString().contains("CONVERTED"));
        assertTrue(lead.toString(), lead.at("/properties/id/readOnly").asBoolean());
        assertTrue(lead.toString(), lead.path("required").toString().contains("lastName"));
        assertEquals("accounts", doc.at("/components/schemas/Contact/properties/accountId/x-references").asText());
        // operations: the list with its filters, a create answering 201 with the record, an action by its label
        JsonNode list = doc.at("/paths/~1leads/get");
        assertTrue(list.toString(), list.path("parameters").toString().contains("#/components/parameters/leads.status"));
        assertEquals("#/components/schemas/Lead", doc.at("/paths/~1leads/post/responses/201/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at("/paths/~1leads~1{id}~1convert/post/summary").asText(), doc.at("/paths/~1leads~1{id}~1convert/post").isObject());
        assertEquals("public operations need no credentials", 0, doc.at("/paths/~1health/get/security").size());

        // every operation it describes is served: no "no such resource", no method refused, no server error
        admin.post("/api/v1/sample-data", "{}");
        List<String> unanswered = new ArrayList<>();
        int tried = 0;
        for (String method : List.of("get", "post", "put", "patch", "delete")) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                String concrete = "/api/v1" + path.getKey();
                for (JsonNode p : operation.path("parameters")) {
                    if ("path".equals(p.path("in").asText())) {
                        String pattern = p.path("schema").path("pattern").asText(".*");
                        String value = java.util.stream.Stream.of("no-such-id", "nosuchid").filter(v -> v.matches(pattern))
                                .findFirst().orElseThrow(() -> new AssertionError("no value for " + p));
                        concrete = concrete.replace("{" + p.path("name").asText() + "}", value);
                    }
                }
                String contentType = operation.path("requestBody").path("content").fieldNames().hasNext()
                        ? operation.path("requestBody").path("content").fieldNames().next() : null;
                String body = contentType == null ? null : contentType.contains("json") ? "{}" : "";
                Api.Reply reply = admin.send(method.toUpperCase(java.util.Locale.ROOT), concrete, body, contentType, null);
                tried++;
                boolean missed = reply.status == 405 || reply.status == 404 && reply.text.contains("\"No such resource\"")
                        || reply.status >= 500;
                if (missed) {
                    unanswered.add(method.toUpperCase(java.util.Locale.ROOT) + " " + concrete + " → " + reply.status + " " + reply.text);
                }
            }
        }
        assertTrue("operations tried: " + tried, tried > 200);
        assertEquals("operations of the description the server does not answer", List.of(), unanswered);
    }

    @Test
    public void theDescriptionFollowsTheModulesAndFieldsInstalledNow() throws Exception {
        String field = "cf_openapi_" + Long.toString(System.nanoTime(), 36);
        assertEquals(201, admin.post("/api/v1/modules/leads/fields", Api.json(Map.of("name", field, "type", "picklist",
                "label", Map.of("en", "Channel", "vi", "Kênh"), "filterable", true, "values", List.of(
                        Map.of("value", "WEB", "label", Map.of("en", "Web", "vi", "Trang web")),
                        Map.of("value", "SHOP", "label", Map.of("en", "Shop", "vi", "Cửa hàng")))))).status);
        JsonNode doc = openApi();
        JsonNode property = doc.at("/components/schemas/Lead/properties/" + field);
        assertEquals(property.toString(), "[\"WEB\",\"SHOP\"]", property.path("enum").toString());
        assertEquals("Kênh", property.path("x-label-vi").asText());
        assertTrue("a filter on the custom field", doc.at("/components/parameters/leads." + field).isObject());

        assertTrue(doc.at("/paths/~1campaigns").isObject());
        server.shell("feature:uninstall tessera-campaigns");
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (openApi().at("/paths/~1campaigns").isObject()) {
                assertTrue("campaigns left the description once uninstalled", System.nanoTime() < deadline);
                Thread.sleep(200);
            }
            assertFalse(openApi().at("/components/schemas/Campaign").isObject());
        } finally {
            server.shell("feature:install tessera-campaigns");
        }
        admin.awaitReady("/api/v1/campaigns?limit=1", Duration.ofSeconds(90));
        assertTrue("campaigns are described again once installed", openApi().at("/paths/~1campaigns~1{id}").isObject());
    }

    /** A webhook receiver: what it was sent, and what it answers (200 unless told otherwise). */
    static final class Receiver implements AutoCloseable {
        final java.util.concurrent.BlockingQueue<Map<String, Object>> received = new java.util.concurrent.LinkedBlockingQueue<>();
        final java.util.Deque<Integer> answers = new java.util.concurrent.ConcurrentLinkedDeque<>();
        private final com.sun.net.httpserver.HttpServer http;

        Receiver(int port) throws java.io.IOException {
            http = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 0);
            http.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Integer answer = answers.poll();
                int status = answer == null ? 200 : answer;
                received.add(Map.of("event", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tessera-Event")),
                        "delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tessera-Delivery")),
                        "timestamp", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tessera-Timestamp")),
                        "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Tessera-Signature")),
                        "body", new String(body, java.nio.charset.StandardCharsets.UTF_8), "status", status));
                byte[] reply = (status == 200 ? "thanks" : "not now").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, reply.length);
                exchange.getResponseBody().write(reply);
                exchange.close();
            });
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        Map<String, Object> next() throws InterruptedException {
            Map<String, Object> r = received.poll(20, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue("a delivery arrived", r != null);
            return r;
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    private static String hmac(String secret, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The delivery, checked as a receiver should: its signature over timestamp and body with the shared secret. */
    private static JsonNode verified(Map<String, Object> delivery, String secret) throws Exception {
        String body = (String) delivery.get("body");
        assertEquals("signed: " + delivery, "sha256=" + hmac(secret, delivery.get("timestamp") + "." + body), delivery.get("signature"));
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertEquals(delivery.get("delivery"), json.path("id").asText());
        assertEquals(delivery.get("event"), json.path("event").asText());
        return json;
    }

    @Test
    public void webhooksAreSignedDeliveredOnceRetriedAndNeverIntoThePrivateNetworkUnlessAllowed() throws Exception {
        String secret = "test-secret-" + Long.toString(System.nanoTime(), 36);
        String tag = Long.toString(System.nanoTime(), 36);
        try (Receiver receiver = new Receiver(0)) {
            String url = "http://127.0.0.1:" + receiver.port() + "/hook";
            Map<String, Object> asked = Map.of("url", url, "events", List.of("leads.created", "leads.status_changed"), "secret", secret,
                    "description", "test receiver");
            Api.Reply refused = admin.post("/api/v1/webhooks", Api.json(asked));
            assertEquals(refused.toString(), 422, refused.status);
            assertTrue(refused.text, refused.text.contains("private or local network"));
            assertEquals(422, admin.post("/api/v1/webhooks", Api.json(Map.of("url", "ftp://example.com/x", "events", List.of("*")))).status);
            assertEquals(422, admin.post("/api/v1/webhooks", Api.json(Map.of("url", "https://example.com/x", "events", List.of("nothing")))).status);
            assertEquals(422, admin.post("/api/v1/webhooks", Api.json(Map.of("url", "https://example.com/x", "events", List.of("yachts.*")))).status);
            assertEquals(400, admin.post("/api/v1/webhooks", Api.json(Map.of("url", "https://example.com/x", "events", List.of("*"), "colour", "red"))).status);
            assertTrue(admin.get("/api/v1/webhooks/events").text.contains("invoices.paid"));

            server.shell("config:property-set -p org.tesseracrm.webhooks allowPrivateNetworks true");
            Api.Reply created = null;
            for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline; Thread.sleep(200)) {
                created = admin.post("/api/v1/webhooks", Api.json(asked));
                if (created.status != 422) {
                    break;
                }
            }
            assertEquals(created.toString(), 201, created.status);
            String webhook = created.json().path("id").asText();
            assertEquals(secret, created.json().path("secret").asText());
            assertTrue("the secret is shown once", admin.get("/api/v1/webhooks/" + webhook).json().path("secret").isNull()
                    || admin.get("/api/v1/webhooks/" + webhook).json().path("secret").isMissingNode());

            // a new lead: one delivery, signed, with the record and its fields
            Api.Reply lead = admin.post("/api/v1/leads?createAnyway=true", Api.json(Map.of("lastName", "Hook " + tag, "company", "Móc " + tag)));
            assertEquals(lead.toString(), 201, lead.status);
            String leadId = lead.json().path("id").asText();
            JsonNode first = verified(receiver.next(), secret);
            assertEquals("leads.created", first.path("event").asText());
            assertEquals(leadId, first.path("recordId").asText());
            assertEquals("Hook " + tag, first.path("record").path("lastName").asText());
            assertEquals("admin", first.path("actor").asText());
            assertTrue(first.path("changes").toString(), first.path("changes").toString().contains("\"lastName\""));

            // a change of its status: status_changed with old → new; a change it is not subscribed to: nothing
            String etag = admin.get("/api/v1/leads/" + leadId).header("ETag");
            assertEquals(200, admin.patch("/api/v1/leads/" + leadId, "{\"status\":\"NURTURING\",\"title\":\"Giám đốc\"}", etag).status);
            JsonNode moved = verified(receiver.next(), secret);
            assertEquals("leads.status_changed", moved.path("event").asText());
            assertTrue(moved.path("changes").toString(), moved.path("changes").toString().contains("\"from\":\"NEW\",\"to\":\"NURTURING\""));
            etag = admin.get("/api/v1/leads/" + leadId).header("ETag");
            assertEquals(200, admin.patch("/api/v1/leads/" + leadId, "{\"title\":\"Trưởng phòng\"}", etag).status);

            // an endpoint that fails is tried again; the log says how it went
            receiver.answers.add(500);
            assertEquals(201, admin.post("/api/v1/leads?createAnyway=true", Api.json(Map.of("lastName", "Retry " + tag))).status);
            Map<String, Object> failed = receiver.next();
            assertEquals(500, failed.get("status"));
            Map<String, Object> retried = receiver.next();
            assertEquals("the same delivery again", failed.get("delivery"), retried.get("delivery"));
            assertEquals("leads.created", verified(retried, secret).path("event").asText());
            assertTrue("nothing else was sent (the title change is not subscribed to): " + receiver.received, receiver.received.isEmpty());
            JsonNode log = awaitDelivery(webhook, (String) retried.get("delivery"), "DELIVERED");
            assertEquals(2, log.path("attempts").asInt());
            assertEquals(200, log.path("lastStatus").asInt());
            assertEquals("thanks", log.path("responseExcerpt").asText());

            // a receiver that is down gets what it missed once it is back
            int port = receiver.port();
            receiver.close();
            assertEquals(201, admin.post("/api/v1/leads?createAnyway=true", Api.json(Map.of("lastName", "Missed " + tag))).status);
            JsonNode pending = awaitLog(webhook, d -> d.path("attempts").asInt() >= 1 && "PENDING".equals(d.path("state").asText())
                    && d.path("lastError").asText().length() > 0);
            try (Receiver back = new Receiver(port)) {
                Map<String, Object> missed = back.next();
                assertEquals(pending.path("id").asText(), missed.get("delivery"));
                assertEquals("Missed " + tag, verified(missed, secret).path("record").path("lastName").asText());

                // a ping and a redelivery go through the same outbox
                assertEquals(202, admin.post("/api/v1/webhooks/" + webhook + "/ping", "{}").status);
                assertEquals("ping", verified(back.next(), secret).path("event").asText());
                Api.Reply again = admin.post("/api/v1/webhooks/" + webhook + "/deliveries/" + missed.get("delivery") + "/redeliver", "{}");
                assertEquals(again.toString(), 202, again.status);
                JsonNode redelivered = verified(back.next(), secret);
                assertEquals(again.json().path("id").asText(), redelivered.path("id").asText());
                assertEquals("the same event", pending.path("eventId").asText(), redelivered.path("eventId").asText());

                // switched off: nothing more
                assertEquals(200, admin.patch("/api/v1/webhooks/" + webhook, "{\"active\":false}", null).status);
                int logged = admin.get("/api/v1/webhooks/" + webhook + "/deliveries?limit=200").json().path("items").size();
                assertEquals(201, admin.post("/api/v1/leads?createAnyway=true", Api.json(Map.of("lastName", "Off " + tag))).status);
                // deliveries are written with the change: none written, none will ever be sent
                assertEquals("an inactive webhook gets nothing", logged,
                        admin.get("/api/v1/webhooks/" + webhook + "/deliveries?limit=200").json().path("items").size());
                assertTrue(back.received.toString(), back.received.isEmpty());
            }
            assertTrue(admin.get("/api/v1/audit?action=WEBHOOK_CREATED").text.contains(url));
            assertEquals(204, admin.delete("/api/v1/webhooks/" + webhook, null).status);
            assertEquals(404, admin.get("/api/v1/webhooks/" + webhook + "/deliveries").status);
        } finally {
            server.shell("config:property-set -p org.tesseracrm.webhooks allowPrivateNetworks false");
        }
    }

    private static JsonNode awaitDelivery(String webhook, String delivery, String state) throws InterruptedException {
        return awaitLog(webhook, d -> d.path("id").asText().equals(delivery) && state.equals(d.path("state").asText()));
    }

    private static JsonNode awaitLog(String webhook, java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            for (JsonNode d : admin.get("/api/v1/webhooks/" + webhook + "/deliveries").json().path("items")) {
                if (wanted.test(d)) {
                    return d;
                }
            }
            assertTrue("the delivery log shows it: " + admin.get("/api/v1/webhooks/" + webhook + "/deliveries").text,
                    System.nanoTime() < deadline);
            Thread.sleep(200);
        }
    }
}
