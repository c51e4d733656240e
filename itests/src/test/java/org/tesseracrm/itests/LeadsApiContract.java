package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The leads API as a client uses it, over real HTTP against the assembled server. Each test makes
 * its own data (a unique company tag) so tests do not depend on each other.
 */
public abstract class LeadsApiContract {
    protected Api api;
    protected String tag;

    @Before
    public void signIn() {
        api = Api.asAdmin();
        api.awaitReady("/api/v1/leads?limit=1", Duration.ofSeconds(60));
        tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A lead as given, even when it looks like one made before (these tests make look-alikes on purpose). */
    protected JsonNode createLead(Map<String, Object> fields) {
        Api.Reply r = api.post("/api/v1/leads?createAnyway=true", Api.json(fields));
        assertEquals(r.toString(), 201, r.status);
        return r.json();
    }

    protected JsonNode createLead(String firstName, String lastName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("company", tag);
        return createLead(fields);
    }

    private static void assertProblem(Api.Reply r, int status) {
        assertEquals(r.toString(), status, r.status);
        assertTrue(r.header("Content-Type"), r.header("Content-Type").startsWith("application/problem+json"));
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt());
        assertNotNull(p.get("title"));
        assertNotNull(p.get("type"));
        assertFalse("no stack traces in answers", r.text.contains("Exception") || r.text.contains("\tat "));
    }

    private Set<String> lastNames(String query) {
        Api.Reply r = api.get("/api/v1/leads?limit=50&" + query);
        assertEquals(r.toString(), 200, r.status);
        Set<String> names = new HashSet<>();
        r.json().get("items").forEach(x -> names.add(x.get("lastName").asText()));
        return names;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    public void filtersTakeSeveralValuesRangesPeriodsAccentFreeTextAndTags() {
        String company = "Công ty Đông Á " + tag;
        Map<String, Object> one = new LinkedHashMap<>(Map.of("lastName", "Một", "company", company, "status", "NEW",
                "annualRevenue", 5000000, "assignedTo", "lan", "tags", List.of("VIP", "Hà Nội")));
        createLead(one);
        createLead(Map.of("lastName", "Hai", "company", company, "status", "NURTURING", "annualRevenue", 15000000,
                "assignedTo", "minh", "tags", List.of("vip")));
        String three = createLead(Map.of("lastName", "Ba", "company", company, "status", "QUALIFIED")).get("id").asText();
        // text ignores case and marks; the folded company names all three
        String mine = "company=" + enc("cong ty dong a " + tag.toLowerCase());
        assertEquals(Set.of("Một", "Hai", "Ba"), lastNames(mine));
        assertEquals(Set.of("Một", "Hai", "Ba"), lastNames("company%5Bcontains%5D=" + enc("đông á " + tag)));
        assertEquals(Set.of("Một", "Hai"), lastNames(mine + "&status=NEW,NURTURING"));
        assertEquals(Set.of("Ba"), lastNames(mine + "&status%5Bnot%5D=NEW,NURTURING"));
        assertEquals(Set.of("Hai"), lastNames(mine + "&annualRevenue%5Bgte%5D=10000000"));
        assertEquals(Set.of("Một"), lastNames(mine + "&annualRevenue%5Blt%5D=10000000"));
        assertEquals(Set.of("Ba"), lastNames(mine + "&annualRevenue%5Bempty%5D=true"));
        assertEquals(Set.of("Một", "Hai", "Ba"), lastNames(mine + "&createdAt=today&createdBy=me"));
        assertEquals(Set.of(), lastNames(mine + "&createdAt=yesterday"));
        assertEquals(Set.of("Một", "Hai", "Ba"), lastNames(mine + "&createdAt%5Bfrom%5D=last_7_days"));
        // tags: any spelling finds them; the ones in use are listed
        assertEquals(Set.of("Một", "Hai"), lastNames(mine + "&tags=vip"));
        assertEquals(Set.of("Một"), lastNames(mine + "&tags=" + enc("ha noi")));
        assertEquals(Set.of("Ba"), lastNames(mine + "&tags%5Bempty%5D=true"));
        assertEquals(Set.of("Hai", "Ba"), lastNames(mine + "&tags%5Bnot%5D=" + enc("Hà Nội")));
        JsonNode inUse = api.get("/api/v1/leads/tags").json().get("items");
        assertTrue(inUse.toString(), inUse.toString().contains("Hà Nội") && inUse.toString().toLowerCase().contains("vip"));
        // me is the caller
        Api lan = api.withCredentials("lan", "ban-hang-lan-1");
        Api.Reply lans = lan.get("/api/v1/leads?" + mine + "&assignedTo=me");
        assertEquals(lans.toString(), 1, lans.json().get("items").size());
        // tags are written like any field, and their change is in the history
        JsonNode tagged = api.patch("/api/v1/leads/" + three, Api.json(Map.of("tags", List.of("Khách lớn", "khách LỚN"))), "*").json();
        assertEquals(List.of("Khách lớn"), List.of(tagged.get("tags").get(0).asText()));
        assertEquals(1, tagged.get("tags").size());
        JsonNode change = api.get("/api/v1/leads/" + three + "/history?limit=1").json().get("items").get(0).get("changes").get(0);
        assertEquals("tags", change.get("field").asText());
        assertEquals(0, api.patch("/api/v1/leads/" + three, "{\"tags\":null}", "*").json().get("tags").size());
        assertEquals(422, api.patch("/api/v1/leads/" + three, Api.json(Map.of("tags", List.of("a,b"))), "*").status);
        // a filter a field does not take is a 400 naming it
        for (String bad : List.of("annualRevenue%5Bgte%5D=lots", "status%5Bgte%5D=NEW", "createdAt=someday", "status=NEW,OLD",
                "tags%5Bgt%5D=a", "title=x")) {
            Api.Reply r = api.get("/api/v1/leads?" + bad);
            assertProblem(r, 400);
            assertTrue(r.text, r.text.contains(java.net.URLDecoder.decode(bad.substring(0, bad.indexOf('=')), StandardCharsets.UTF_8)));
        }
    }

    @Test
    public void anAdministratorAddsFieldsThatWorkLikeBuiltInOnesAtOnce() {
        String suffix = tag.substring(3).toLowerCase().replace("-", "");
        String region = "cf_vung_" + suffix;
        String value = "cf_gia_tri_" + suffix;
        String visit = "cf_ngay_tham_" + suffix;
        String code = "cf_ma_kh_" + suffix;
        Api.Reply added = api.post("/api/v1/modules/leads/fields", Api.json(Map.of("name", region, "type", "picklist",
                "label", Map.of("en", "Region", "vi", "Vùng"), "filterable", true, "values", List.of(
                        Map.of("value", "NORTH", "label", Map.of("en", "North", "vi", "Miền Bắc")),
                        Map.of("value", "CENTRAL", "label", Map.of("en", "Central", "vi", "Miền Trung")),
                        Map.of("value", "SOUTH", "label", Map.of("en", "South", "vi", "Miền Nam"))))));
        assertEquals(added.toString(), 201, added.status);
        assertEquals(201, api.post("/api/v1/modules/leads/fields", Api.json(Map.of("name", value, "type", "money",
                "label", Map.of("en", "Deal value", "vi", "Giá trị"), "filterable", true, "sortable", true))).status);
        assertEquals(201, api.post("/api/v1/modules/leads/fields", Api.json(Map.of("name", visit, "type", "date",
                "label", Map.of("en", "Visit", "vi", "Ngày thăm"), "sortable", true))).status);
        assertEquals(201, api.post("/api/v1/modules/leads/fields", Api.json(Map.of("name", code, "type", "text",
                "label", Map.of("en", "Customer code", "vi", "Mã khách"), "searchable", true, "unique", true))).status);
        assertEquals(409, api.post("/api/v1/modules/leads/fields", Api.json(Map.of("name", region, "type", "text",
                "label", Map.of("en", "Again", "vi", "Lại")))).status);
        assertProblem(api.post("/api/v1/modules/leads/fields", Api.json(Map.of("type", "colour", "label", Map.of("en", "X")))), 400);
        // a salesperson fills them in at once, like any field
        Api lan = api.withCredentials("lan", "ban-hang-lan-1");
        assertEquals(403, lan.post("/api/v1/modules/leads/fields", Api.json(Map.of("type", "text", "label", Map.of("en", "Mine")))).status);
        JsonNode fields = lan.get("/api/v1/modules").json();
        assertTrue(fields.toString(), fields.toString().contains(region) && fields.toString().contains("Miền Nam"));
        for (Object[] row : new Object[][] {{"Bắc", "NORTH", 5000000, "2026-10-01", "KH-1-" + suffix},
                {"Nam", "SOUTH", 15000000, "2026-11-15", "KH-2-" + suffix}, {"Nam Hai", "SOUTH", 25000000, "2026-12-01", "KH-3-" + suffix}}) {
            Api.Reply r = lan.post("/api/v1/leads", Api.json(Map.of("lastName", row[0] + " " + tag, "company", tag,
                    region, row[1], value, row[2], visit, row[3], code, row[4])));
            assertEquals(r.toString(), 201, r.status);
            assertEquals(row[1], r.json().get(region).asText());
        }
        assertEquals(Set.of("Nam " + tag, "Nam Hai " + tag),
                lastNames("company=" + enc(tag) + "&" + region + "=SOUTH"));
        assertEquals(Set.of("Nam Hai " + tag),
                lastNames("company=" + enc(tag) + "&" + region + "=SOUTH&" + value + "%5Bgte%5D=20000000"));
        // sorted by a custom date, page after page
        JsonNode first = api.get("/api/v1/leads?company=" + enc(tag) + "&sort=-" + visit + "&limit=2").json();
        assertEquals("Nam Hai " + tag, first.get("items").get(0).get("lastName").asText());
        JsonNode rest = api.get("/api/v1/leads?company=" + enc(tag) + "&sort=-" + visit + "&limit=2&cursor="
                + first.get("nextCursor").asText()).json();
        assertEquals("Bắc " + tag, rest.get("items").get(0).get("lastName").asText());
        // found by q, held unique, checked as declared
        assertEquals(1, api.get("/api/v1/leads?q=" + enc("kh-2-" + suffix)).json().get("items").size());
        assertEquals(409, lan.post("/api/v1/leads", Api.json(Map.of("lastName", "Trùng", code, "KH-1-" + suffix))).status);
        Api.Reply wrong = lan.post("/api/v1/leads", Api.json(Map.of("lastName", "Sai", region, "EAST")));
        assertProblem(wrong, 422);
        assertEquals(region, wrong.json().get("errors").get(0).get("field").asText());
        assertProblem(lan.post("/api/v1/leads", Api.json(Map.of("lastName", "Sai", value, "nhiều"))), 400);
        assertProblem(lan.post("/api/v1/leads", Api.json(Map.of("lastName", "Sai", "cf_khong_co_" + suffix, "x"))), 400);
        // a change is in the history, labelled in the caller's language
        String bac = api.get("/api/v1/leads?" + region + "=NORTH&company=" + enc(tag)).json().get("items").get(0).get("id").asText();
        assertEquals("CENTRAL", api.patch("/api/v1/leads/" + bac, Api.json(Map.of(region, "CENTRAL")), "*").json().get(region).asText());
        JsonNode change = api.send("GET", "/api/v1/leads/" + bac + "/history?limit=1", null, null, null, "Accept-Language", "vi")
                .json().get("items").get(0).get("changes").get(0);
        assertEquals("Vùng", change.get("label").asText());
        // a picklist value taken away stays readable on the records holding it; retiring hides the field, keeps its data
        assertEquals(200, api.patch("/api/v1/modules/leads/fields/" + region, Api.json(Map.of("values", List.of(
                Map.of("value", "NORTH", "label", Map.of("en", "North", "vi", "Miền Bắc")),
                Map.of("value", "SOUTH", "label", Map.of("en", "South", "vi", "Miền Nam"))))), null).status);
        assertEquals("CENTRAL", api.get("/api/v1/leads/" + bac).json().get(region).asText());
        assertEquals(422, api.post("/api/v1/leads", Api.json(Map.of("lastName", "Mới", region, "CENTRAL"))).status);
        assertEquals(204, api.delete("/api/v1/modules/leads/fields/" + region, null).status);
        assertFalse(api.get("/api/v1/leads/" + bac).json().has(region));
        assertEquals(200, api.patch("/api/v1/modules/leads/fields/" + region, "{\"retired\":false}", null).status);
        assertEquals("CENTRAL", api.get("/api/v1/leads/" + bac).json().get(region).asText());
        for (String f : List.of(region, value, visit, code)) {
            assertEquals(204, api.delete("/api/v1/modules/leads/fields/" + f, null).status);
        }
    }

    @Test
    public void manyRecordsChangeInOneRequestEachCheckedAndInItsHistory() {
        List<String> ids = new ArrayList<>();
        for (String name : List.of("Một", "Hai", "Ba")) {
            ids.add(createLead(Map.of("lastName", name + " " + tag, "company", tag)).get("id").asText());
        }
        JsonNode result = api.post("/api/v1/leads/bulk", Api.json(Map.of("ids", ids,
                "set", Map.of("assignedTo", "minh", "rating", "HOT"), "addTags", List.of("Hội chợ")))).json();
        assertEquals(result.toString(), 3, result.get("changed").asInt());
        assertEquals(Set.of("Một " + tag, "Hai " + tag, "Ba " + tag), lastNames("tags=" + enc("hoi cho") + "&assignedTo=minh&rating=HOT"));
        JsonNode history = api.get("/api/v1/leads/" + ids.get(0) + "/history").json().get("items");
        assertEquals("one line a record", "UPDATED", history.get(0).get("action").asText());
        assertEquals("CREATED", history.get(1).get("action").asText());

        // chosen by a filter; a record the rules refuse fails alone, the others change
        JsonNode byFilter = api.post("/api/v1/leads/bulk", Api.json(Map.of("filter", Map.of("company", tag, "q", "hai"),
                "removeTags", List.of("hội chợ")))).json();
        assertEquals(byFilter.toString(), 1, byFilter.get("changed").asInt());
        assertEquals(Set.of("Một " + tag, "Ba " + tag), lastNames("tags=" + enc("hoi cho") + "&company=" + enc(tag)));
        JsonNode mixed = api.post("/api/v1/leads/bulk", Api.json(Map.of("ids", List.of(ids.get(0), "no-such-lead"),
                "set", Map.of("assignedTo", "no-such-user")))).json();
        assertEquals(0, mixed.get("changed").asInt());
        assertEquals(422, mixed.get("items").get(0).get("status").asInt());
        assertEquals(404, mixed.get("items").get(1).get("status").asInt());
        // a salesperson who may only read changes nothing; bad requests are 400
        assertEquals(403, api.withCredentials(TesseraDistribution.QUOTES_WRITER, TesseraDistribution.QUOTES_WRITER_PASSWORD)
                .post("/api/v1/leads/bulk", Api.json(Map.of("ids", ids, "delete", true))).status);
        assertProblem(api.post("/api/v1/leads/bulk", Api.json(Map.of("ids", ids))), 400);
        assertProblem(api.post("/api/v1/leads/bulk", Api.json(Map.of("ids", ids, "filter", Map.of(), "delete", true))), 400);
        assertEquals(3, api.post("/api/v1/leads/bulk", Api.json(Map.of("ids", ids, "delete", true))).json().get("changed").asInt());
        assertEquals(Set.of(), lastNames("company=" + enc(tag)));
    }

    @Test
    public void aSalespersonSavesAViewSharesItAndAColleagueMakesItTheirDefault() {
        Api lan = api.withCredentials("lan", "ban-hang-lan-1");
        Api minh = api.withCredentials("minh", "ban-hang-minh-2");
        Api.Reply saved = lan.post("/api/v1/views", Api.json(Map.of("collection", "leads", "name", "Mới của tôi " + tag,
                "filters", Map.of("status", "NEW,NURTURING", "assignedTo", "me", "createdAt", "this_month"),
                "sort", "-createdAt", "columns", List.of("lastName", "company", "status", "tags"))));
        assertEquals(saved.toString(), 201, saved.status);
        String id = saved.json().get("id").asText();
        assertTrue(saved.json().get("mine").asBoolean());
        assertFalse("private until shared", minh.get("/api/v1/views?collection=leads").text.contains(id));
        assertEquals(404, minh.get("/api/v1/views/" + id).status);
        assertEquals(200, lan.patch("/api/v1/views/" + id, "{\"shared\":true}", null).status);
        assertTrue(minh.get("/api/v1/views?collection=leads").text.contains(id));
        assertEquals(403, minh.patch("/api/v1/views/" + id, "{\"name\":\"Của Minh\"}", null).status);
        JsonNode mine = minh.patch("/api/v1/views/" + id, "{\"isDefault\":true}", null).json();
        assertTrue(mine.toString(), mine.get("isDefault").asBoolean());
        assertFalse(lan.get("/api/v1/views/" + id).json().get("isDefault").asBoolean());
        // a view's list must be one the module serves
        Api.Reply bad = lan.post("/api/v1/views", Api.json(Map.of("collection", "leads", "name", "Sai",
                "filters", Map.of("annualRevenue[gte]", "lots"))));
        assertProblem(bad, 400);
        assertTrue(bad.text, bad.text.contains("annualRevenue[gte]"));
        assertProblem(lan.post("/api/v1/views", Api.json(Map.of("collection", "leads", "name", "Sai", "columns", List.of("colour")))), 400);
        assertProblem(lan.post("/api/v1/views", Api.json(Map.of("collection", "nothing", "name", "Sai"))), 400);
        assertEquals(204, lan.delete("/api/v1/views/" + id, null).status);
        assertEquals(404, minh.get("/api/v1/views/" + id).status);
    }

    @Test
    public void groupedTotalsByOneOrTwoFieldsAndAPeriodWithAMeasure() {
        for (Object[] row : new Object[][] {{"HOT", 10}, {"HOT", 20}, {"COLD", 30}}) {
            createLead(Map.of("lastName", "Tổng " + tag, "company", tag, "rating", row[0], "annualRevenue", row[1]));
        }
        String mine = "&company=" + enc(tag);
        JsonNode byRating = api.get("/api/v1/leads/counts?by=rating&measure=annualRevenue" + mine).json();
        assertEquals("annualRevenue", byRating.get("measure").asText());
        Map<String, String> totals = new java.util.TreeMap<>();
        byRating.get("items").forEach(g -> totals.put(g.get("value").asText(), g.get("count").asInt() + " " + g.get("sum").asText()
                + " " + g.get("avg").asText() + " " + g.get("min").asText() + " " + g.get("max").asText()));
        assertEquals(Map.of("COLD", "1 30 30.00 30 30", "HOT", "2 30 15.00 10 20"), totals);
        String month = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString().substring(0, 7);
        JsonNode two = api.get("/api/v1/leads/counts?by=rating,createdAt:month" + mine).json().get("items");
        assertEquals(2, two.size());
        assertEquals(month, two.get(0).get("values").get(1).asText());
        JsonNode weeks = api.get("/api/v1/leads/counts?by=createdAt:week" + mine).json().get("items");
        assertEquals(1, weeks.size());
        assertTrue(weeks.toString(), weeks.get(0).get("value").asText().matches("\\d{4}-W\\d{2}"));
        assertEquals(3, weeks.get(0).get("count").asInt());
        for (String bad : List.of("by=description", "by=rating&measure=company", "by=rating,status,source", "by=rating:month",
                "by=createdAt:fortnight")) {
            assertProblem(api.get("/api/v1/leads/counts?" + bad), 400);
        }
    }

    @Test
    public void countsByAFieldForDashboards() {
        TesseraDistribution.addUsers(List.of(tag + " = Dem-so-123,leads.read"));
        for (String rating : List.of("HOT", "HOT", "COLD")) {
            assertEquals(201, api.post("/api/v1/leads", Api.json(Map.of("lastName", "Đếm " + tag, "rating", rating,
                    "assignedTo", tag))).status);
        }
        JsonNode counts = api.get("/api/v1/leads/counts?by=rating&assignedTo=" + tag).json();
        assertEquals("rating", counts.get("by").asText());
        Map<String, Long> byRating = new java.util.TreeMap<>();
        counts.get("items").forEach(c -> byRating.put(c.get("value").asText(), c.get("count").asLong()));
        assertEquals(Map.of("COLD", 1L, "HOT", 2L), byRating);
        assertEquals(400, api.get("/api/v1/leads/counts?by=lastName").status);
        assertEquals(400, api.get("/api/v1/leads/counts").status);
    }

    @Test
    public void anIntegrationWorksWithAnApiTokenUntilItIsRevoked() {
        Api.Reply made = api.post("/api/v1/tokens", Api.json(Map.of("name", "Đồng bộ kế toán " + tag)));
        assertEquals(made.toString(), 201, made.status);
        String secret = made.json().get("token").asText();
        String id = made.json().get("id").asText();
        assertTrue(secret, secret.startsWith("tsr_") && secret.length() > 40);
        assertTrue(made.header("Location").endsWith("/api/v1/tokens/" + id));
        JsonNode listed = api.get("/api/v1/tokens").json().get("items");
        boolean found = false;
        for (JsonNode t : listed) {
            assertFalse("a secret is shown once, never listed", t.has("token") && !t.get("token").isNull());
            found |= t.get("id").asText().equals(id);
        }
        assertTrue(found);

        Api integration = api.withToken(secret);
        Api.Reply created = integration.post("/api/v1/leads", Api.json(Map.of("lastName", "Token " + tag)));
        assertEquals(created.toString(), 201, created.status);
        assertEquals("admin", created.json().get("createdBy").asText());
        assertEquals(200, integration.get("/api/v1/leads/" + created.json().get("id").asText()).status);
        assertEquals("a token does not make tokens", 403,
                integration.post("/api/v1/tokens", Api.json(Map.of("name", "again"))).status);

        assertProblem(api.post("/api/v1/tokens", Api.json(Map.of("name", " "))), 422);
        assertProblem(api.post("/api/v1/tokens", Api.json(Map.of("name", "old", "expiresAt", "2020-01-01T00:00:00Z"))), 422);
        assertProblem(api.post("/api/v1/tokens", Api.json(Map.of("nam", "typo"))), 400);
        assertProblem(api.withToken("tsr_not-a-token").get("/api/v1/leads"), 401);
        assertProblem(api.withoutCredentials().get("/api/v1/tokens"), 401);

        assertEquals(204, api.delete("/api/v1/tokens/" + id, null).status);
        assertProblem(integration.get("/api/v1/leads?limit=1"), 401);
        assertProblem(api.delete("/api/v1/tokens/" + id, null), 404);
    }

    @Test
    public void aClientThatAsksForVietnameseGetsTheReasonsInVietnamese() {
        String body = Api.json(Map.of("firstName", "Thiếu họ", "email", "khong-phai-email"));
        Api.Reply vi = api.post("/api/v1/leads", body, "Accept-Language", "vi");
        assertEquals(vi.toString(), 422, vi.status);
        assertEquals("vi", vi.header("Content-Language"));
        assertEquals("Dữ liệu không hợp lệ", vi.json().get("title").asText());
        Map<String, String> messages = new HashMap<>();
        vi.json().get("errors").forEach(e -> messages.put(e.get("field").asText(), e.get("message").asText()));
        assertEquals("là bắt buộc", messages.get("lastName"));
        assertEquals("không phải là địa chỉ email", messages.get("email"));
        assertTrue(vi.json().get("detail").asText(), vi.json().get("detail").asText().startsWith("Bản ghi"));
        assertFalse("the module is named in Vietnamese too: " + vi.json().get("detail").asText(),
                vi.json().get("detail").asText().contains(" leads "));

        Api.Reply en = api.post("/api/v1/leads", body, "Accept-Language", "en-GB, vi;q=0.5");
        assertEquals(422, en.status);
        assertEquals("Unprocessable Content", en.json().get("title").asText());
        assertEquals(0, api.get("/api/v1/leads?q=" + "thieu%20ho&limit=5").json().get("items").size());
        Api.Reply assignment = api.post("/api/v1/leads/assign", "{\"leadIds\": [], \"assignees\": [\"lan\"]}", "Accept-Language", "vi");
        assertEquals(assignment.toString(), 422, assignment.status);
        assertEquals("a module's own rule, translated by the module", "phải có ít nhất một khách hàng tiềm năng",
                assignment.json().get("errors").get(0).get("message").asText());
        // a conversion refused for its potential says so in Vietnamese throughout
        String lead = api.post("/api/v1/leads", Api.json(Map.of("lastName", "Chuyển " + tag, "company", "Sao Mai " + tag))).json().get("id").asText();
        Api.Reply conversion = api.post("/api/v1/leads/" + lead + "/convert", Api.json(Map.of("account", Map.of("create", true),
                "potential", Map.of("name", "Máy POS", "amount", 5))), "Accept-Language", "vi");
        assertEquals(conversion.toString(), 422, conversion.status);
        assertEquals("Không tạo được cơ hội: potential.closeDate: là bắt buộc", conversion.json().get("detail").asText());
    }

    @Test
    public void aRetriedPostWithTheSameIdempotencyKeyCreatesOnce() {
        String key = "retry-" + UUID.randomUUID();
        String body = Api.json(Map.of("lastName", "Lặp Lại " + tag, "email", "lap@" + tag.toLowerCase() + ".vn"));
        Api.Reply first = api.post("/api/v1/leads", body, "Idempotency-Key", key);
        assertEquals(first.toString(), 201, first.status);
        Api.Reply again = api.post("/api/v1/leads", body, "Idempotency-Key", key);
        assertEquals(again.toString(), 201, again.status);
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(1, api.get("/api/v1/leads?q=" + tag.toLowerCase() + "&limit=10").json().get("items").size());

        Api.Reply other = api.post("/api/v1/leads", Api.json(Map.of("lastName", "Khác " + tag)), "Idempotency-Key", key);
        assertEquals(other.toString(), 422, other.status);
        Api.Reply refused = api.post("/api/v1/leads", Api.json(Map.of("firstName", "Thiếu họ")), "Idempotency-Key", "bad-" + key);
        assertEquals(422, refused.status);
        assertEquals("a refusal is an answer too", 422,
                api.post("/api/v1/leads", Api.json(Map.of("firstName", "Thiếu họ")), "Idempotency-Key", "bad-" + key).status);
        assertEquals(400, api.post("/api/v1/leads", body, "Idempotency-Key", " ").status);
    }

    @Test
    public void healthAnswersWithoutSignInAndModulesListLeadsWithBothLanguages() {
        Api.Reply health = api.withoutCredentials().get("/api/v1/health");
        assertEquals(health.toString(), 200, health.status);
        assertEquals("UP", health.json().get("database").asText());

        assertProblem(api.withoutCredentials().get("/api/v1/modules"), 401);
        JsonNode modules = api.get("/api/v1/modules").json().get("items");
        JsonNode leads = null;
        for (JsonNode m : modules) {
            if (m.get("name").asText().equals("leads")) {
                leads = m;
            }
        }
        assertNotNull(modules.toString(), leads);
        assertEquals("/api/v1/leads", leads.get("path").asText());
        JsonNode status = null;
        for (JsonNode f : leads.get("fields")) {
            if (f.get("name").asText().equals("status")) {
                status = f;
            }
        }
        assertEquals("ENUM", status.get("type").asText());
        // Every enum value of every installed module has an English and a Vietnamese label.
        for (JsonNode m : modules) {
            for (JsonNode f : m.get("fields")) {
                if (f.has("values")) {
                    for (JsonNode v : f.get("values")) {
                        String where = m.get("name").asText() + "." + f.get("name").asText() + "=" + v.get("value").asText();
                        assertFalse(where, v.get("en").isNull() || v.get("en").asText().isBlank());
                        assertFalse(where, v.get("vi").isNull() || v.get("vi").asText().isBlank());
                    }
                }
            }
        }
        assertEquals("NEW", status.get("values").get(0).get("value").asText());
        assertEquals("Mới", status.get("values").get(0).get("vi").asText());
    }

    @Test
    public void createReadAndFindByAccentFreeSearch() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("salutation", "Anh");
        fields.put("firstName", "Văn An");
        fields.put("lastName", "Nguyễn");
        fields.put("company", tag);
        fields.put("email", "an.nguyen@example.vn");
        fields.put("annualRevenue", 1250000.5);
        fields.put("employees", 40);
        fields.put("source", "TRADE_SHOW");
        fields.put("address", Map.of("street", "12 Lê Lợi", "city", "Hồ Chí Minh", "country", "Việt Nam"));
        Api.Reply created = api.post("/api/v1/leads", Api.json(fields));
        assertEquals(created.toString(), 201, created.status);
        JsonNode lead = created.json();
        String id = lead.get("id").asText();
        assertTrue(created.header("Location"), created.header("Location").endsWith("/api/v1/leads/" + id));
        assertEquals("\"1\"", created.header("ETag"));
        assertTrue(lead.get("number").asText().matches("LEA-\\d{6}"));
        assertEquals("NEW", lead.get("status").asText());
        assertEquals("admin", lead.get("createdBy").asText());
        assertTrue(created.text, created.text.contains("\"annualRevenue\":1250000.50"));

        Api.Reply read = api.get("/api/v1/leads/" + id);
        assertEquals(200, read.status);
        assertEquals("\"1\"", read.header("ETag"));
        assertEquals("Hồ Chí Minh", read.json().get("address").get("city").asText());
        assertEquals(lead.get("createdAt").asText(), read.json().get("createdAt").asText());

        for (String q : List.of("nguyen van", "NGUYEN", "ho chi minh", "van an nguyen", "an.nguyen@example")) {
            JsonNode items = api.get("/api/v1/leads?company=" + tag + "&q=" + q.replace(" ", "%20")).json().get("items");
            assertEquals(q, 1, items.size());
            assertEquals(id, items.get(0).get("id").asText());
        }
        assertEquals(0, api.get("/api/v1/leads?company=" + tag + "&q=tran").json().get("items").size());
    }

    @Test
    public void searchFollowsEveryChangeOfARecordAcrossTheWholeTable() {
        String before = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String after = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JsonNode lead = createLead("Diễm " + before, "Quách");
        String path = "/api/v1/leads/" + lead.get("id").asText();
        // No other filter: the search alone must find one record among all, by a part of a word too.
        assertEquals(1, search(before.substring(2, 9)));
        assertEquals(1, search("quach diem " + before));

        assertEquals(200, api.patch(path, "{\"firstName\":\"Diễm " + after + "\"}", "\"1\"").status);
        assertEquals("the old words are gone", 0, search(before));
        assertEquals(1, search(after.substring(3)));
        assertEquals(1, search("DIỄM " + after));

        assertEquals(204, api.delete(path, "\"2\"").status);
        assertEquals(0, search(after));
        assertEquals(1, api.get("/api/v1/leads?deleted=true&q=" + after).json().get("items").size());
        assertEquals(200, api.post(path + "/restore", null).status);
        assertEquals(1, search(after));
    }

    private int search(String q) {
        String encoded = URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20");
        return api.get("/api/v1/leads?q=" + encoded).json().get("items").size();
    }

    @Test
    public void vietnameseDStrokeIsFoundByPlainD() {
        String id = createLead("Thị Hoa", "Đặng").get("id").asText();
        JsonNode items = api.get("/api/v1/leads?company=" + tag + "&q=dang").json().get("items");
        assertEquals(1, items.size());
        assertEquals(id, items.get(0).get("id").asText());
    }

    @Test
    public void pagingWalksEveryLeadOnceWithFiltersAndSort() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 230; i++) {
            Map<String, Object> fields = new LinkedHashMap<>();
            // Repeated last names and missing first names exercise ties and nulls in the keyset.
            fields.put("lastName", "Lê " + (i % 7));
            if (i % 3 != 0) {
                fields.put("firstName", "Minh " + (i % 11));
            }
            fields.put("company", tag);
            fields.put("rating", i % 2 == 0 ? "HOT" : "COLD");
            created.add(createLead(fields).get("id").asText());
        }
        assertEquals(created, walk("/api/v1/leads?company=" + tag + "&limit=37", 230));
        assertEquals(created, walk("/api/v1/leads?company=" + tag + "&sort=lastName,-createdAt&limit=50", 230));
        assertEquals(created, walk("/api/v1/leads?company=" + tag + "&sort=-firstName,lastName&limit=23", 230));
        Set<String> hot = walk("/api/v1/leads?company=" + tag + "&rating=HOT&sort=firstName&limit=40", 115);
        assertTrue(created.containsAll(hot));

        // Sorted order holds across pages.
        List<String> lastNames = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/leads?company=" + tag + "&sort=lastName&limit=60"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(l -> lastNames.add(l.get("lastName").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        List<String> sorted = new ArrayList<>(lastNames);
        sorted.sort(null);
        assertEquals(sorted, lastNames);
    }

    /** Follows the cursor to the end; every lead must come exactly once. */
    private Set<String> walk(String path, int expected) {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Reply r = api.get(path + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(r.toString(), 200, r.status);
            JsonNode page = r.json();
            for (JsonNode lead : page.get("items")) {
                assertTrue("duplicate across pages: " + lead.get("id"), seen.add(lead.get("id").asText()));
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            assertTrue("too many pages", ++pages < 100);
        } while (cursor != null);
        assertEquals(path, expected, seen.size());
        return seen;
    }

    @Test
    public void listParametersAreChecked() {
        assertProblem(api.get("/api/v1/leads?limit=501"), 400);
        assertProblem(api.get("/api/v1/leads?limit=abc"), 400);
        assertProblem(api.get("/api/v1/leads?sort=description"), 400);
        assertProblem(api.get("/api/v1/leads?favouriteColour=red"), 400);
        assertProblem(api.get("/api/v1/leads?status=MAYBE"), 400);
        assertProblem(api.get("/api/v1/leads?cursor=not-a-cursor"), 400);
    }

    @Test
    public void badInputIsA4xxProblemAndChangesNothing() {
        String before = api.get("/api/v1/leads?company=" + tag).text;
        assertProblem(api.post("/api/v1/leads", "{\"lastName\": \"Trần\", "), 400);
        assertProblem(api.post("/api/v1/leads", "[1, 2]"), 400);
        Api.Reply unknown = api.post("/api/v1/leads", "{\"lastName\": \"Trần\", \"company\": \"" + tag + "\", \"shoeSize\": 42}");
        assertProblem(unknown, 400);
        assertEquals("shoeSize", unknown.json().get("errors").get(0).get("field").asText());
        Api.Reply managed = api.post("/api/v1/leads", "{\"lastName\": \"Trần\", \"company\": \"" + tag + "\", \"number\": \"LEA-999999\"}");
        assertProblem(managed, 400);
        assertEquals("number", managed.json().get("errors").get(0).get("field").asText());
        Api.Reply missing = api.post("/api/v1/leads", "{\"firstName\": \"Bình\", \"company\": \"" + tag + "\", \"email\": \"not-an-email\"}");
        assertProblem(missing, 422);
        assertEquals(2, missing.json().get("errors").size());
        assertProblem(api.post("/api/v1/leads", "{\"lastName\": \"Trần\", \"company\": \"" + tag + "\", \"rating\": \"LUKEWARM\"}"), 400);
        assertProblem(api.post("/api/v1/leads", "{\"lastName\": \"Trần\", \"company\": \"" + tag + "\", \"employees\": \"many\"}"), 400);
        assertProblem(api.post("/api/v1/leads", "{\"lastName\": \"" + "x".repeat(300) + "\", \"company\": \"" + tag + "\"}"), 422);
        assertProblem(api.post("/api/v1/leads", "{\"lastName\": \"" + "x".repeat(1_100_000) + "\"}"), 413);
        // without a declared length the body is counted as it is read
        assertProblem(api.postChunked("/api/v1/leads", "{\"lastName\": \"" + "x".repeat(1_100_000) + "\"}"), 413);
        assertEquals(before, api.get("/api/v1/leads?company=" + tag).text);
        assertEquals("a chunked body within the limit is read", 201,
                api.postChunked("/api/v1/leads", "{\"lastName\": \"Trần\", \"company\": \"" + tag + " chunked\"}").status);
        assertProblem(api.get("/api/v1/leads/" + UUID.randomUUID()), 404);
    }

    @Test
    public void everyCallNeedsValidCredentials() {
        assertProblem(api.withoutCredentials().get("/api/v1/leads"), 401);
        Api.Reply wrong = api.withCredentials("admin", "wrong-password").post("/api/v1/leads", "{\"lastName\": \"X\"}");
        assertProblem(wrong, 401);
        assertNotNull(wrong.header("WWW-Authenticate"));
        assertProblem(api.withCredentials("nobody", "nothing").get("/api/v1/leads"), 401);
    }

    @Test
    public void patchHonoursIfMatchAndTheFunnel() {
        String id = createLead("Quốc Bảo", "Phạm").get("id").asText();
        String path = "/api/v1/leads/" + id;

        Api.Reply patched = api.patch(path, "{\"title\": \"Giám đốc\", \"rating\": \"HOT\"}", "\"1\"");
        assertEquals(patched.toString(), 200, patched.status);
        assertEquals("\"2\"", patched.header("ETag"));
        assertEquals("Giám đốc", patched.json().get("title").asText());
        assertEquals("Quốc Bảo", patched.json().get("firstName").asText());

        Api.Reply stale = api.patch(path, "{\"title\": \"Kế toán\"}", "\"1\"");
        assertProblem(stale, 412);
        assertEquals("Giám đốc", api.get(path).json().get("title").asText());

        assertProblem(api.patch(path, "{\"status\": \"QUALIFIED\"}", null), 422);
        assertProblem(api.patch(path, "{\"status\": \"CONVERTED\"}", null), 422);
        assertProblem(api.patch(path, "{\"status\": \"DISQUALIFIED\"}", null), 422);
        assertProblem(api.patch(path, "{\"id\": \"x\"}", null), 400);
        assertEquals("NEW", api.get(path).json().get("status").asText());

        assertEquals("NURTURING", api.patch(path, "{\"status\": \"NURTURING\"}", null).json().get("status").asText());
        assertEquals("QUALIFIED", api.patch(path, "{\"status\": \"QUALIFIED\"}", null).json().get("status").asText());
        JsonNode disqualified = api.patch(path, "{\"status\": \"DISQUALIFIED\", \"disqualifyReason\": \"Không có ngân sách\"}", null).json();
        assertEquals("DISQUALIFIED", disqualified.get("status").asText());
        assertProblem(api.patch(path, "{\"status\": \"QUALIFIED\"}", null), 422);
        JsonNode recycled = api.patch(path, "{\"status\": \"NURTURING\"}", null).json();
        assertEquals("NURTURING", recycled.get("status").asText());
        assertTrue(recycled.get("disqualifyReason").isNull());

        // Merge patch: null removes a value.
        assertTrue(api.patch(path, "{\"title\": null}", null).json().get("title").isNull());
    }

    @Test
    public void deleteMovesToTheRecycleBinAndRestoreBringsItBack() {
        JsonNode lead = createLead("Thu", "Võ");
        String id = lead.get("id").asText();
        String path = "/api/v1/leads/" + id;
        assertProblem(api.delete(path, "\"7\""), 412);
        Api.Reply deleted = api.delete(path, "\"1\"");
        assertEquals(deleted.toString(), 204, deleted.status);
        assertProblem(api.get(path), 404);
        assertEquals(0, api.get("/api/v1/leads?company=" + tag).json().get("items").size());
        JsonNode bin = api.get("/api/v1/leads?deleted=true&company=" + tag).json().get("items");
        assertEquals(1, bin.size());
        assertEquals(id, bin.get(0).get("id").asText());
        assertFalse(bin.get(0).get("deletedAt").isNull());

        Api.Reply restored = api.post(path + "/restore", null);
        assertEquals(restored.toString(), 200, restored.status);
        assertTrue(restored.json().get("deletedAt").isNull());
        assertEquals(lead.get("number").asText(), api.get(path).json().get("number").asText());
        assertEquals(1, api.get("/api/v1/leads?company=" + tag).json().get("items").size());
        assertProblem(api.post(path + "/restore", null), 409);
    }

    @Test
    public void roundRobinAssignmentSpreadsLeadsEvenly() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(createLead("Lead " + i, "Hoàng").get("id").asText());
        }
        Api.Reply r = api.post("/api/v1/leads/assign", Api.json(Map.of("leadIds", ids, "assignees", List.of("lan", "minh", "tuan"))));
        assertEquals(r.toString(), 200, r.status);
        Map<String, Integer> perUser = new HashMap<>();
        for (JsonNode lead : r.json().get("items")) {
            perUser.merge(lead.get("assignedTo").asText(), 1, Integer::sum);
            assertEquals("NURTURING", lead.get("status").asText());
        }
        assertEquals(Map.of("lan", 4, "minh", 3, "tuan", 3), perUser);
        JsonNode lans = api.get("/api/v1/leads?company=" + tag + "&assignedTo=lan").json().get("items");
        assertEquals(4, lans.size());

        // One lead to one person; a bad request changes nothing.
        assertProblem(api.post("/api/v1/leads/assign", Api.json(Map.of("leadIds", List.of(ids.get(0)), "assignees", List.of()))), 422);
        assertProblem(api.post("/api/v1/leads/assign", Api.json(Map.of("leadIds", List.of(ids.get(0), UUID.randomUUID().toString()), "assignees", List.of("hoa")))), 404);
        assertEquals("lan", api.get("/api/v1/leads/" + ids.get(0)).json().get("assignedTo").asText());
        Api.Reply one = api.post("/api/v1/leads/assign", Api.json(Map.of("leadIds", List.of(ids.get(0)), "assignees", List.of("hoa"))));
        assertEquals("hoa", one.json().get("items").get(0).get("assignedTo").asText());

        // Only users of Tessera: a name nobody signs in with is refused, and nothing changes.
        Api.Reply ghost = api.post("/api/v1/leads/assign", Api.json(Map.of("leadIds", List.of(ids.get(0)), "assignees", List.of("ma"))));
        assertProblem(ghost, 422);
        assertEquals("assignees[0]", ghost.json().get("errors").get(0).get("field").asText());
        assertProblem(api.patch("/api/v1/leads/" + ids.get(0), Api.json(Map.of("assignedTo", "ma")), null), 422);
        assertEquals("hoa", api.get("/api/v1/leads/" + ids.get(0)).json().get("assignedTo").asText());
    }

    @Test
    public void nurturingTouchesAreLoggedNewestFirst() {
        String id = createLead("Hải", "Bùi").get("id").asText();
        String path = "/api/v1/leads/" + id + "/touches";
        Api.Reply first = api.post(path, "{\"channel\": \"CALL\", \"outcome\": \"NO_ANSWER\", \"at\": \"2026-03-01T09:00:00Z\"}");
        assertEquals(first.toString(), 201, first.status);
        assertEquals("admin", first.json().get("by").asText());
        api.post(path, "{\"channel\": \"EMAIL\", \"outcome\": \"REPLIED\", \"note\": \"Hẹn gặp tuần sau\", \"at\": \"2026-03-02T09:00:00Z\"}");
        assertProblem(api.post(path, "{\"outcome\": \"REPLIED\"}"), 422);
        assertProblem(api.post(path, "{\"channel\": \"PIGEON\"}"), 400);
        assertProblem(api.post("/api/v1/leads/" + UUID.randomUUID() + "/touches", "{\"channel\": \"SMS\"}"), 404);
        JsonNode touches = api.get(path).json().get("items");
        assertEquals(2, touches.size());
        assertEquals("EMAIL", touches.get(0).get("channel").asText());
        assertEquals("Hẹn gặp tuần sau", touches.get(0).get("note").asText());

        // a child collection: a page at a time, newest first, each touch a line in the lead's history
        JsonNode page = api.get(path + "?limit=1").json();
        assertEquals("EMAIL", page.get("items").get(0).get("channel").asText());
        JsonNode older = api.get(path + "?limit=1&cursor=" + page.get("nextCursor").asText()).json();
        assertEquals("CALL", older.get("items").get(0).get("channel").asText());
        assertTrue(older.toString(), older.get("nextCursor").isNull());
        assertProblem(api.get(path + "?cursor=!!"), 400);
        assertProblem(api.get(path + "?limit=100000"), 400);
        JsonNode history = api.get("/api/v1/leads/" + id + "/history?limit=2").json().get("items");
        assertEquals(history.toString(), "TOUCHED", history.get(0).get("action").asText());
        JsonNode logged = history.get(0).get("changes").get(0);
        assertEquals("touches", logged.get("field").asText());
        assertEquals("EMAIL: REPLIED · Hẹn gặp tuần sau", logged.get("to").asText());
        assertEquals("TOUCHED", history.get(1).get("action").asText());
    }

    @Test
    public void concurrentCreationsGetDistinctGapFreeNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<JsonNode>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                work.add(() -> createLead("Song song " + n, "Đỗ"));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<JsonNode> f : pool.invokeAll(work)) {
                numbers.add(Integer.parseInt(f.get().get("number").asText().substring(4)));
            }
            numbers.sort(null);
            assertEquals(40, new HashSet<>(numbers).size());
            // Creations by other tests may interleave, but these 40 are distinct and none is lost:
            // the highest number minus the lowest is at least 39.
            assertTrue(numbers.toString(), numbers.get(39) - numbers.get(0) >= 39);
        } finally {
            pool.shutdownNow();
        }
        assertNull(null);
    }

    @Test
    public void convertedLeadsLeaveTheDefaultListButCanBeAskedFor() {
        createLead("Ngọc", "Lý");
        JsonNode all = api.get("/api/v1/leads?status=CONVERTED&company=" + tag).json().get("items");
        assertEquals(0, all.size());
        assertEquals(1, api.get("/api/v1/leads?company=" + tag).json().get("items").size());
    }
}
