package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.commerce.api.PricingRule;
import org.tesseracrm.platform.api.FieldError;
import org.tesseracrm.platform.api.spi.RecordChange;
import org.tesseracrm.platform.api.spi.RecordListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A partner's services registered into the running server (as a partner bundle would): a record
 * listener that refuses leads without email and phone and sees every committed lead, and a volume
 * discount pricing rule. Both take effect at once and stop when unregistered, with no restart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtensionPointsIT {
    @Inject
    private BundleContext context;

    private Api api;
    private String tag;

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withH2();
    }

    @Before
    public void signIn() {
        api = Api.asAdmin();
        api.awaitReady("/api/v1/leads?limit=1", Duration.ofSeconds(60));
        api.awaitReady("/api/v1/quotes?limit=1", Duration.ofSeconds(60));
        tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Dictionary<String, Object> properties(String key, String modules) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(key, modules);
        return p;
    }

    private Api.Reply lead(String lastName, Map<String, Object> extra) {
        Map<String, Object> lead = new java.util.LinkedHashMap<>(Map.of("lastName", lastName + " " + tag));
        lead.putAll(extra);
        return api.post("/api/v1/leads", Api.json(lead));
    }

    @Test
    public void recordListenerRefusesAndFollowsLeads() {
        List<RecordChange> committed = new CopyOnWriteArrayList<>();
        RecordListener reachable = new RecordListener() {
            @Override
            public void beforeCommit(RecordChange change, List<FieldError> errors) {
                JsonNode lead = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(change.record);
                if (!"DELETED".equals(change.action) && lead.path("email").isNull() && lead.path("phone").isNull()
                        && lead.path("mobile").isNull()) {
                    errors.add(new FieldError("email", "Acme policy: a lead needs an email or a phone number"));
                }
            }

            @Override
            public void afterCommit(RecordChange change) {
                committed.add(change);
            }
        };
        ServiceRegistration<RecordListener> registration = context.registerService(RecordListener.class, reachable,
                properties(RecordListener.MODULES, "leads"));
        try {
            Api.Reply refused = lead("Không Liên Lạc", Map.of());
            assertEquals(refused.toString(), 422, refused.status);
            assertTrue(refused.text, refused.text.contains("Acme policy: a lead needs an email or a phone number"));
            assertEquals("nothing written", 0, api.get("/api/v1/leads?q=" + tag).json().get("items").size());

            Api.Reply accepted = lead("Có Email", Map.of("email", "an@example.vn"));
            assertEquals(accepted.toString(), 201, accepted.status);
            String id = accepted.json().get("id").asText();
            assertTrue("seen after commit: " + committed, committed.stream()
                    .anyMatch(c -> "CREATED".equals(c.action) && id.equals(c.record.id) && "admin".equals(c.user)));
            assertEquals("other modules are not followed", 201, api.post("/api/v1/accounts",
                    Api.json(Map.of("name", "Không email " + tag))).status);
            assertTrue(committed.stream().allMatch(c -> "leads".equals(c.module)));
        } finally {
            registration.unregister();
        }
        assertEquals("gone with its service", 201, lead("Sau Gỡ Bỏ", Map.of()).status);
    }

    @Test
    public void pricingRuleGivesVolumeDiscounts() {
        PricingRule volume = (module, document) -> {
            for (LineItem line : document.lineItems) {
                if (line.quantity.compareTo(BigDecimal.TEN) >= 0 && line.discountPercent == null
                        && line.discountAmount == null) {
                    line.discountPercent = BigDecimal.valueOf(5);
                }
            }
        };
        String account = api.post("/api/v1/accounts", Api.json(Map.of("name", "Đại lý " + tag))).json().get("id").asText();
        Map<String, Object> quote = Map.of("subject", "Giấy in " + tag, "accountId", account, "lineItems", List.of(
                Map.of("name", "Giấy A4", "quantity", 10, "unitPrice", 60000, "taxRate", 10),
                Map.of("name", "Bìa", "quantity", 2, "unitPrice", 15000, "taxRate", 10)));
        ServiceRegistration<PricingRule> registration = context.registerService(PricingRule.class, volume,
                properties(PricingRule.MODULES, "quotes"));
        JsonNode discounted;
        try {
            discounted = api.post("/api/v1/quotes", Api.json(quote)).json();
            Api.Reply invoice = api.post("/api/v1/invoices", Api.json(Map.of("subject", "x", "accountId", account,
                    "lineItems", List.of(Map.of("name", "Giấy A4", "quantity", 10, "unitPrice", 60000)))));
            assertEquals("only the modules it names", "600000", invoice.json().get("totals").get("subtotal").asText());
        } finally {
            registration.unregister();
        }
        assertEquals(discounted.toString(), "5", discounted.get("lineItems").get(0).get("discountPercent").asText());
        assertEquals("570000", discounted.get("lineItems").get(0).get("lineTotal").asText());
        assertTrue(discounted.get("lineItems").get(1).get("discountPercent").isNull());
        assertEquals("600000", discounted.get("totals").get("subtotal").asText());
        assertEquals("60000", discounted.get("totals").get("tax").asText());

        JsonNode plain = api.post("/api/v1/quotes", Api.json(quote)).json();
        assertEquals("630000", plain.get("totals").get("subtotal").asText());
    }
}
