package org.tesseracrm.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fuzz corpus for every installed module, read from {@code /api/v1/modules} (so a new module is
 * fuzzed without new code): for each module's create and merge patch, malformed bodies (wrong types,
 * huge and deep values, NaN, 1e400, too many decimals, bad dates, control, zero-width and bidi
 * characters, invalid UTF-8, wrong content types) put into an otherwise valid record; malformed
 * list parameters; malformed paths and headers. Never a 5xx, every 4xx is problem+json naming no
 * class of the server, and what a user would call wrong is refused (an enum sent as a number, a
 * required name that is only an invisible character, a {@code javascript:} URL).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private String base;
    private String authorization;
    private int requests;

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withH2();
    }

    @Test
    public void noMalformedRequestGetsAServerErrorAndEveryRefusalIsAProblem() throws Exception {
        Api admin = Api.asAdmin();
        base = "http://127.0.0.1:" + System.getProperty("tessera.test.http.port");
        String password = Files.readString(Paths.get(System.getProperty("karaf.data"), "tessera", "admin-password")).trim();
        authorization = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        JsonNode modules = admin.get("/api/v1/modules").json().path("items");
        assertTrue("modules: " + modules, modules.size() >= 11);
        for (JsonNode module : modules) {
            admin.awaitReady("/api/v1/" + module.path("collection").asText() + "?limit=1", Duration.ofSeconds(60));
        }
        admin.post("/api/v1/sample-data", "{}");
        Map<String, String> ids = new LinkedHashMap<>();
        for (JsonNode module : modules) {
            String c = module.path("collection").asText();
            JsonNode items = admin.get("/api/v1/" + c + "?limit=1").json().path("items");
            ids.put(c, items.size() > 0 ? items.get(0).path("id").asText() : null);
        }

        for (JsonNode module : modules) {
            String collection = module.path("collection").asText();
            ObjectNode valid = validRecord(module, ids);
            fuzzBodies(collection, "POST", "/api/v1/" + collection, "application/json", valid, module);
            if (ids.get(collection) != null) {
                fuzzBodies(collection, "PATCH", "/api/v1/" + collection + "/" + ids.get(collection),
                        "application/merge-patch+json", JSON.createObjectNode(), module);
            }
            fuzzListParameters(collection, module);
            fuzzPaths(collection, ids.get(collection));
        }
        // the platform's own writes on every module's records: bulk changes, custom fields, saved views
        JsonNode noFields = JSON.createObjectNode().set("fields", JSON.createArrayNode());
        fuzzBodies("leads", "POST", "/api/v1/leads/bulk", "application/json",
                (ObjectNode) JSON.readTree("{\"ids\":[],\"set\":{\"rating\":\"HOT\"}}"), noFields);
        fuzzBodies("leads", "POST", "/api/v1/modules/leads/fields", "application/json",
                (ObjectNode) JSON.readTree("{\"name\":\"fuzz\",\"type\":\"text\",\"label\":{\"en\":\"Fuzz\"}}"), noFields);
        fuzzBodies("leads", "POST", "/api/v1/views", "application/json",
                (ObjectNode) JSON.readTree("{\"collection\":\"leads\",\"name\":\"Fuzz\",\"filters\":{}}"), noFields);
        // webhook endpoints (what a fuzzed URL might reach is refused before anything is sent)
        fuzzBodies("leads", "POST", "/api/v1/webhooks", "application/json",
                (ObjectNode) JSON.readTree("{\"url\":\"https://203.0.113.7/hook\",\"events\":[\"leads.created\"]}"), noFields);
        // notes and files on any record
        String lead = ids.get("leads");
        fuzzBodies("leads", "POST", "/api/v1/leads/" + lead + "/notes", "application/json",
                (ObjectNode) JSON.readTree("{\"body\":\"Fuzz\"}"), noFields);
        fuzzUploads("/api/v1/leads/" + lead + "/attachments");
        fuzzHeaders();
        System.out.println("FuzzIT: " + modules.size() + " modules, " + requests + " requests, " + failures.size() + " failures");
        failures.forEach(f -> System.out.println("FUZZ FAILURE " + f));
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + requests + " malformed requests were mishandled:\n"
                    + String.join("\n", failures.subList(0, Math.min(80, failures.size()))));
        }
    }

    // ---- bodies ----

    /** Multipart uploads broken in every way a client can break them: each a 4xx problem, never a 5xx. */
    private void fuzzUploads(String path) throws IOException {
        String part = "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nfuzz\r\n";
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("no closing boundary", "--b\r\n" + part);
        bodies.put("another boundary", "--c\r\n" + part + "--c--\r\n");
        bodies.put("no part", "--b--\r\n");
        bodies.put("empty", "");
        bodies.put("part without headers", "--b\r\n\r\nfuzz\r\n--b--\r\n");
        bodies.put("part without a name", "--b\r\nContent-Disposition: form-data\r\n\r\nfuzz\r\n--b--\r\n");
        bodies.put("file name with a NUL and folders", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../\u0000x.html\"\r\n\r\n<p>\r\n--b--\r\n");
        bodies.put("file name only dots", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"..\"\r\n\r\nx\r\n--b--\r\n");
        bodies.put("two files", "--b\r\n" + part + "--b\r\n" + part + "--b--\r\n");
        bodies.put("endless header", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + "x".repeat(20000) + "\"\r\n\r\nx\r\n--b--\r\n");
        for (Map.Entry<String, String> b : bodies.entrySet()) {
            for (String type : List.of("multipart/form-data; boundary=b", "multipart/form-data", "multipart/form-data; boundary=",
                    "multipart/mixed; boundary=b", "application/json")) {
                check("leads", "POST", path, type, b.getValue().getBytes(StandardCharsets.UTF_8), "upload " + b.getKey() + " as " + type);
            }
        }
    }

    /** A record the module would accept: every required field with a plausible value of its type. */
    private static ObjectNode validRecord(JsonNode module, Map<String, String> ids) {
        ObjectNode record = JSON.createObjectNode();
        for (JsonNode f : module.path("fields")) {
            if (f.path("required").asBoolean() && !f.path("readOnly").asBoolean()) {
                JsonNode value = plausible(f, ids);
                if (value != null) {
                    record.set(f.path("name").asText(), value);
                }
            }
        }
        return record;
    }

    private static JsonNode plausible(JsonNode field, Map<String, String> ids) {
        String type = field.path("type").asText();
        String name = field.path("name").asText();
        switch (type) {
        case "ENUM":
            return JSON.getNodeFactory().textNode(field.path("values").path(0).path("value").asText());
        case "REFERENCE":
            String id = ids.get(field.path("references").asText());
            return id == null ? null : JSON.getNodeFactory().textNode(id);
        case "EMAIL":
            return JSON.getNodeFactory().textNode("fuzz@example.vn");
        case "DATE":
            return JSON.getNodeFactory().textNode("2026-12-15");
        case "DATETIME":
            return JSON.getNodeFactory().textNode("2026-12-15T08:00:00Z");
        case "INTEGER":
        case "DECIMAL":
        case "MONEY":
            return JSON.getNodeFactory().numberNode(1);
        case "BOOLEAN":
            return JSON.getNodeFactory().booleanNode(false);
        case "LINE_ITEMS":
            return JSON.createArrayNode().add(JSON.createObjectNode().put("name", "Fuzz").put("quantity", 1).put("unitPrice", 1000));
        default:
            return JSON.getNodeFactory().textNode("Fuzz " + name + " " + UUID.randomUUID().toString().substring(0, 8));
        }
    }

    private static final String DEEP_ARRAY = "[".repeat(5000) + "]".repeat(5000);
    private static final String DEEP_OBJECT = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
    private static final String DEEPEST_ARRAY = "[".repeat(200_000) + "]".repeat(200_000);

    /** Raw JSON values that are wrong for most fields, or wrong for any server. */
    private static final List<String> BAD_VALUES = List.of("null", "true", "0", "-1", "1.234", "1.23456789", "1e400", "-1e400",
            "1e-400", "123456789012345678901234567890", "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"\"", "\" \"",
            "\"\\u0000\"", "\"\\u200b\"", "\"\\u202e\"", "\"\\u202egnp.exe\"", "\"\\ud800\"", "\"a\\u0000b\"",
            "\"" + "x".repeat(5000) + "\"", "\"" + "ệ".repeat(300) + "\"", "{}", "{\"a\":1}", "[]", "[1,2]", "\"2026-13-45\"",
            "\"2026-02-30\"", "\"31/12/2026\"", "\"2026-12-15T25:00:00Z\"", "\"javascript:alert(1)\"", "\"file:///etc/passwd\"",
            "\"<script>alert(1)</script>\"", "\"' OR 1=1 --\"", "\"../../etc/passwd\"", "\"0001-01-01\"", "\"9999-12-31\"",
            "\"+99999-01-01\"", "8", "\"8\"", "99999999999", "-0", "0.0000001", "[".repeat(100) + "]".repeat(100));

    private void fuzzBodies(String collection, String method, String path, String contentType, ObjectNode valid, JsonNode module)
            throws IOException {
        // whole bodies that are no record at all
        List<String> wholes = new ArrayList<>(List.of("", "null", "[]", "1", "\"x\"", "{", "{\"a\":", "{}{}", "{\"a\":1,}",
                "{'a':1}", "{\"a\":NaN}", "{\"a\":1e400}", DEEP_ARRAY, DEEP_OBJECT, DEEPEST_ARRAY, "\ufeff{}", "{\"\\u0000\":1}",
                "{\"" + "k".repeat(10000) + "\":1}"));
        for (String body : wholes) {
            check(collection, method, path, contentType, body.getBytes(StandardCharsets.UTF_8), "body " + abbreviate(body));
        }
        // invalid UTF-8 inside a string
        byte[] prefix = "{\"name\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] raw = new byte[prefix.length + invalid.length + suffix.length];
        System.arraycopy(prefix, 0, raw, 0, prefix.length);
        System.arraycopy(invalid, 0, raw, prefix.length, invalid.length);
        System.arraycopy(suffix, 0, raw, prefix.length + invalid.length, suffix.length);
        check(collection, method, path, contentType, raw, "invalid UTF-8");
        // wrong content types
        for (String type : List.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1", "*/*", "garbage")) {
            check(collection, method, path, type, valid.toString().getBytes(StandardCharsets.UTF_8), "Content-Type " + type);
        }
        // each field of an otherwise valid record, set to each bad value
        for (JsonNode field : module.path("fields")) {
            String name = field.path("name").asText();
            for (String value : BAD_VALUES) {
                String body = valid.deepCopy().put(name, "@@").toString().replace("\"@@\"", value);
                Reply r = check(collection, method, path, contentType, body.getBytes(StandardCharsets.UTF_8),
                        name + "=" + abbreviate(value));
                if (r != null && r.status < 300) {
                    refusedByUsers(collection, method, field, value, r);
                }
            }
        }
        // unknown, nested and server-managed fields
        for (String extra : List.of("\"noSuchField\":1", "\"id\":\"x\"", "\"createdAt\":\"2020-01-01T00:00:00Z\"",
                "\"version\":99", "\"address\":{\"city\":{\"a\":1}}", "\"address\":{\"nope\":1}", "\"address\":\"Hà Nội\"")) {
            String body = valid.toString();
            body = body.equals("{}") ? "{" + extra + "}" : body.substring(0, body.length() - 1) + "," + extra + "}";
            check(collection, method, path, contentType, body.getBytes(StandardCharsets.UTF_8), abbreviate(extra));
        }
    }

    /** Values a user would call wrong, accepted with a 2xx. */
    private void refusedByUsers(String collection, String method, JsonNode field, String value, Reply r) {
        String type = field.path("type").asText();
        boolean wrong = type.equals("ENUM") && !value.startsWith("\"") && !value.equals("null")
                || field.path("required").asBoolean() && List.of("\"\\u0000\"", "\"\\u200b\"", "\"\\u202e\"", "\" \"", "\"\"").contains(value)
                || type.equals("URL") && (value.contains("javascript:") || value.contains("file:"))
                || type.equals("EMAIL") && (value.contains("javascript:") || value.equals("\"\\u202e\""))
                || value.equals("1e400") || value.equals("-1e400");
        if (wrong) {
            failures.add(method + " /api/v1/" + collection + " " + field.path("name").asText() + "=" + abbreviate(value)
                    + ": accepted (" + r.status + ") what a user would call wrong");
        }
    }

    // ---- list parameters, paths, headers ----

    private void fuzzListParameters(String collection, JsonNode module) throws IOException {
        List<String> queries = new ArrayList<>(List.of("limit=abc", "limit=-1", "limit=0", "limit=1e9", "limit=99999999999",
                "limit=1&limit=2", "cursor=garbage", "cursor=" + "A".repeat(10000), "cursor=%00", "cursor=eyJ4Ijox",
                "sort=noSuchField", "sort=-", "sort=,,,", "sort=" + "a,".repeat(500), "q=" + "x".repeat(5000), "q=%00",
                "q=%25%25", "q=%E0%A4%A", "q=%C3%28", "q=\u202e", "deleted=maybe", "noSuchFilter=1", "by=status",
                "%00=1", "=1", "&&&", "q"));
        for (JsonNode f : module.path("fields")) {
            if (f.path("filterable").asBoolean()) {
                String name = f.path("name").asText();
                for (String v : List.of("", "%00", "NOT_A_VALUE", "1e400", "2026-13-45", "x".repeat(3000), "true", "-1")) {
                    queries.add(name + "=" + v);
                }
            }
        }
        for (String query : queries) {
            String safe = query.replace("\u202e", URLEncoder.encode("\u202e", StandardCharsets.UTF_8));
            check(collection, "GET", "/api/v1/" + collection + "?" + safe, null, null, "query " + abbreviate(query));
            check(collection, "GET", "/api/v1/" + collection + "/counts?by=status&" + safe, null, null,
                    "counts " + abbreviate(query));
        }
    }

    private void fuzzPaths(String collection, String id) throws IOException {
        String known = id == null ? UUID.randomUUID().toString() : id;
        for (String path : List.of("/..%2F..%2Fetc", "/%2e%2e/%2e%2e/etc", "/" + known + "%00", "/%00", "/" + "a".repeat(5000),
                "/" + known + "/%2F", "/" + known + "/restore%2F", "/" + known + "/..%2F..%2F", "/%C3%28", "/" + known + ";x=1",
                "/%ZZ")) {
            for (String method : List.of("GET", "PATCH", "DELETE", "POST")) {
                byte[] body = method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(StandardCharsets.UTF_8);
                check(collection, method, "/api/v1/" + collection + path, body == null ? null : "application/json", body,
                        "path " + abbreviate(path));
            }
        }
    }

    private void fuzzHeaders() throws IOException {
        for (String[] header : List.of(new String[] {"If-Match", "garbage"}, new String[] {"If-Match", "\"" + "9".repeat(40) + "\""},
                new String[] {"Idempotency-Key", "x".repeat(300)}, new String[] {"Accept", "application/xml"},
                new String[] {"Accept-Language", "xx-" + "y".repeat(500)}, new String[] {"X-Big", "z".repeat(20000)},
                new String[] {"Authorization", "Basic " + "A".repeat(20000)}, new String[] {"Authorization", "Bearer " + "x".repeat(5000)},
                new String[] {"Authorization", "Basic !!!"}, new String[] {"Cookie", "tessera_session=" + "s".repeat(5000)})) {
            Reply r = send("GET", "/api/v1/leads", null, null, header);
            judge("leads", "GET /api/v1/leads with " + header[0] + ": " + abbreviate(header[1]), r);
        }
        for (String path : List.of("/api/v1?_wadl", "/api/v1/?_wadl", "/api/v1/leads?_wadl", "/api/v1/swagger.json",
                "/api/v1/openapi.json")) {
            Reply r = sendAnonymous(path);
            requests++;
            if (r.status < 400 && path.contains("_wadl")) {
                failures.add("GET " + path + " without credentials answered " + r.status);
            } else if (r.status >= 500 || r.status >= 400 && !r.problem) {
                failures.add("GET " + path + " without credentials: " + r);
            }
        }
    }

    // ---- sending and judging ----

    private Reply check(String collection, String method, String path, String contentType, byte[] body, String what)
            throws IOException {
        Reply r = send(method, path, contentType, body, null);
        judge(collection, method + " " + abbreviate(path) + " " + what, r);
        return r;
    }

    private void judge(String collection, String what, Reply r) {
        requests++;
        if (r.status >= 500) {
            failures.add(what + ": " + r);
        } else if (r.status >= 400 && !r.problem) {
            failures.add(what + ": not problem+json: " + r);
        } else if (r.status >= 400 && (r.body.contains("org.tesseracrm.") || r.body.contains("com.fasterxml")
                || r.body.contains("java.lang") || r.body.contains("Exception"))) {
            failures.add(what + ": names a class of the server: " + r);
        }
    }

    private Reply send(String method, String path, String contentType, byte[] body, String[] header) throws IOException {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + path));
        } catch (IllegalArgumentException e) {
            return new Reply(400, "", true); // no client sends what cannot be a URI
        }
        request.timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (header != null) {
            request.setHeader(header[0], header[1]);
        }
        return exchange(request.build());
    }

    /** Without credentials, following redirects (the servlet redirects /api/v1 to /api/v1/). */
    private Reply sendAnonymous(String path) throws IOException {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = following.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), response.body(), type.startsWith("application/problem+json"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private Reply exchange(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Reply(response.statusCode(), response.body(), type.startsWith("application/problem+json"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String abbreviate(String text) {
        String t = text.replace("\n", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…(" + t.length() + ")" : t;
    }

    private static final class Reply {
        final int status;
        final String body;
        final boolean problem;

        Reply(int status, String body, boolean problem) {
            this.status = status;
            this.body = body == null ? "" : body;
            this.problem = problem;
        }

        @Override
        public String toString() {
            return status + " " + abbreviate(body);
        }
    }
}
