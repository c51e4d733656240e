package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accounts, contacts, potentials and lead conversion across the modules, over real HTTP. Data is
 * tagged per test (company names and owners) so tests stay independent.
 */
public abstract class SalesPipelineContract {
    @Inject
    protected BundleContext bundleContext;

    protected Api api;
    protected String tag;

    @Before
    public void signIn() {
        api = Api.asAdmin();
        api.awaitReady("/api/v1/potentials?limit=1", Duration.ofSeconds(60));
        tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
        // the salesperson this test's records are assigned to
        TesseraDistribution.addUsers(List.of(tag + " = Ban-hang-123,leads.write"));
    }

    private JsonNode post(String path, Object body, int status) {
        Api.Reply r = api.post(path, Api.json(body));
        assertEquals(r.toString(), status, r.status);
        return r.json();
    }

    private JsonNode lead(String company) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("salutation", "Chị");
        lead.put("firstName", "Thị Mai");
        lead.put("lastName", "Trần");
        lead.put("company", company);
        lead.put("title", "Trưởng phòng mua hàng");
        lead.put("email", "mai.tran@" + tag.toLowerCase() + ".vn");
        lead.put("phone", "028 3822 1234");
        lead.put("mobile", "0903 123 456");
        lead.put("website", "https://" + tag.toLowerCase() + ".vn");
        lead.put("industry", "Bán lẻ");
        lead.put("annualRevenue", 5000000000L);
        lead.put("employees", 120);
        lead.put("source", "TRADE_SHOW");
        lead.put("campaignId", post("/api/v1/campaigns", Map.of("name", "Hội chợ " + tag), 201).get("id").asText());
        lead.put("assignedTo", tag);
        lead.put("address", Map.of("street", "5 Nguyễn Huệ", "city", "Hồ Chí Minh", "country", "Việt Nam"));
        return post("/api/v1/leads?createAnyway=true", lead, 201); // the same person, once per test, on purpose
    }

    private int count(String path) {
        return api.get(path).json().get("items").size();
    }

    @Test
    public void convertingToAccountContactAndPotentialCarriesTheLeadsData() throws Exception {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "tessera/leads/CONVERTED");
        ServiceRegistration<EventHandler> listener = bundleContext.registerService(EventHandler.class, events::add, props);
        try {
            JsonNode lead = lead("Công ty " + tag);
            String leadId = lead.get("id").asText();
            JsonNode result = post("/api/v1/leads/" + leadId + "/convert", Map.of(
                    "account", Map.of("create", true),
                    "potential", Map.of("name", "Máy POS " + tag, "amount", 120000000, "currency", "VND",
                            "closeDate", "2026-12-15", "stage", "NEEDS_ANALYSIS")), 200);
            assertEquals(leadId, result.get("leadId").asText());

            JsonNode account = api.get("/api/v1/accounts/" + result.get("accountId").asText()).json();
            assertEquals("Công ty " + tag, account.get("name").asText());
            assertEquals("Bán lẻ", account.get("industry").asText());
            assertEquals("028 3822 1234", account.get("phone").asText());
            assertEquals("0903 123 456", account.get("otherPhone").asText());
            assertEquals(120, account.get("employees").asInt());
            assertEquals("Hồ Chí Minh", account.get("billingAddress").get("city").asText());
            assertFalse(account.get("individual").asBoolean());

            JsonNode contact = api.get("/api/v1/contacts/" + result.get("contactId").asText()).json();
            assertEquals("Trần", contact.get("lastName").asText());
            assertEquals("Thị Mai", contact.get("firstName").asText());
            assertEquals("Chị", contact.get("salutation").asText());
            assertEquals("Trưởng phòng mua hàng", contact.get("title").asText());
            assertEquals("TRADE_SHOW", contact.get("source").asText());
            assertEquals(account.get("id").asText(), contact.get("accountId").asText());
            assertEquals("5 Nguyễn Huệ", contact.get("mailingAddress").get("street").asText());

            JsonNode potential = api.get("/api/v1/potentials/" + result.get("potentialId").asText()).json();
            assertEquals("Máy POS " + tag, potential.get("name").asText());
            assertEquals(account.get("id").asText(), potential.get("accountId").asText());
            assertEquals(contact.get("id").asText(), potential.get("contactId").asText());
            assertEquals("TRADE_SHOW", potential.get("source").asText());
            assertEquals(lead.get("campaignId").asText(), potential.get("campaignId").asText());
            assertEquals(25, potential.get("probability").asInt());
            assertEquals(30000000, potential.get("forecastAmount").asLong());

            JsonNode converted = api.get("/api/v1/leads/" + leadId).json();
            assertEquals("CONVERTED", converted.get("status").asText());
            assertEquals(account.get("id").asText(), converted.get("convertedAccountId").asText());
            assertEquals(contact.get("id").asText(), converted.get("convertedContactId").asText());
            assertEquals(potential.get("id").asText(), converted.get("convertedPotentialId").asText());
            assertFalse(converted.get("convertedAt").isNull());
            assertEquals(0, count("/api/v1/leads?assignedTo=" + tag));
            assertEquals(1, count("/api/v1/leads?assignedTo=" + tag + "&status=CONVERTED"));

            Event event = events.poll(10, TimeUnit.SECONDS);
            assertNotNull("tessera/leads/CONVERTED posted after commit", event);
            assertEquals(leadId, event.getProperty("id"));
            assertEquals(potential.get("id").asText(), event.getProperty("potentialId"));

            Api.Reply twice = api.post("/api/v1/leads/" + leadId + "/convert", "{\"contact\": {\"create\": true}}");
            assertEquals(twice.toString(), 409, twice.status);
        } finally {
            listener.unregister();
        }
    }

    @Test
    public void aPotentialAloneCreatesItsContactAndAContactAloneNeedsNoAccount() {
        String company = "Cửa hàng " + tag;
        JsonNode withPotential = post("/api/v1/leads/" + lead(company).get("id").asText() + "/convert",
                Map.of("potential", Map.of("closeDate", "2027-01-31")), 200);
        assertTrue(withPotential.get("accountId").isNull());
        assertFalse(withPotential.get("contactId").isNull());
        JsonNode potential = api.get("/api/v1/potentials/" + withPotential.get("potentialId").asText()).json();
        assertEquals(company, potential.get("name").asText());
        assertEquals("PROSPECTING", potential.get("stage").asText());
        assertEquals(withPotential.get("contactId").asText(), potential.get("contactId").asText());

        JsonNode contactOnly = post("/api/v1/leads/" + lead(company + " 2").get("id").asText() + "/convert",
                Map.of("contact", Map.of("create", true)), 200);
        assertTrue(contactOnly.get("accountId").isNull());
        assertTrue(contactOnly.get("potentialId").isNull());
        assertTrue(api.get("/api/v1/contacts/" + contactOnly.get("contactId").asText()).json().get("accountId").isNull());

        Api.Reply nothing = api.post("/api/v1/leads/" + lead(company + " 3").get("id").asText() + "/convert", "{}");
        assertEquals(nothing.toString(), 422, nothing.status);
    }

    @Test
    public void anExistingOrganisationIsNotSilentlyDuplicated() {
        JsonNode existing = post("/api/v1/accounts", Map.of("name", "Tập đoàn " + tag, "type", "CUSTOMER"), 201);
        String leadId = lead("TẬP ĐOÀN " + tag.toLowerCase()).get("id").asText();
        Api.Reply dup = api.post("/api/v1/leads/" + leadId + "/convert", "{\"account\": {\"create\": true}}");
        assertEquals(dup.toString(), 409, dup.status);
        assertEquals(existing.get("id").asText(), dup.json().get("existingId").asText());
        assertEquals("NEW", api.get("/api/v1/leads/" + leadId).json().get("status").asText());

        JsonNode named = post("/api/v1/leads/" + leadId + "/convert",
                Map.of("account", Map.of("id", existing.get("id").asText()), "contact", Map.of("create", true)), 200);
        assertEquals(existing.get("id").asText(), named.get("accountId").asText());
        assertEquals(1, count("/api/v1/accounts?q=" + tag));
        assertEquals(1, count("/api/v1/contacts?accountId=" + existing.get("id").asText()));

        String second = lead("Tập đoàn " + tag).get("id").asText();
        JsonNode fresh = post("/api/v1/leads/" + second + "/convert",
                Map.of("account", Map.of("create", true, "allowDuplicate", true)), 200);
        assertFalse(existing.get("id").asText().equals(fresh.get("accountId").asText()));

        Api.Reply direct = api.post("/api/v1/accounts", Api.json(Map.of("name", "tap doan " + tag)));
        assertEquals(direct.toString(), 409, direct.status);
        Api.Reply individual = api.post("/api/v1/accounts", Api.json(Map.of("name", "Tập đoàn " + tag, "individual", true)));
        assertEquals(individual.toString(), 201, individual.status);
    }

    @Test
    public void aFailingLastStepLeavesNothingBehind() {
        JsonNode lead = lead("Xưởng " + tag);
        String leadId = lead.get("id").asText();
        // The potentials module refuses a potential without a close date: the account and contact made
        // before it in the same transaction must disappear with it.
        Api.Reply failed = api.post("/api/v1/leads/" + leadId + "/convert", Api.json(Map.of(
                "account", Map.of("create", true), "contact", Map.of("create", true),
                "potential", Map.of("name", "Không có ngày", "amount", 1000))));
        assertEquals(failed.toString(), 422, failed.status);
        assertEquals("potential.closeDate", failed.json().get("errors").get(0).get("field").asText());
        assertEquals(0, count("/api/v1/accounts?q=" + tag));
        assertEquals(0, count("/api/v1/contacts?q=" + tag));
        assertEquals(0, count("/api/v1/potentials?assignedTo=" + tag));
        JsonNode unchanged = api.get("/api/v1/leads/" + leadId).json();
        assertEquals("NEW", unchanged.get("status").asText());
        assertEquals(lead.get("version").asLong(), unchanged.get("version").asLong());
        assertTrue(unchanged.get("convertedAccountId").isNull());

        // The same conversion with the date goes through.
        post("/api/v1/leads/" + leadId + "/convert", Map.of("account", Map.of("create", true),
                "potential", Map.of("name", "Có ngày", "amount", 1000, "closeDate", "2026-12-01")), 200);
        assertEquals(1, count("/api/v1/accounts?q=" + tag));
    }

    @Test
    public void searchFindsRecordsAcrossModules() {
        String word = "Xuyen" + tag.substring(3).replace("-", "");
        post("/api/v1/leads", Map.of("firstName", "Ánh", "lastName", "Nguyễn " + word.replace("Xuyen", "Xuyến")), 201);
        post("/api/v1/accounts", Map.of("name", "Công ty " + word.replace("Xuyen", "Xuyến")), 201);
        post("/api/v1/contacts", Map.of("lastName", "Trần " + word), 201);
        JsonNode found = api.get("/api/v1/search?q=" + word.toLowerCase()).json().get("items");
        List<String> collections = new ArrayList<>();
        found.forEach(r -> collections.add(r.get("collection").asText()));
        assertEquals(found.toString(), List.of("accounts", "contacts", "leads"), collections);
        assertTrue(found.get(0).get("number").asText().startsWith("ACC-"));
        assertEquals(400, api.get("/api/v1/search").status);
        assertEquals(400, api.get("/api/v1/search?q=x&limit=0").status);
    }

    @Test
    public void pipelineCountsAmountsAndForecastByMonth() {
        String account = post("/api/v1/accounts", Map.of("name", "Khách " + tag), 201).get("id").asText();
        Object[][] data = {
                {"PROSPECTING", 1000000, "2026-12-10"}, {"PROSPECTING", 3000000, "2027-01-20"},
                {"NEGOTIATION_REVIEW", 2000000, "2026-12-25"}, {"CLOSED_WON", 5000000, "2026-11-05"},
                {"CLOSED_LOST", 7000000, "2026-12-31"}};
        for (Object[] d : data) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", "Cơ hội " + d[0]);
            p.put("accountId", account);
            p.put("stage", d[0]);
            p.put("amount", d[1]);
            p.put("closeDate", d[2]);
            p.put("assignedTo", tag);
            if ("CLOSED_LOST".equals(d[0])) {
                p.put("lostReason", "Giá cao");
            }
            post("/api/v1/potentials", p, 201);
        }
        post("/api/v1/potentials", Map.of("name", "Đô la", "accountId", account, "amount", 99.99, "currency", "USD",
                "closeDate", "2026-12-10", "assignedTo", tag), 201);

        JsonNode pipeline = api.get("/api/v1/potentials/pipeline?assignedTo=" + tag).json();
        assertEquals("VND", pipeline.get("currency").asText());
        Map<String, JsonNode> stages = new LinkedHashMap<>();
        pipeline.get("stages").forEach(s -> stages.put(s.get("stage").asText(), s));
        assertEquals(10, stages.size());
        assertEquals(2, stages.get("PROSPECTING").get("count").asInt());
        assertEquals(4000000, stages.get("PROSPECTING").get("amount").asLong());
        assertEquals(400000, stages.get("PROSPECTING").get("weightedAmount").asLong());
        assertEquals(1600000, stages.get("NEGOTIATION_REVIEW").get("weightedAmount").asLong());
        assertEquals(5000000, stages.get("CLOSED_WON").get("weightedAmount").asLong());
        assertEquals(0, stages.get("CLOSED_LOST").get("weightedAmount").asLong());
        assertEquals(5, pipeline.get("total").get("count").asInt());
        assertEquals(18000000, pipeline.get("total").get("amount").asLong());
        assertEquals(7000000, pipeline.get("total").get("weightedAmount").asLong());

        Map<String, JsonNode> months = new LinkedHashMap<>();
        pipeline.get("forecast").forEach(m -> months.put(m.get("month").asText(), m));
        assertEquals(List.of("2026-11", "2026-12", "2027-01"), List.copyOf(months.keySet()));
        assertEquals(2, months.get("2026-12").get("count").asInt());
        assertEquals(1700000, months.get("2026-12").get("weightedAmount").asLong());

        JsonNode december = api.get("/api/v1/potentials/pipeline?assignedTo=" + tag + "&from=2026-12-01&to=2026-12-31").json();
        assertEquals(3, december.get("total").get("count").asInt());
        JsonNode dollars = api.get("/api/v1/potentials/pipeline?assignedTo=" + tag + "&currency=USD").json();
        assertEquals("99.99", dollars.get("total").get("amount").asText());
        // "my pipeline": me is the caller
        post("/api/v1/potentials", Map.of("name", "Của tôi " + tag, "accountId", account, "amount", 250, "currency", "EUR",
                "closeDate", "2026-12-10", "assignedTo", "admin"), 201);
        JsonNode mine = api.get("/api/v1/potentials/pipeline?assignedTo=me&currency=EUR").json();
        assertTrue(mine.toString(), mine.get("total").get("count").asInt() >= 1);
        assertEquals(api.get("/api/v1/potentials/pipeline?assignedTo=admin&currency=EUR").json().get("total"), mine.get("total"));
        assertEquals(400, api.get("/api/v1/potentials/pipeline?from=yesterday").status);
        assertEquals(400, api.get("/api/v1/potentials/pipeline?currency=XYZ").status);
    }

    @Test
    public void stagesAreKeptInHistoryAndClosedPotentialsAreReadOnlyUntilReopened() {
        String contact = post("/api/v1/contacts", Map.of("lastName", "Phan " + tag), 201).get("id").asText();
        JsonNode p = post("/api/v1/potentials", Map.of("name", "Hợp đồng " + tag, "contactId", contact,
                "amount", 10000000, "closeDate", "2026-12-31"), 201);
        String path = "/api/v1/potentials/" + p.get("id").asText();
        assertEquals(10, p.get("probability").asInt());
        JsonNode moved = api.patch(path, "{\"stage\": \"PROPOSAL_PRICE_QUOTE\"}", null).json();
        assertEquals(65, moved.get("probability").asInt());
        assertEquals(6500000, moved.get("forecastAmount").asLong());
        JsonNode overridden = api.patch(path, "{\"probability\": 70}", null).json();
        assertEquals(70, overridden.get("probability").asInt());
        assertEquals(422, api.patch(path, "{\"stage\": \"CLOSED_LOST\"}", null).status);
        JsonNode lost = api.patch(path, "{\"stage\": \"CLOSED_LOST\", \"lostReason\": \"Chọn nhà cung cấp khác\"}", null).json();
        assertEquals(0, lost.get("probability").asInt());
        assertEquals(422, api.patch(path, "{\"amount\": 1}", null).status);

        Api.Reply reopened = api.post(path + "/reopen", null);
        assertEquals(reopened.toString(), 200, reopened.status);
        assertEquals("PROPOSAL_PRICE_QUOTE", reopened.json().get("stage").asText());
        assertTrue(reopened.json().get("lostReason").isNull());
        assertEquals(409, api.post(path + "/reopen", null).status);

        // The record's history, newest first: every change, the stage moves naming their stage.
        JsonNode history = api.get(path + "/history").json().get("items");
        assertEquals(history.toString(), 5, history.size());
        assertEquals("REOPENED", history.get(0).get("action").asText());
        assertEquals("PROPOSAL_PRICE_QUOTE", history.get(0).get("stage").asText());
        assertEquals("CLOSED_LOST", history.get(1).get("stage").asText());
        assertEquals("admin", history.get(1).get("by").asText());
        assertTrue("a probability override is no stage move", history.get(2).path("stage").isMissingNode());
        JsonNode override = null;
        for (JsonNode c : history.get(2).get("changes")) {
            override = c.get("field").asText().equals("probability") ? c : override;
        }
        assertNotNull(history.get(2).toString(), override);
        assertEquals(65, override.get("from").asInt());
        assertEquals(70, override.get("to").asInt());
        assertEquals("PROPOSAL_PRICE_QUOTE", history.get(3).get("stage").asText());
        assertEquals("CREATED", history.get(4).get("action").asText());
        assertEquals("PROSPECTING", history.get(4).get("stage").asText());
        assertEquals(422, api.post("/api/v1/potentials", Api.json(Map.of("name", "Mồ côi", "closeDate", "2026-12-31"))).status);
    }

    @Test
    public void hierarchiesHaveNoCyclesAndReferencedRecordsCannotBeDeleted() {
        String group = post("/api/v1/accounts", Map.of("name", "Tổng công ty " + tag), 201).get("id").asText();
        JsonNode branch = post("/api/v1/accounts", Map.of("name", "Chi nhánh " + tag, "parentId", group), 201);
        String branchId = branch.get("id").asText();
        String shop = post("/api/v1/accounts", Map.of("name", "Cửa hàng " + tag, "parentId", branchId), 201).get("id").asText();
        Api.Reply cycle = api.patch("/api/v1/accounts/" + group, Api.json(Map.of("parentId", shop)), null);
        assertEquals(cycle.toString(), 422, cycle.status);
        assertEquals("parentId", cycle.json().get("errors").get(0).get("field").asText());
        assertEquals(422, api.post("/api/v1/contacts", Api.json(Map.of("lastName", "Lạc", "accountId", UUID.randomUUID().toString()))).status);

        String contact = post("/api/v1/contacts", Map.of("lastName", "Vũ " + tag, "accountId", shop), 201).get("id").asText();
        String potential = post("/api/v1/potentials", Map.of("name", "Đơn " + tag, "contactId", contact,
                "closeDate", "2026-12-31"), 201).get("id").asText();

        Api.Reply blocked = api.delete("/api/v1/accounts/" + shop, null);
        assertEquals(blocked.toString(), 409, blocked.status);
        assertEquals(contact, blocked.json().get("referencedBy").get(0).get("id").asText());
        Api.Reply contactBlocked = api.delete("/api/v1/contacts/" + contact, null);
        assertEquals(409, contactBlocked.status);
        assertEquals("potentials", contactBlocked.json().get("referencedBy").get(0).get("collection").asText());
        assertEquals(409, api.delete("/api/v1/accounts/" + branchId, null).status);

        assertEquals(204, api.delete("/api/v1/potentials/" + potential, null).status);
        assertEquals(204, api.delete("/api/v1/contacts/" + contact, null).status);
        assertEquals(204, api.delete("/api/v1/accounts/" + shop, null).status);
        assertEquals(204, api.delete("/api/v1/accounts/" + branchId, null).status);
    }
}
