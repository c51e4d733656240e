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
 * and custom fields installed now).
 */
public class IntegrationsIT {
    private static Server server;
    private static Api admin;

    @BeforeClass
    public static void start() throws Exception {
        server = Server.unpack(Path.of(System.getProperty("tessera.distribution")), Path.of("target/integrations"),
                TesseraDistribution.freePort());
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
}
