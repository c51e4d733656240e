package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.products.api.StockLine;
import org.tesseracrm.products.api.StockMovement;
import org.tesseracrm.products.api.StockReason;
import org.tesseracrm.products.api.StockService;

import com.fasterxml.jackson.databind.JsonNode;

/** Vendors, products and the stock ledger, over HTTP and through the stock service other modules call. */
public abstract class CatalogueContract {
    @Inject
    @Filter(timeout = 60000)
    protected StockService stock;

    protected Api api;
    protected String tag;

    @Before
    public void signIn() {
        api = Api.asAdmin();
        api.awaitReady("/api/v1/products?limit=1", Duration.ofSeconds(60));
        tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode post(String path, Object body, int status) {
        Api.Reply r = api.post(path, Api.json(body));
        assertEquals(r.toString(), status, r.status);
        return r.json();
    }

    private JsonNode product(Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "Máy quét mã vạch " + tag);
        p.put("category", tag);
        p.putAll(extra);
        return post("/api/v1/products", p, 201);
    }

    private BigDecimal qty(String productId) {
        return new BigDecimal(api.get("/api/v1/products/" + productId).json().get("qtyInStock").asText());
    }

    @Test
    public void vendorsAndProductsWithFilters() {
        String vendor = post("/api/v1/vendors", Map.of("name", "Nhà phân phối " + tag, "code", tag, "category", "Thiết bị"), 201)
                .get("id").asText();
        JsonNode scanner = product(Map.of("code", tag + "-SCAN", "vendorId", vendor, "unitPrice", 1250000, "taxRate", 10,
                "reorderLevel", 3, "usageUnit", "cái"));
        assertEquals("PRO", scanner.get("number").asText().substring(0, 3));
        assertEquals("0", scanner.get("qtyInStock").asText());
        assertTrue(scanner.get("stockTracked").asBoolean());
        assertTrue(scanner.get("active").asBoolean());
        assertEquals("VND", scanner.get("currency").asText());
        product(Map.of("name", "Lắp đặt " + tag, "stockTracked", false, "unitPrice", 500000));
        JsonNode usd = product(Map.of("name", "License " + tag, "currency", "USD", "unitPrice", 19.99, "stockTracked", false));
        assertTrue(api.get("/api/v1/products/" + usd.get("id").asText()).text.contains("\"unitPrice\":19.99"));

        assertEquals(409, api.post("/api/v1/products", Api.json(Map.of("name", "Trùng", "code", tag.toLowerCase() + "-scan"))).status);
        assertEquals(422, api.post("/api/v1/products", Api.json(Map.of("name", "Lạc", "vendorId", UUID.randomUUID().toString()))).status);
        assertEquals(422, api.post("/api/v1/products", Api.json(Map.of("name", "Lẻ", "unitPrice", 10.5))).status);
        assertEquals(400, api.post("/api/v1/products", Api.json(Map.of("name", "Kho", "qtyInStock", 100))).status);

        assertEquals(1, api.get("/api/v1/products?vendorId=" + vendor).json().get("items").size());
        assertEquals(3, api.get("/api/v1/products?category=" + tag).json().get("items").size());
        JsonNode low = api.get("/api/v1/products?category=" + tag + "&belowReorderLevel=true").json().get("items");
        assertEquals(1, low.size());
        assertEquals(scanner.get("id").asText(), low.get(0).get("id").asText());
        api.post("/api/v1/products/" + scanner.get("id").asText() + "/stock-adjustments", "{\"quantity\": 3, \"reason\": \"nhập đầu kỳ\"}");
        assertEquals(0, api.get("/api/v1/products?category=" + tag + "&belowReorderLevel=true").json().get("items").size());
        assertEquals(400, api.get("/api/v1/products?belowReorderLevel=maybe").status);

        Api.Reply blocked = api.delete("/api/v1/vendors/" + vendor, null);
        assertEquals(blocked.toString(), 409, blocked.status);
        assertEquals(scanner.get("id").asText(), blocked.json().get("referencedBy").get(0).get("id").asText());
        assertEquals(204, api.delete("/api/v1/products/" + scanner.get("id").asText(), null).status);
        assertEquals(204, api.delete("/api/v1/vendors/" + vendor, null).status);
    }

    @Test
    public void adjustmentsUpAndDownAreAnAppendOnlyLedger() {
        String id = product(Map.of()).get("id").asText();
        String path = "/api/v1/products/" + id + "/stock-adjustments";
        JsonNode in = post(path, Map.of("quantity", 10, "reason", "kiểm kê"), 201);
        assertEquals("ADJUSTMENT", in.get("reason").asText());
        assertEquals("10", in.get("balance").asText());
        post(path, Map.of("quantity", -3.5, "reason", "ADJUSTMENT", "note", "hỏng"), 201);
        assertEquals(new BigDecimal("6.5"), qty(id));

        Api.Reply tooMany = api.post(path, "{\"quantity\": -7, \"reason\": \"xuất\"}");
        assertEquals(tooMany.toString(), 409, tooMany.status);
        assertEquals(new BigDecimal("6.5"), qty(id));
        assertEquals(422, api.post(path, "{\"quantity\": 1}").status);
        assertEquals(422, api.post(path, "{\"quantity\": 0, \"reason\": \"x\"}").status);
        assertEquals(422, api.post(path, "{\"quantity\": 1, \"reason\": \"INVOICE\"}").status);
        assertEquals(400, api.post(path, "{\"quantity\": 1, \"reason\": \"x\", \"at\": \"2020-01-01T00:00:00Z\"}").status);
        assertEquals(404, api.post("/api/v1/products/" + UUID.randomUUID() + "/stock-adjustments", "{\"quantity\": 1, \"reason\": \"x\"}").status);

        JsonNode ledger = api.get("/api/v1/products/" + id + "/stock-movements").json().get("items");
        assertEquals(2, ledger.size());
        assertEquals("-3.5", ledger.get(0).get("quantity").asText());
        assertEquals("hỏng", ledger.get(0).get("note").asText());
        assertEquals("admin", ledger.get(0).get("by").asText());

        String service = product(Map.of("name", "Bảo trì " + tag, "stockTracked", false)).get("id").asText();
        assertEquals(422, api.post("/api/v1/products/" + service + "/stock-adjustments", "{\"quantity\": 1, \"reason\": \"x\"}").status);
    }

    @Test
    public void parallelAdjustmentsNeverLoseAnUpdate() throws Exception {
        String id = product(Map.of()).get("id").asText();
        String path = "/api/v1/products/" + id + "/stock-adjustments";
        post(path, Map.of("quantity", 1000, "reason", "nhập kho"), 201);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            BigDecimal expected = new BigDecimal(1000);
            for (int i = 1; i <= 50; i++) {
                int quantity = i % 5 == 0 ? -i : i;
                expected = expected.add(BigDecimal.valueOf(quantity));
                work.add(() -> api.post(path, "{\"quantity\": " + quantity + ", \"reason\": \"song song\"}").status);
            }
            for (Future<Integer> f : pool.invokeAll(work)) {
                assertEquals(Integer.valueOf(201), f.get());
            }
            assertEquals(expected, qty(id));
            JsonNode ledger = api.get("/api/v1/products/" + id + "/stock-movements").json().get("items");
            assertEquals(51, ledger.size());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode m : ledger) {
                sum = sum.add(new BigDecimal(m.get("quantity").asText()));
            }
            assertEquals(expected, sum);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void documentsMoveStockOnceAndCancellationTakesItBack() {
        String a = product(Map.of()).get("id").asText();
        String b = product(Map.of("name", "Giấy in " + tag)).get("id").asText();
        String service = product(Map.of("name", "Vận chuyển " + tag, "stockTracked", false)).get("id").asText();
        String order = UUID.randomUUID().toString();
        List<StockLine> lines = List.of(new StockLine(a, new BigDecimal("5")), new StockLine(b, new BigDecimal("2")),
                new StockLine(a, new BigDecimal("1")), new StockLine(service, BigDecimal.ONE));

        List<StockMovement> first = stock.record("purchase-orders", order, StockReason.PURCHASE_RECEIPT, lines, "it");
        assertEquals(2, first.size());
        List<StockMovement> again = stock.record("purchase-orders", order, StockReason.PURCHASE_RECEIPT, lines, "it");
        assertEquals(first.get(0).id, again.get(0).id);
        assertEquals(new BigDecimal("6"), qty(a));
        assertEquals(new BigDecimal("2"), qty(b));

        String invoice = UUID.randomUUID().toString();
        try {
            stock.record("invoices", invoice, StockReason.INVOICE, List.of(new StockLine(b, new BigDecimal("-1")),
                    new StockLine(a, new BigDecimal("-7"))), "it");
            throw new AssertionError("stock went below zero");
        } catch (ConflictException e) {
            assertEquals(409, e.status());
        }
        assertEquals("nothing of the refused invoice was written", new BigDecimal("2"), qty(b));

        stock.reverse("purchase-orders", order, StockReason.PURCHASE_RECEIPT, "it");
        stock.reverse("purchase-orders", order, StockReason.PURCHASE_RECEIPT, "it");
        assertEquals(new BigDecimal("0"), qty(a));
        assertEquals(new BigDecimal("0"), qty(b));
        JsonNode ledger = api.get("/api/v1/products/" + a + "/stock-movements").json().get("items");
        assertEquals(2, ledger.size());
        assertEquals("CANCELLATION", ledger.get(0).get("reason").asText());
        assertEquals("purchase-orders", ledger.get(0).get("documentType").asText());
        assertEquals(order, ledger.get(0).get("documentId").asText());
    }
}
