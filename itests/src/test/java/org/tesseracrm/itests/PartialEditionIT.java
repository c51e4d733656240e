package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A custom edition with only leads and contacts: what is installed works, and what needs a module
 * that is not installed says so with a 422 naming it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PartialEditionIT {
    private Api api;

    @Configuration
    public Option[] configuration() {
        // A reseller's edition: two modules and its own product name.
        Option[] edition = TesseraDistribution.withFeatures("tessera-leads", "tessera-contacts");
        Option[] branded = java.util.Arrays.copyOf(edition, edition.length + 4);
        // …with its customer's own fields; accounts are not in the edition, so theirs wait for the module.
        branded[edition.length + 3] = org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile(
                "etc/tessera-custom-fields.json", new java.io.File("src/test/resources/edition/tessera-custom-fields.json"));
        branded[edition.length] = org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/org.tesseracrm.branding.cfg", "productName", "Acme CRM");
        // Two of its staff: one who may only look, one who works the leads and nothing else.
        branded[edition.length + 1] = org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/users.properties", "lan", "xem-thoi-123,viewer");
        branded[edition.length + 2] = org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/users.properties", "minh", "lam-leads-456,leads.write");
        return branded;
    }

    @Before
    public void signIn() {
        api = Api.asAdmin();
        api.awaitReady("/api/v1/contacts?limit=1", Duration.ofSeconds(60));
    }

    private String lead() {
        Api.Reply r = api.post("/api/v1/leads", Api.json(Map.of("firstName", "Minh", "lastName", "Đoàn",
                "company", "Nhà sách " + UUID.randomUUID())));
        assertEquals(r.toString(), 201, r.status);
        return r.json().get("id").asText();
    }

    @Test
    public void theEditionsOwnFieldsAreThereFromTheFirstStart() {
        JsonNode fields = api.get("/api/v1/modules/leads/fields").json().get("items");
        assertEquals(fields.toString(), 2, fields.size());
        assertEquals("cf_vung", fields.get(0).get("name").asText());
        assertEquals("cf_tax_code", fields.get(1).get("name").asText());
        Api.Reply lead = api.post("/api/v1/leads", Api.json(Map.of("lastName", "Vùng", "cf_vung", "SOUTH", "cf_tax_code", "0301234567")));
        assertEquals(lead.toString(), 201, lead.status);
        assertEquals(1, api.get("/api/v1/leads?cf_vung=SOUTH&q=0301234567").json().get("items").size());
    }

    @Test
    public void rolesDecideWhoMayReadAndWhoMayChangeEachModule() {
        String lead = lead();
        Api viewer = api.withCredentials("lan", "xem-thoi-123");
        assertEquals(200, viewer.get("/api/v1/leads/" + lead).status);
        assertEquals(200, viewer.get("/api/v1/contacts?limit=1").status);
        Api.Reply refused = viewer.post("/api/v1/leads", Api.json(Map.of("lastName", "Không được")));
        assertEquals(refused.toString(), 403, refused.status);
        assertEquals("application/problem+json", refused.header("Content-Type"));
        assertEquals(403, viewer.patch("/api/v1/leads/" + lead, "{\"company\": \"Đổi\"}", null).status);
        assertEquals(403, viewer.delete("/api/v1/leads/" + lead, null).status);
        assertEquals("read", access(viewer, "leads"));
        assertEquals("write", access(api, "leads"));

        Api leadsOnly = api.withCredentials("minh", "lam-leads-456");
        Api.Reply created = leadsOnly.post("/api/v1/leads", Api.json(Map.of("lastName", "Được phép")));
        assertEquals(created.toString(), 201, created.status);
        assertEquals(403, leadsOnly.get("/api/v1/contacts?limit=1").status);
        assertEquals("none", access(leadsOnly, "contacts"));
        assertEquals("write", access(leadsOnly, "leads"));
        leadsOnly.get("/api/v1/search?q=duoc%20phep").json().get("items")
                .forEach(r -> assertEquals("search leaves out modules the user may not read", "leads", r.get("collection").asText()));
        assertEquals("nothing refused was written", 0,
                api.get("/api/v1/leads?q=khong%20duoc").json().get("items").size());

        // Converting creates a contact: writing leads alone is not enough, and the lead stays as it was.
        String status = api.get("/api/v1/leads/" + lead).json().get("status").asText();
        Api.Reply convert = leadsOnly.post("/api/v1/leads/" + lead + "/convert", "{\"contact\": {\"create\": true}}");
        assertEquals(convert.toString(), 403, convert.status);
        assertTrue(convert.text, convert.json().get("detail").asText().contains("contacts"));
        assertEquals(status, api.get("/api/v1/leads/" + lead).json().get("status").asText());
    }

    private static String access(Api as, String collection) {
        for (com.fasterxml.jackson.databind.JsonNode m : as.get("/api/v1/modules").json().get("items")) {
            if (m.get("collection").asText().equals(collection)) {
                return m.get("access").asText();
            }
        }
        return null;
    }

    @Test
    public void brandingComesFromTheDistributionsConfiguration() {
        Api.Reply branding = api.withoutCredentials().get("/api/v1/branding");
        assertEquals(branding.toString(), 200, branding.status);
        assertEquals("Acme CRM", branding.json().get("productName").asText());
        Api.Reply logo = api.withoutCredentials().get(branding.json().get("logoUrl").asText());
        assertEquals(200, logo.status);
        assertEquals("image/svg+xml", logo.header("Content-Type"));
        assertTrue(logo.text.startsWith("<svg"));
    }

    @Test
    public void onlyTheInstalledModulesAreListedAndServed() {
        List<String> names = new ArrayList<>();
        api.get("/api/v1/modules").json().get("items").forEach(m -> names.add(m.get("name").asText()));
        assertEquals("in the order they take in the navigation", List.of("leads", "contacts"), names);
        assertEquals(404, api.get("/api/v1/accounts").status);
        assertEquals(404, api.get("/api/v1/potentials").status);
    }

    @Test
    public void convertingToAContactWorksWithoutAccounts() {
        Api.Reply r = api.post("/api/v1/leads/" + lead() + "/convert", "{\"contact\": {\"create\": true}}");
        assertEquals(r.toString(), 200, r.status);
        JsonNode contact = api.get("/api/v1/contacts/" + r.json().get("contactId").asText()).json();
        assertEquals("Đoàn", contact.get("lastName").asText());
    }

    @Test
    public void askingForAMissingModuleIsA422NamingIt() {
        String lead = lead();
        Api.Reply account = api.post("/api/v1/leads/" + lead + "/convert", "{\"account\": {\"create\": true}}");
        assertEquals(account.toString(), 422, account.status);
        assertTrue(account.text, account.json().get("errors").get(0).get("message").asText().contains("accounts module"));
        Api.Reply potential = api.post("/api/v1/leads/" + lead + "/convert", "{\"potential\": {\"closeDate\": \"2026-12-31\"}}");
        assertEquals(potential.toString(), 422, potential.status);
        assertTrue(potential.text, potential.text.contains("potentials module"));
        assertEquals("NEW", api.get("/api/v1/leads/" + lead).json().get("status").asText());
    }

    @Test
    public void referencesToAModuleThatIsNotInstalledAreKeptAsGiven() {
        String accountId = UUID.randomUUID().toString();
        Api.Reply r = api.post("/api/v1/contacts", Api.json(Map.of("lastName", "Khúc", "accountId", accountId)));
        assertEquals(r.toString(), 201, r.status);
        assertEquals(accountId, r.json().get("accountId").asText());
    }
}
