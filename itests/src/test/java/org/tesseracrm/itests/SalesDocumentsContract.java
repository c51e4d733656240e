package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Quotes, sales orders, purchase orders and invoices over HTTP: exact totals carried through every
 * conversion, enforced stages, and stock moving exactly once per document.
 */
public abstract class SalesDocumentsContract {
    protected Api api;
    protected String tag;

    @Before
    public void signIn() {
        api = Api.asAdmin();
        api.awaitReady("/api/v1/invoices?limit=1", Duration.ofSeconds(60));
        api.awaitReady("/api/v1/quotes?limit=1", Duration.ofSeconds(60));
        api.awaitReady("/api/v1/sales-orders?limit=1", Duration.ofSeconds(60));
        api.awaitReady("/api/v1/purchase-orders?limit=1", Duration.ofSeconds(60));
        tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode post(String path, Object body, int status) {
        Api.Reply r = api.post(path, Api.json(body));
        assertEquals(r.toString(), status, r.status);
        return r.json();
    }

    private JsonNode patch(String path, Object body, int status) {
        Api.Reply r = api.patch(path, Api.json(body), null);
        assertEquals(r.toString(), status, r.status);
        return r.json();
    }

    private String id(String path, Map<String, Object> body) {
        return post(path, body, 201).get("id").asText();
    }

    private String product(String name, Object price, Object taxRate, boolean tracked, int stock) {
        String id = id("/api/v1/products", Map.of("name", name + " " + tag, "code", tag + "-" + name.hashCode(),
                "unitPrice", price, "taxRate", taxRate, "stockTracked", tracked));
        if (stock > 0) {
            post("/api/v1/products/" + id + "/stock-adjustments", Map.of("quantity", stock, "reason", "ADJUSTMENT"), 201);
        }
        return id;
    }

    private BigDecimal stock(String productId) {
        return new BigDecimal(api.get("/api/v1/products/" + productId).json().get("qtyInStock").asText());
    }

    private List<JsonNode> movements(String productId, String documentId) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/v1/products/" + productId + "/stock-movements").json().get("items").forEach(m -> {
            if (documentId.equals(m.path("documentId").asText())) {
                found.add(m);
            }
        });
        return found;
    }

    private static Map<String, Object> line(String productId, Object quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("productId", productId);
        line.put("quantity", quantity);
        return line;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void assertTotals(JsonNode document, String subtotal, String discount, String tax, String shipping,
            String adjustment, String grandTotal) {
        JsonNode t = document.get("totals");
        assertEquals(document.toString(), subtotal, t.get("subtotal").asText());
        assertEquals(document.toString(), discount, t.get("discount").asText());
        assertEquals(document.toString(), tax, t.get("tax").asText());
        assertEquals(document.toString(), shipping, t.get("shipping").asText());
        assertEquals(document.toString(), adjustment, t.get("adjustment").asText());
        assertEquals(document.toString(), grandTotal, t.get("grandTotal").asText());
    }

    private String account() {
        return id("/api/v1/accounts", Map.of("name", "Công ty Thương mại " + tag));
    }

    @Test
    public void documentsPrintAsPdfsThatHoldWhatTheyHold() throws Exception {
        String customer = "Công ty Cổ phần Hạt điều Bình Phước " + tag;
        String account = id("/api/v1/accounts", Map.of("name", customer));
        String cashews = product("Hạt điều rang muối", 250000, 10, false, 0);
        String gift = product("Hộp quà Tết", 120000, 8, false, 0);
        String delivery = product("Giao hàng nội thành", 30000, 0, false, 0);
        Map<String, Object> discounted = line(cashews, 4);
        discounted.put("discountPercent", 5);
        JsonNode quote = post("/api/v1/quotes", map("subject", "Báo giá quà Tết " + tag, "accountId", account,
                "lineItems", List.of(discounted, line(gift, 10), line(delivery, 1)), "discountPercent", 2,
                "validUntil", "2026-12-31", "terms", "Thanh toán trong 15 ngày"), 201);
        String quoteId = quote.get("id").asText();

        String text = pdfText("/api/v1/quotes/" + quoteId + "/pdf?lang=vi", null, null);
        for (String expected : List.of(customer, quote.get("number").asText(), "Báo giá", "Hạt điều rang muối " + tag,
                "Hộp quà Tết " + tag, "Giao hàng nội thành " + tag, "Thanh toán trong 15 ngày", "31/12/2026",
                vnd(quote.get("totals").get("grandTotal").asText()), "Số tiền viết bằng chữ")) {
            // lines wrap where the layout wants: compared without white space
            assertTrue(expected + " in:\n" + text, text.replaceAll("\\s+", "").contains(expected.replaceAll("\\s+", "")));
        }
        // the record asked for as a PDF, in the language the browser prefers
        String english = pdfText("/api/v1/quotes/" + quoteId, "Accept", "application/pdf");
        assertTrue(english, english.contains("Quote") && english.contains("Unit price"));
        String vietnamese = pdfText("/api/v1/quotes/" + quoteId + "/pdf", "Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5");
        assertTrue(vietnamese, vietnamese.contains("Đơn giá"));

        // every kind of document prints, titled as what it is
        String order = id("/api/v1/sales-orders", map("subject", "Đơn " + tag, "accountId", account, "lineItems", List.of(line(gift, 2))));
        assertTrue(pdfText("/api/v1/sales-orders/" + order + "/pdf?lang=vi", null, null).contains("Đơn bán hàng"));
        String invoice = id("/api/v1/invoices", map("subject", "Hoá đơn " + tag, "accountId", account, "lineItems", List.of(line(gift, 1))));
        assertTrue(pdfText("/api/v1/invoices/" + invoice + "/pdf?lang=vi", null, null).contains("Hoá đơn"));
        String vendor = id("/api/v1/vendors", Map.of("name", "Nhà cung cấp Sao Việt " + tag));
        String purchase = id("/api/v1/purchase-orders", map("subject", "Mua " + tag, "vendorId", vendor, "lineItems", List.of(line(gift, 5))));
        String po = pdfText("/api/v1/purchase-orders/" + purchase + "/pdf?lang=vi", null, null);
        assertTrue(po, po.contains("Đơn mua hàng") && po.replaceAll("\\s+", "").contains(("Nhà cung cấp Sao Việt " + tag).replaceAll("\\s+", ""))
                && po.contains("NHÀ CUNG CẤP"));

        assertEquals(404, api.getBytes("/api/v1/quotes/" + java.util.UUID.randomUUID() + "/pdf", null, null).statusCode());
        assertEquals(400, api.getBytes("/api/v1/quotes/" + quoteId + "/pdf?lang=fr", null, null).statusCode());
    }

    @Test
    public void aDraftIsPricedAsSavingWouldPriceItAndNothingIsSaved() {
        String account = account();
        String cashews = product("Hạt điều rang muối", 250000, 10, false, 0);
        Map<String, Object> discounted = line(cashews, 4);
        discounted.put("discountPercent", 5);
        Map<String, Object> draft = map("subject", "Nháp " + tag, "accountId", account, "lineItems",
                List.of(discounted, map("name", "Lắp đặt", "quantity", 1, "unitPrice", 500000, "taxRate", 8)),
                "discountPercent", 2, "shippingAmount", 30000, "shippingTaxRate", 10);
        long before = api.get("/api/v1/quotes?limit=1&q=" + tag).json().get("items").size();
        JsonNode priced = post("/api/v1/quotes/totals", draft, 200);
        assertEquals("nothing saved", before, api.get("/api/v1/quotes?limit=1&q=" + tag).json().get("items").size());
        JsonNode saved = post("/api/v1/quotes", draft, 201);
        assertEquals(saved.get("totals").toString(), priced.get("totals").toString());
        assertEquals(saved.get("lineItems").get(0).get("lineTotal").asText(), priced.get("lineItems").get(0).get("lineTotal").asText());
        // refused as a save would be
        post("/api/v1/quotes/totals", map("lineItems", List.of(map("name", "x", "quantity", -1, "unitPrice", 1))), 422);
        post("/api/v1/quotes/totals", map("lineItems", List.of(map("name", "x", "quantity", 1, "unitPrice", 1, "lineTotal", 5))), 400);
        assertEquals(403, api.withCredentials(TesseraDistribution.QUOTES_WRITER, TesseraDistribution.QUOTES_WRITER_PASSWORD)
                .post("/api/v1/invoices/totals", Api.json(draft)).status);
    }

    @Test
    public void aQuoteIsSentToItsCustomerWithItsPdfAttached() throws Exception {
        String customer = "Công ty Cổ phần Hạt điều Bình Phước " + tag;
        String account = id("/api/v1/accounts", Map.of("name", customer, "email", "info-" + tag.toLowerCase() + "@hatdieu.example"));
        String address = "an-" + tag.toLowerCase() + "@hatdieu.example";
        String contact = id("/api/v1/contacts", map("lastName", "Nguyễn Văn An", "email", address, "accountId", account));
        String cashews = product("Hạt điều rang muối", 250000, 10, false, 0);
        String gift = product("Hộp quà Tết", 120000, 8, false, 0);
        Map<String, Object> discounted = line(cashews, 4);
        discounted.put("discountPercent", 5);
        JsonNode quote = post("/api/v1/quotes", map("subject", "Báo giá quà Tết " + tag, "accountId", account, "contactId", contact,
                "lineItems", List.of(discounted, line(gift, 10))), 201);
        String quoteId = quote.get("id").asText();
        String number = quote.get("number").asText();

        // what "Send to customer" starts with: the contact's address, the Vietnamese template, the PDF
        JsonNode draft = api.send("GET", "/api/v1/quotes/" + quoteId + "/emails/draft", null, null, null, "Accept-Language", "vi").json();
        assertEquals(draft.toString(), address, draft.get("to").get(0).asText());
        assertTrue(draft.toString(), draft.get("subject").asText().contains(number) && draft.get("body").asText().contains("Nguyễn Văn An"));
        assertEquals(draft.toString(), "Báo giá " + number + ".pdf", draft.get("attachments").get(0).asText());

        // bad input changes nothing
        assertEquals(400, api.post("/api/v1/quotes/" + quoteId + "/emails", Api.json(Map.of("to", List.of("không phải địa chỉ")))).status);
        assertEquals(400, api.post("/api/v1/quotes/" + quoteId + "/emails", Api.json(Map.of("bcc", "x@example.com"))).status);
        assertEquals(0, api.get("/api/v1/quotes/" + quoteId + "/emails").json().get("items").size());
        // a reader does not send
        assertEquals(403, api.withCredentials(TesseraDistribution.QUOTES_WRITER, TesseraDistribution.QUOTES_WRITER_PASSWORD)
                .post("/api/v1/invoices/" + quoteId + "/emails", "{}").status);

        Api.Reply sent = api.post("/api/v1/quotes/" + quoteId + "/emails", "{}", "Accept-Language", "vi");
        assertEquals(sent.toString(), 202, sent.status);
        String emailId = sent.json().get("id").asText();
        assertTrue(sent.header("Location"), sent.header("Location").endsWith("/api/v1/emails/" + emailId));
        JsonNode state = awaitState(emailId, "SENT");
        assertEquals(state.toString(), 1, state.get("attempts").asInt());

        List<Mailbox.Mail> arrived = Mailbox.await(address, m -> m.subject.contains(number), 1, Duration.ofSeconds(10));
        assertEquals(arrived.toString(), 1, arrived.size());
        Mailbox.Mail mail = arrived.get(0);
        assertTrue(mail.text, mail.text.contains("Kính gửi Nguyễn Văn An") && mail.text.contains(number));
        byte[] pdf = mail.files.get("Báo giá " + number + ".pdf");
        assertTrue(mail.files.keySet().toString(), pdf != null);
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace('\u00a0', ' ').replaceAll("\\s+", "");
        }
        for (String expected : List.of(customer, number, "Hạt điều rang muối " + tag, "Hộp quà Tết " + tag,
                vnd(quote.get("totals").get("grandTotal").asText()))) {
            assertTrue(expected + " in:\n" + text, text.contains(expected.replaceAll("\\s+", "")));
        }

        // the quote's timeline, and its account's, show the e-mail as sent
        boolean shown = false;
        for (JsonNode e : api.get("/api/v1/accounts/" + account + "/timeline").json().get("items")) {
            shown |= e.get("kind").asText().equals("EMAIL") && e.get("data").get("state").asText().equals("SENT");
        }
        assertTrue("the account's timeline shows the e-mail", shown);
        JsonNode outbox = api.get("/api/v1/emails?state=SENT&collection=quotes&recordId=" + quoteId).json().get("items");
        assertEquals(outbox.toString(), 1, outbox.size());
        assertEquals("UP", api.get("/api/v1/health").json().get("mail").asText());
    }

    /** The outbox's message once it reaches {@code state} (within 20 s). */
    private JsonNode awaitState(String emailId, String state) {
        JsonNode e = Await.until(Duration.ofSeconds(20), () -> api.get("/api/v1/emails/" + emailId).json(),
                found -> found.get("state").asText().equals(state));
        assertEquals(e.toString(), state, e.get("state").asText());
        return e;
    }

    /** The text of the PDF answered at {@code path}, its no-break spaces as spaces. */
    private String pdfText(String path, String header, String value) throws java.io.IOException {
        java.net.http.HttpResponse<byte[]> r = api.getBytes(path, header, value);
        assertEquals(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), 200, r.statusCode());
        assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replace('\u00a0', ' ');
        }
    }

    /** An amount of đồng as a Vietnamese reader writes it: 1.234.567 ₫. */
    private static String vnd(String amount) {
        return java.text.NumberFormat.getIntegerInstance(new java.util.Locale("vi", "VN")).format(new BigDecimal(amount)) + " ₫";
    }

    @Test
    public void potentialToQuoteToOrderToInvoiceWithStock() {
        String account = account();
        String potential = id("/api/v1/potentials", map("name", "Trang bị văn phòng " + tag, "accountId", account,
                "closeDate", "2026-12-31", "amount", 700000));
        String printer = product("Máy in", 150000, 10, true, 10);
        String ink = product("Mực in", 99999, 8, true, 10);
        String setup = product("Lắp đặt", 50000, 0, false, 0);

        Map<String, Object> discounted = line(printer, 2);
        discounted.put("discountPercent", 10);
        JsonNode quote = post("/api/v1/quotes", map("subject", "Báo giá " + tag, "potentialId", potential,
                "lineItems", List.of(discounted, line(ink, 3), line(setup, 1)),
                "shippingAmount", 30000, "shippingTaxRate", 10, "adjustment", -997, "terms", "Thanh toán 30 ngày",
                "billingAddress", Map.of("street", "12 Lê Lợi", "city", "Huế")), 201);
        String quoteId = quote.get("id").asText();
        assertTrue(quote.get("number").asText().startsWith("QUO-"));
        assertEquals("DRAFT", quote.get("stage").asText());
        assertEquals("the account comes from the potential", account, quote.get("accountId").asText());
        assertEquals("Máy in " + tag, quote.get("lineItems").get(0).get("name").asText());
        assertEquals("150000", quote.get("lineItems").get(0).get("unitPrice").asText());
        assertEquals("270000", quote.get("lineItems").get(0).get("lineTotal").asText());
        assertEquals("299997", quote.get("lineItems").get(1).get("lineTotal").asText());
        // tax 27,000 + round(23,999.76) + 0 + shipping 3,000
        assertTotals(quote, "619997", "0", "54000", "30000", "-997", "703000");

        Api.Reply early = api.post("/api/v1/quotes/" + quoteId + "/sales-order", null);
        assertEquals(early.toString(), 422, early.status);
        assertEquals(0, api.get("/api/v1/sales-orders?potentialId=" + potential).json().get("items").size());
        assertEquals(422, api.patch("/api/v1/quotes/" + quoteId, Api.json(Map.of("stage", "ACCEPTED")), null).status);
        for (String stage : List.of("DELIVERED", "REVIEWED", "ACCEPTED")) {
            assertEquals(stage, patch("/api/v1/quotes/" + quoteId, Map.of("stage", stage), 200).get("stage").asText());
        }
        assertEquals("an accepted quote's lines are locked", 422,
                api.patch("/api/v1/quotes/" + quoteId, Api.json(Map.of("adjustment", 0)), null).status);

        Api quotesOnly = api.withCredentials(TesseraDistribution.QUOTES_WRITER, TesseraDistribution.QUOTES_WRITER_PASSWORD);
        Api.Reply refused = quotesOnly.post("/api/v1/quotes/" + quoteId + "/sales-order", null);
        assertEquals("creating a sales order needs write access to sales orders: " + refused, 403, refused.status);
        assertEquals(0, api.get("/api/v1/sales-orders?potentialId=" + potential).json().get("items").size());

        Api.Reply converted = api.post("/api/v1/quotes/" + quoteId + "/sales-order", null);
        assertEquals(converted.toString(), 201, converted.status);
        JsonNode order = converted.json();
        assertTrue(converted.header("Location").endsWith("/api/v1/sales-orders/" + order.get("id").asText()));
        assertTrue(order.get("number").asText().startsWith("SO-"));
        assertEquals("CREATED", order.get("status").asText());
        assertEquals(quoteId, order.get("quoteId").asText());
        assertEquals(potential, order.get("potentialId").asText());
        assertEquals(account, order.get("accountId").asText());
        assertEquals("Thanh toán 30 ngày", order.get("terms").asText());
        assertEquals("Huế", order.get("billingAddress").get("city").asText());
        assertEquals(quote.get("lineItems"), order.get("lineItems"));
        assertTotals(order, "619997", "0", "54000", "30000", "-997", "703000");

        JsonNode invoice = post("/api/v1/sales-orders/" + order.get("id").asText() + "/invoice", null, 201);
        String invoiceId = invoice.get("id").asText();
        assertTrue(invoice.get("number").asText().startsWith("INV-"));
        assertEquals(order.get("id").asText(), invoice.get("salesOrderId").asText());
        assertEquals(quoteId, invoice.get("quoteId").asText());
        assertEquals(quote.get("lineItems"), invoice.get("lineItems"));
        assertTotals(invoice, "619997", "0", "54000", "30000", "-997", "703000");
        assertEquals(1, api.get("/api/v1/invoices?accountId=" + account).json().get("items").size());
        Api.Reply twice = api.post("/api/v1/quotes/" + quoteId + "/invoice", null);
        assertEquals("the quote is invoiced already (through its order): " + twice, 409, twice.status);
        assertEquals(invoiceId, twice.json().get("existingId").asText());
        assertEquals(409, api.post("/api/v1/sales-orders/" + order.get("id").asText() + "/invoice", null).status);
        assertEquals(409, api.post("/api/v1/quotes/" + quoteId + "/sales-order", null).status);
        JsonNode direct = post("/api/v1/quotes/" + quoteId + "/invoice?again=true", null, 201);
        assertEquals(quoteId, direct.get("quoteId").asText());
        assertEquals(invoice.get("totals"), direct.get("totals"));
        post("/api/v1/invoices/" + direct.get("id").asText() + "/cancel", null, 200);

        assertEquals("APPROVED", patch("/api/v1/invoices/" + invoiceId, Map.of("status", "APPROVED"), 200).get("status").asText());
        assertEquals(new BigDecimal("8"), stock(printer));
        assertEquals(new BigDecimal("7"), stock(ink));
        patch("/api/v1/invoices/" + invoiceId, Map.of("status", "APPROVED"), 200);
        assertEquals("approving again moves nothing", new BigDecimal("8"), stock(printer));
        assertEquals(1, movements(printer, invoiceId).size());
        assertEquals("untracked products keep no ledger", 0, movements(setup, invoiceId).size());

        patch("/api/v1/invoices/" + invoiceId, Map.of("status", "CANCELLED"), 200);
        assertEquals(new BigDecimal("10"), stock(printer));
        post("/api/v1/sales-orders/" + order.get("id").asText() + "/cancel", null, 200);
        Api.Reply cancelled = api.post("/api/v1/sales-orders/" + order.get("id").asText() + "/invoice", null);
        assertEquals(cancelled.toString(), 422, cancelled.status);
        assertEquals(new BigDecimal("10"), stock(ink));
        assertEquals(2, movements(ink, invoiceId).size());
        assertEquals(422, api.patch("/api/v1/invoices/" + invoiceId, Api.json(Map.of("status", "APPROVED")), null).status);
        assertEquals(new BigDecimal("10"), stock(ink));
    }

    @Test
    public void purchaseOrderReceivesStockOnce() {
        String vendor = id("/api/v1/vendors", Map.of("name", "Nhà cung cấp " + tag));
        String paper = product("Giấy A4", 60000, 10, true, 0);
        assertEquals(422, api.post("/api/v1/purchase-orders", Api.json(map("subject", "Nhập giấy " + tag,
                "lineItems", List.of(line(paper, 50))))).status);
        Map<String, Object> bought = line(paper, 50);
        bought.put("unitPrice", 45000);
        JsonNode po = post("/api/v1/purchase-orders", map("subject", "Nhập giấy " + tag, "vendorId", vendor,
                "lineItems", List.of(bought)), 201);
        String poId = po.get("id").asText();
        assertTrue(po.get("number").asText().startsWith("PO-"));
        assertTotals(po, "2250000", "0", "225000", "0", "0", "2475000");
        assertEquals(422, api.patch("/api/v1/purchase-orders/" + poId, Api.json(Map.of("status", "RECEIVED")), null).status);
        assertEquals(BigDecimal.ZERO, stock(paper));

        assertEquals("APPROVED", post("/api/v1/purchase-orders/" + poId + "/approve", null, 200).get("status").asText());
        Api.Reply partly = api.post("/api/v1/purchase-orders/" + poId + "/receive",
                Api.json(Map.of("lineItems", List.of(Map.of("quantity", 4)))));
        assertEquals("receiving takes the whole order, never part of it silently: " + partly, 400, partly.status);
        assertEquals(BigDecimal.ZERO, stock(paper));
        // the receive request sent by several clients at once, then once more
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                replies.add(pool.submit(() -> api.post("/api/v1/purchase-orders/" + poId + "/receive", null)));
            }
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get();
                assertEquals(r.toString(), 200, r.status);
                assertEquals("RECEIVED", r.json().get("status").asText());
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        patch("/api/v1/purchase-orders/" + poId, Map.of("status", "RECEIVED"), 200);
        assertEquals("received once even when asked seven times", new BigDecimal("50"), stock(paper));
        List<JsonNode> receipts = movements(paper, poId);
        assertEquals(1, receipts.size());
        assertEquals("PURCHASE_RECEIPT", receipts.get(0).get("reason").asText());
        assertEquals(1, api.get("/api/v1/purchase-orders?vendorId=" + vendor + "&status=RECEIVED").json().get("items").size());

        assertEquals(404, api.post("/api/v1/purchase-orders/" + poId + "/pay", null).status);
        post("/api/v1/purchase-orders/" + poId + "/cancel", null, 200);
        assertEquals(BigDecimal.ZERO, stock(paper));
    }

    @Test
    public void invoiceWithoutEnoughStockChangesNothing() {
        String account = account();
        String plenty = product("Bút bi", 5000, 10, true, 100);
        String scarce = product("Két sắt", 4500000, 10, true, 1);
        JsonNode invoice = post("/api/v1/invoices", map("subject", "Hóa đơn " + tag, "accountId", account,
                "lineItems", List.of(line(plenty, 20), line(scarce, 2))), 201);
        String invoiceId = invoice.get("id").asText();
        assertEquals("CREATED", invoice.get("status").asText());
        assertNotNull(invoice.get("invoiceDate").asText());

        Api.Reply refused = api.patch("/api/v1/invoices/" + invoiceId, Api.json(Map.of("status", "APPROVED")), null);
        assertEquals(refused.toString(), 409, refused.status);
        assertEquals("CREATED", api.get("/api/v1/invoices/" + invoiceId).json().get("status").asText());
        assertEquals("the line that had stock did not move either", new BigDecimal("100"), stock(plenty));
        assertEquals(new BigDecimal("1"), stock(scarce));
        assertEquals(0, movements(plenty, invoiceId).size());
    }

    @Test
    public void totalsAreTheServersAndBadInputChangesNothing() {
        String account = account();
        Map<String, Object> free = map("name", "Tư vấn", "quantity", 1, "unitPrice", 100);
        Api.Reply totals = api.post("/api/v1/quotes", Api.json(map("subject", tag, "accountId", account,
                "lineItems", List.of(free), "totals", Map.of("grandTotal", 1))));
        assertEquals(totals.toString(), 400, totals.status);
        Map<String, Object> withTotal = new LinkedHashMap<>(free);
        withTotal.put("lineTotal", 1);
        assertEquals(400, api.post("/api/v1/invoices", Api.json(map("subject", tag, "accountId", account,
                "lineItems", List.of(withTotal)))).status);
        Map<String, Object> both = new LinkedHashMap<>(free);
        both.put("discountPercent", 5);
        both.put("discountAmount", 5);
        Api.Reply broken = api.post("/api/v1/quotes", Api.json(map("subject", tag, "accountId", account,
                "lineItems", List.of(both, map("name", "x", "quantity", 0, "unitPrice", 1)))));
        assertEquals(broken.toString(), 422, broken.status);
        assertTrue(broken.text, broken.text.contains("lineItems[1].quantity"));
        assertTrue(broken.text, broken.text.contains("lineItems[0].discountAmount"));
        assertEquals(0, api.get("/api/v1/quotes?accountId=" + account).json().get("items").size());
        assertEquals(0, api.get("/api/v1/invoices?accountId=" + account).json().get("items").size());
    }

    @Test
    public void documentTaxModeInDollarsAndEditingADraft() {
        String account = account();
        Map<String, Object> a = map("name", "Licence", "quantity", 1, "unitPrice", 10.05, "taxRate", 8);
        Map<String, Object> b = map("name", "Support", "quantity", 1, "unitPrice", 10.05, "taxRate", 8);
        JsonNode quote = post("/api/v1/quotes", map("subject", tag, "accountId", account, "currency", "USD",
                "taxMode", "DOCUMENT", "lineItems", List.of(a, b)), 201);
        // one rounding for the rate: 20.10 × 8 % = 1.608 → 1.61 (per line it would be 0.80 + 0.80)
        assertTotals(quote, "20.10", "0.00", "1.61", "0.00", "0.00", "21.71");
        String id = quote.get("id").asText();
        JsonNode perLine = patch("/api/v1/quotes/" + id, Map.of("taxMode", "PER_LINE", "discountPercent", 10), 200);
        // discount 2.01; each line's base 9.045, taxed 0.7236 → 0.72
        assertTotals(perLine, "20.10", "2.01", "1.44", "0.00", "0.00", "19.53");
        JsonNode fewer = patch("/api/v1/quotes/" + id, Map.of("lineItems", List.of(a)), 200);
        assertEquals(1, fewer.get("lineItems").size());
        assertTotals(fewer, "10.05", "1.01", "0.72", "0.00", "0.00", "9.76");
        assertEquals(fewer.get("lineItems"), api.get("/api/v1/quotes/" + id).json().get("lineItems"));
        assertEquals(422, api.patch("/api/v1/quotes/" + id, Api.json(Map.of("currency", "XYZ")), null).status);
    }
}
