package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rules that must hold when requests race, when records come back from the recycle bin, and when a
 * record has reached a final state: the database holds uniqueness, conversions happen once, final
 * records are cancelled rather than deleted, and no PATCH silently undoes another's change.
 */
public abstract class IntegrityContract extends RecordCompanionsContract {
    private static final int PARALLEL = 20;

    protected Api api;
    protected String tag;

    @Before
    public void signIn() {
        api = Api.asAdmin();
        for (String c : List.of("accounts", "contacts", "products", "potentials", "quotes", "sales-orders", "invoices",
                "purchase-orders", "vendors")) {
            api.awaitReady("/api/v1/" + c + "?limit=1", Duration.ofSeconds(60));
        }
        tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    public void parallelCreatesOfOneNameOrCodeMakeOneRecord() throws Exception {
        List<Api.Reply> accounts = race(() -> api.post("/api/v1/accounts", Api.json(Map.of("name", "Công ty Đua " + tag))));
        assertEquals(statuses(accounts), 1, count(accounts, 201));
        assertEquals(statuses(accounts), PARALLEL - 1, count(accounts, 409));
        assertEquals(1, api.get("/api/v1/accounts?q=" + tag).json().get("items").size());

        List<Api.Reply> products = race(() -> api.post("/api/v1/products", Api.json(Map.of("name", "Máy " + tag, "code", tag))));
        assertEquals(statuses(products), 1, count(products, 201));
        assertEquals(statuses(products), PARALLEL - 1, count(products, 409));
        for (Api.Reply r : products) {
            assertTrue(r.toString(), r.status == 201 || r.header("Content-Type").startsWith("application/problem+json"));
        }
    }

    @Test
    public void twoAccountsMergeWithEverythingThatPointedToThem() {
        String kept = post("/api/v1/accounts", Map.of("name", "Công ty Sao Mai " + tag, "website", "https://saomai.vn",
                "tags", List.of("đối tác")), 201).get("id").asText();
        JsonNode dup = post("/api/v1/accounts", Map.of("name", "Sao Mai JSC " + tag, "website", "https://saomai.com.vn",
                "phone", "028 3823 4567", "tags", List.of("VIP", "Đối tác")), 201);
        String gone = dup.get("id").asText();
        String contact = post("/api/v1/contacts", Map.of("lastName", "Lê " + tag, "accountId", gone), 201).get("id").asText();
        String potential = post("/api/v1/potentials", Map.of("name", "Máy POS " + tag, "accountId", gone, "contactId", contact,
                "closeDate", "2026-12-31"), 201).get("id").asText();
        String quote = post("/api/v1/quotes", document("subject", "Báo giá " + tag, "potentialId", potential, "accountId", gone), 201)
                .get("id").asText();
        String task = post("/api/v1/activities", Map.of("kind", "TASK", "subject", "Gọi lại " + tag, "relatedCollection", "accounts",
                "relatedId", gone), 201).get("id").asText();
        String note = post("/api/v1/accounts/" + gone + "/notes", Map.of("body", "Khách quen " + tag), 201).get("id").asText();
        String campaign = post("/api/v1/campaigns", Map.of("name", "Tri ân " + tag, "type", "EMAIL", "status", "ACTIVE"), 201)
                .get("id").asText();
        post("/api/v1/campaigns/" + campaign + "/members", Map.of("type", "ACCOUNT", "ids", List.of(kept, gone)), 201);

        // what is wrong with a request changes nothing
        assertEquals(422, api.post("/api/v1/accounts/" + kept + "/merge", Api.json(Map.of("records", List.of(kept)))).status);
        assertEquals(400, api.post("/api/v1/accounts/" + kept + "/merge", Api.json(Map.of("records", List.of()))).status);
        assertEquals(404, api.post("/api/v1/accounts/" + kept + "/merge", Api.json(Map.of("records", List.of(UUID.randomUUID().toString()))))
                .status);
        assertEquals(422, api.post("/api/v1/accounts/" + kept + "/merge", Api.json(Map.of("records", List.of(gone),
                "fields", Map.of("website", UUID.randomUUID().toString())))).status);
        assertEquals(412, api.post("/api/v1/accounts/" + kept + "/merge", Api.json(Map.of("records", List.of(gone))), "If-Match", "\"99\"")
                .status);
        assertEquals("quotes are not merged", 404, api.post("/api/v1/quotes/" + quote + "/merge", Api.json(Map.of("records", List.of(quote))))
                .status);
        assertEquals(200, api.get("/api/v1/accounts/" + gone).status);

        Api.Reply merged = api.post("/api/v1/accounts/" + kept + "/merge", Api.json(Map.of("records", List.of(gone),
                "fields", Map.of("website", gone))));
        assertEquals(merged.toString(), 200, merged.status);
        JsonNode account = merged.json();
        assertEquals("its own name stays", "Công ty Sao Mai " + tag, account.get("name").asText());
        assertEquals("the value chosen", "https://saomai.com.vn", account.get("website").asText());
        assertEquals("what it lacked, from the other", "028 3823 4567", account.get("phone").asText());
        assertEquals("tags of both, once each", 2, account.get("tags").size());
        assertEquals(java.util.Set.of("đối tác", "VIP"), new java.util.HashSet<>(texts(account.get("tags"))));
        assertEquals(merged.header("ETag"), "\"" + account.get("version").asText() + "\"");

        assertEquals("the other is in the recycle bin", 404, api.get("/api/v1/accounts/" + gone).status);
        assertTrue(ids(api.get("/api/v1/accounts?deleted=true&q=" + tag).json()).contains(gone));
        assertEquals(kept, api.get("/api/v1/contacts/" + contact).json().get("accountId").asText());
        assertEquals(kept, api.get("/api/v1/potentials/" + potential).json().get("accountId").asText());
        assertEquals(kept, api.get("/api/v1/quotes/" + quote).json().get("accountId").asText());
        JsonNode activity = api.get("/api/v1/activities/" + task).json();
        assertEquals(kept, activity.get("relatedId").asText());
        assertEquals(kept, activity.get("accountId").asText());
        List<String> notes = new ArrayList<>();
        api.get("/api/v1/accounts/" + kept + "/notes").json().get("items").forEach(n -> notes.add(n.get("id").asText()));
        assertEquals(List.of(note), notes);
        JsonNode members = api.get("/api/v1/campaigns/" + campaign + "/members").json().get("items");
        assertEquals("a member once: " + members, 1, members.size());
        assertEquals(kept, members.get(0).get("recordId").asText());

        JsonNode history = api.get("/api/v1/accounts/" + kept + "/history").json().get("items");
        assertEquals("MERGED", history.get(0).get("action").asText());
        assertEquals("merge " + dup.get("number").asText(), history.get(0).get("via").asText());
        JsonNode contactHistory = api.get("/api/v1/contacts/" + contact + "/history").json().get("items").get(0);
        assertEquals("merge " + dup.get("number").asText(), contactHistory.get("via").asText());
        assertEquals("accountId", contactHistory.get("changes").get(0).get("field").asText());
    }

    @Test
    public void aMergeThatCannotFinishChangesNothing() {
        String converted = post("/api/v1/leads", Map.of("lastName", "Đỗ " + tag, "company", "Hoa Sen " + tag), 201).get("id").asText();
        post("/api/v1/leads/" + converted + "/convert", Map.of("account", Map.of("create", true), "contact", Map.of("create", true)), 200);
        String fresh = post("/api/v1/leads", Map.of("lastName", "Do " + tag, "company", "Hoa Sen " + tag, "phone", "0903 111 222"), 201)
                .get("id").asText();
        post("/api/v1/leads/" + fresh + "/touches", Map.of("channel", "CALL", "outcome", "REACHED"), 201);
        post("/api/v1/leads/" + fresh + "/notes", Map.of("body", "Đã gặp " + tag), 201);
        // its touches and notes have moved and it is in the recycle bin when the converted lead refuses the phone it lacked
        Api.Reply refused = api.post("/api/v1/leads/" + converted + "/merge", Api.json(Map.of("records", List.of(fresh))));
        assertEquals(refused.toString(), 422, refused.status);
        assertEquals("the merged lead is still there", 200, api.get("/api/v1/leads/" + fresh).status);
        assertEquals(1, api.get("/api/v1/leads/" + fresh + "/notes").json().get("items").size());
        assertEquals(0, api.get("/api/v1/leads/" + converted + "/notes").json().get("items").size());
        assertEquals(1, api.get("/api/v1/leads/" + fresh + "/touches").json().get("items").size());
        assertTrue(api.get("/api/v1/leads/" + converted).json().get("phone").isNull());
    }

    @Test
    public void restoringChecksTheRulesAgain() {
        String first = post("/api/v1/accounts", Map.of("name", "Nhà hàng " + tag), 201).get("id").asText();
        assertEquals(204, api.delete("/api/v1/accounts/" + first, null).status);
        String second = post("/api/v1/accounts", Map.of("name", "nha hang " + tag), 201).get("id").asText();
        Api.Reply restore = api.post("/api/v1/accounts/" + first + "/restore", null);
        assertEquals("the name is taken by " + second + ": " + restore, 409, restore.status);
        assertEquals("it stays in the recycle bin", 404, api.get("/api/v1/accounts/" + first).status);

        String product = post("/api/v1/products", Map.of("name", "Bút " + tag, "code", tag), 201).get("id").asText();
        assertEquals(204, api.delete("/api/v1/products/" + product, null).status);
        post("/api/v1/products", Map.of("name", "Bút khác " + tag, "code", tag.toLowerCase()), 201);
        assertEquals(409, api.post("/api/v1/products/" + product + "/restore", null).status);

        String company = post("/api/v1/accounts", Map.of("name", "Xưởng " + tag), 201).get("id").asText();
        String contact = post("/api/v1/contacts", Map.of("lastName", "Trần " + tag, "accountId", company), 201).get("id").asText();
        assertEquals(204, api.delete("/api/v1/contacts/" + contact, null).status);
        assertEquals(204, api.delete("/api/v1/accounts/" + company, null).status);
        Api.Reply orphan = api.post("/api/v1/contacts/" + contact + "/restore", null);
        assertEquals("its account is gone: " + orphan, 422, orphan.status);
        assertEquals(404, api.get("/api/v1/contacts/" + contact).status);
        assertEquals(200, api.post("/api/v1/accounts/" + company + "/restore", null).status);
        assertEquals(200, api.post("/api/v1/contacts/" + contact + "/restore", null).status);
    }

    @Test
    public void recordsInAFinalStateAreCancelledNotDeleted() {
        String account = post("/api/v1/accounts", Map.of("name", "Khách " + tag), 201).get("id").asText();
        String invoice = post("/api/v1/invoices", document("subject", "Hoá đơn " + tag, "accountId", account), 201).get("id").asText();
        post("/api/v1/invoices/" + invoice + "/approve", null, 200);
        Api.Reply approved = api.delete("/api/v1/invoices/" + invoice, null);
        assertEquals(approved.toString(), 409, approved.status);
        assertEquals(200, api.get("/api/v1/invoices/" + invoice).status);
        post("/api/v1/invoices/" + invoice + "/cancel", null, 200);
        assertEquals("a cancelled invoice may go", 204, api.delete("/api/v1/invoices/" + invoice, null).status);

        String paid = post("/api/v1/invoices", document("subject", "Đã trả " + tag, "accountId", account), 201).get("id").asText();
        for (String status : List.of("APPROVED", "SENT", "PAID")) {
            patch("/api/v1/invoices/" + paid, Map.of("status", status), 200);
        }
        assertEquals(409, api.delete("/api/v1/invoices/" + paid, null).status);

        String vendor = post("/api/v1/vendors", Map.of("name", "NCC " + tag), 201).get("id").asText();
        String po = post("/api/v1/purchase-orders", document("subject", "Nhập " + tag, "vendorId", vendor), 201).get("id").asText();
        post("/api/v1/purchase-orders/" + po + "/approve", null, 200);
        post("/api/v1/purchase-orders/" + po + "/receive", null, 200);
        assertEquals(409, api.delete("/api/v1/purchase-orders/" + po, null).status);

        String won = post("/api/v1/potentials", Map.of("name", "Thắng " + tag, "accountId", account, "closeDate", "2026-12-31",
                "stage", "CLOSED_WON"), 201).get("id").asText();
        assertEquals(409, api.delete("/api/v1/potentials/" + won, null).status);
        assertEquals("reopen takes no body, and needs no Content-Type", 200,
                api.send("POST", "/api/v1/potentials/" + won + "/reopen", null, null, null).status);
        assertEquals(204, api.delete("/api/v1/potentials/" + won, null).status);
    }

    @Test
    public void anAcceptedQuoteBecomesOneSalesOrderHoweverOftenItIsAsked() throws Exception {
        String account = post("/api/v1/accounts", Map.of("name", "Đại lý " + tag), 201).get("id").asText();
        String quote = post("/api/v1/quotes", document("subject", "Báo giá " + tag, "accountId", account), 201).get("id").asText();
        for (String action : List.of("deliver", "review", "accept")) {
            post("/api/v1/quotes/" + quote + "/" + action, null, 200);
        }
        List<Api.Reply> orders = race(() -> api.post("/api/v1/quotes/" + quote + "/sales-order", null));
        assertEquals(statuses(orders), 1, count(orders, 201));
        assertEquals(statuses(orders), PARALLEL - 1, count(orders, 409));
        assertEquals(1, api.get("/api/v1/sales-orders?quoteId=" + quote).json().get("items").size());
        post("/api/v1/quotes/" + quote + "/sales-order?again=true", null, 201);
        assertEquals(2, api.get("/api/v1/sales-orders?quoteId=" + quote).json().get("items").size());
        assertEquals(400, api.post("/api/v1/quotes/" + quote + "/sales-order?again=maybe", null).status);
        assertEquals("an accepted quote is kept", 409, api.delete("/api/v1/quotes/" + quote, null).status);
    }

    @Test
    public void noPatchSilentlyUndoesAnotherChangeAndEtagsAreHonest() {
        JsonNode product = post("/api/v1/products", Map.of("name", "Ổ cứng " + tag, "unitPrice", 1000000), 201);
        String path = "/api/v1/products/" + product.get("id").asText();
        long version = product.get("version").asLong();
        Api.Reply blind = api.send("PATCH", path, "{\"unitPrice\": 900000}", "application/merge-patch+json", null);
        assertEquals(blind.toString(), 428, blind.status);
        assertTrue(blind.header("Content-Type").startsWith("application/problem+json"));

        Api.Reply changed = api.patch(path, "{\"unitPrice\": 900000}", "\"" + version + "\"");
        assertEquals(changed.toString(), 200, changed.status);
        assertEquals("one change, one version", version + 1, changed.json().get("version").asLong());
        assertEquals("\"" + (version + 1) + "\"", changed.header("ETag"));
        Api.Reply stale = api.patch(path, "{\"unitPrice\": 800000}", "\"" + version + "\"");
        assertEquals(412, stale.status);
        assertEquals("900000", api.get(path).json().get("unitPrice").asText());

        Api.Reply notModified = api.send("GET", path, null, null, null, "If-None-Match", "\"" + (version + 1) + "\"");
        assertEquals(304, notModified.status);
        Api.Reply modified = api.send("GET", path, null, null, null, "If-None-Match", "\"" + version + "\"");
        assertEquals(200, modified.status);
    }

    @Test
    public void linkedRecordsAgree() {
        String a = post("/api/v1/accounts", Map.of("name", "Công ty A " + tag), 201).get("id").asText();
        String b = post("/api/v1/accounts", Map.of("name", "Công ty B " + tag), 201).get("id").asText();
        String atB = post("/api/v1/contacts", Map.of("lastName", "Ở B " + tag, "accountId", b), 201).get("id").asText();
        String alone = post("/api/v1/contacts", Map.of("lastName", "Tự do " + tag), 201).get("id").asText();
        Api.Reply wrongContact = api.post("/api/v1/potentials", Api.json(Map.of("name", "Cơ hội " + tag, "accountId", a,
                "contactId", atB, "closeDate", "2026-12-31")));
        assertEquals(wrongContact.toString(), 422, wrongContact.status);
        assertEquals("contactId", wrongContact.json().get("errors").get(0).get("field").asText());
        String potential = post("/api/v1/potentials", Map.of("name", "Cơ hội " + tag, "accountId", a, "contactId", alone,
                "closeDate", "2026-12-31"), 201).get("id").asText();
        Api.Reply wrongAccount = api.post("/api/v1/quotes", Api.json(document("subject", "Báo giá " + tag, "potentialId", potential,
                "accountId", b)));
        assertEquals(wrongAccount.toString(), 422, wrongAccount.status);
        assertEquals("accountId", wrongAccount.json().get("errors").get(0).get("field").asText());
        post("/api/v1/quotes", document("subject", "Báo giá " + tag, "potentialId", potential, "accountId", a), 201);
    }

    @Test
    public void listFiltersMeanWhatTheySay() {
        String low = post("/api/v1/products", Map.of("name", "Ít " + tag, "category", tag, "reorderLevel", 5), 201).get("id").asText();
        String plenty = post("/api/v1/products", Map.of("name", "Nhiều " + tag, "category", tag, "reorderLevel", 5), 201).get("id").asText();
        post("/api/v1/products/" + plenty + "/stock-adjustments", Map.of("quantity", 10, "reason", "opening stock"), 201);
        assertEquals(List.of(low), ids(api.get("/api/v1/products?category=" + tag + "&belowReorderLevel=true").json()));
        assertEquals(List.of(plenty), ids(api.get("/api/v1/products?category=" + tag + "&belowReorderLevel=false").json()));

        String email = "ducanh@" + tag.toLowerCase() + ".vn";
        String lead = post("/api/v1/leads", Map.of("lastName", "Đức Anh " + tag, "company", "Đông Á " + tag, "email", email), 201)
                .get("id").asText();
        assertEquals(List.of(lead), ids(api.get("/api/v1/leads?email=" + email.toUpperCase()).json()));

        post("/api/v1/leads/" + lead + "/convert", Map.of("account", Map.of("create", true), "contact", Map.of("create", true)), 200);
        assertEquals(204, api.delete("/api/v1/leads/" + lead, null).status);
        assertEquals("a deleted converted lead is in the recycle bin", List.of(lead),
                ids(api.get("/api/v1/leads?deleted=true&q=" + tag).json()));
    }

    @Test
    public void offersReachOnlyThoseWhoMayBeReached() {
        String optedOut = post("/api/v1/contacts", Map.of("lastName", "Không thư " + tag, "emailOptOut", true), 201).get("id").asText();
        String noCalls = post("/api/v1/contacts", Map.of("lastName", "Không gọi " + tag, "doNotCall", true), 201).get("id").asText();
        String open = post("/api/v1/contacts", Map.of("lastName", "Mở " + tag), 201).get("id").asText();
        String campaign = post("/api/v1/campaigns", Map.of("name", "Chiến dịch " + tag, "status", "ACTIVE"), 201).get("id").asText();
        post("/api/v1/campaigns/" + campaign + "/members", Map.of("type", "CONTACT", "ids", List.of(optedOut, noCalls, open)), 201);
        JsonNode members = api.get("/api/v1/campaigns/" + campaign + "/members").json().get("items");
        Map<String, String> memberOf = new LinkedHashMap<>();
        members.forEach(m -> memberOf.put(m.get("recordId").asText(), m.get("id").asText()));

        JsonNode emails = post("/api/v1/campaigns/" + campaign + "/offers", Map.of("channel", "EMAIL", "subject", "Mời " + tag,
                "allMembers", true), 201).get("items");
        assertEquals("the contact who opted out of e-mail gets none", 2, emails.size());
        JsonNode calls = post("/api/v1/campaigns/" + campaign + "/offers", Map.of("channel", "PHONE_CALL", "subject", "Gọi " + tag,
                "allMembers", true), 201).get("items");
        assertEquals("the contact who asked not to be called gets no call", 2, calls.size());
        Api.Reply direct = api.post("/api/v1/campaigns/" + campaign + "/offers", Api.json(Map.of("channel", "EMAIL",
                "subject", "Riêng " + tag, "memberId", memberOf.get(optedOut))));
        assertEquals(direct.toString(), 422, direct.status);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    // ---- helpers ----

    protected List<Api.Reply> race(Callable<Api.Reply> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> f : futures) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }

    private static long count(List<Api.Reply> replies, int status) {
        return replies.stream().filter(r -> r.status == status).count();
    }

    private static String statuses(List<Api.Reply> replies) {
        StringBuilder sb = new StringBuilder();
        replies.forEach(r -> sb.append(r.status).append(r.status >= 500 ? " " + r.text : "").append(' '));
        return sb.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static Map<String, Object> document(Object... pairs) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        d.put("lineItems", List.of(Map.of("name", "Dịch vụ", "quantity", 1, "unitPrice", 100000)));
        return d;
    }

    private JsonNode post(String path, Object body, int status) {
        Api.Reply r = api.post(path, body == null ? null : Api.json(body));
        assertEquals(path + ": " + r, status, r.status);
        return r.json();
    }

    private JsonNode patch(String path, Object body, int status) {
        Api.Reply r = api.patch(path, Api.json(body), null);
        assertEquals(path + ": " + r, status, r.status);
        return r.json();
    }
}
