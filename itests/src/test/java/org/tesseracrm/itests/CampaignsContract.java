package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Campaigns over HTTP: members from the modules that own them, bulk offers, responses, and results
 * read from leads and potentials, down to the ROI.
 */
public abstract class CampaignsContract {
    protected Api api;
    protected String tag;

    @Before
    public void signIn() {
        api = Api.asAdmin();
        api.awaitReady("/api/v1/campaigns?limit=1", Duration.ofSeconds(60));
        api.awaitReady("/api/v1/leads?limit=1", Duration.ofSeconds(60));
        tag = "IT-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected JsonNode post(String path, Object body, int status) {
        Api.Reply r = api.post(path, Api.json(body));
        assertEquals(r.toString(), status, r.status);
        return r.json();
    }

    protected static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    protected String campaign(Object actualCost) {
        JsonNode c = post("/api/v1/campaigns", map("name", "Hội chợ Xuân " + tag, "type", "TRADE_SHOW", "status", "ACTIVE",
                "startDate", "2027-01-10", "endDate", "2027-01-20", "budget", 20000000, "actualCost", actualCost,
                "expectedResponse", 12.5), 201);
        assertTrue(c.get("number").asText().startsWith("CAM-"));
        return c.get("id").asText();
    }

    protected String lead(String first, String last, String campaignId) {
        return post("/api/v1/leads", map("firstName", first, "lastName", last, "company", "Công ty " + last + " " + tag,
                "campaignId", campaignId, "source", "CAMPAIGN"), 201).get("id").asText();
    }

    protected String contact(String first, String last) {
        return post("/api/v1/contacts", map("firstName", first, "lastName", last + " " + tag), 201).get("id").asText();
    }

    protected static long at(JsonNode results, String group, String key) {
        return results.get(group).get(key).asLong();
    }

    /** Two leads and a contact as members, one bulk email, two responses, one lead converted. */
    protected JsonNode runCampaign(String campaignId, Map<String, Object> conversion) {
        String an = lead("An", "Nguyễn", campaignId);
        String binh = lead("Bình", "Trần", campaignId);
        String dung = contact("Dung", "Phạm");
        JsonNode added = post("/api/v1/campaigns/" + campaignId + "/members", map("type", "LEAD", "ids", List.of(an, binh)), 201);
        assertEquals(2, added.get("added").asInt());
        JsonNode again = post("/api/v1/campaigns/" + campaignId + "/members", map("type", "LEAD", "ids", List.of(an, an)), 200);
        assertEquals("a member is not added twice", 0, again.get("added").asInt());
        post("/api/v1/campaigns/" + campaignId + "/members", map("type", "CONTACT", "ids", List.of(dung)), 201);
        JsonNode members = api.get("/api/v1/campaigns/" + campaignId + "/members").json().get("items");
        assertEquals(3, members.size());
        List<String> names = new ArrayList<>();
        members.forEach(m -> names.add(m.get("name").asText()));
        assertTrue(names.toString(), names.contains("An Nguyễn"));
        members.forEach(m -> assertEquals("PLANNED", m.get("status").asText()));

        JsonNode offers = post("/api/v1/campaigns/" + campaignId + "/offers", map("channel", "EMAIL",
                "subject", "Mời tham dự hội chợ", "content", "Kính mời quý khách…", "allMembers", true), 201).get("items");
        assertEquals("one offer per member", 3, offers.size());
        api.get("/api/v1/campaigns/" + campaignId + "/members").json().get("items")
                .forEach(m -> assertEquals("CONTACTED", m.get("status").asText()));
        for (int i = 0; i < 2; i++) {
            JsonNode response = post("/api/v1/campaigns/" + campaignId + "/offers/" + offers.get(i).get("id").asText()
                    + "/responses", map("note", "Sẽ tham dự"), 201);
            assertEquals(offers.get(i).get("memberId").asText(), response.get("memberId").asText());
        }
        Api.Reply converted = api.post("/api/v1/leads/" + an + "/convert", Api.json(conversion));
        assertEquals(converted.toString(), 200, converted.status);
        return converted.json();
    }

    @Test
    public void anEmailOfferReachesExactlyTheMembersWhoMayBeReachedAndTheLinkUnsubscribes() throws Exception {
        String mail = tag.toLowerCase();
        String an = "an-" + mail + "@example.vn";
        String binh = "binh-" + mail + "@example.vn";
        String cuong = "cuong-" + mail + "@example.vn";
        String campaignId = campaign(1000000);
        String reachable = post("/api/v1/contacts", map("firstName", "An", "lastName", "Nguyễn " + tag, "email", an), 201).get("id").asText();
        String optedOut = post("/api/v1/contacts", map("firstName", "Bình", "lastName", "Lê " + tag, "email", binh,
                "emailOptOut", true), 201).get("id").asText();
        String lead = post("/api/v1/leads", map("firstName", "Cường", "lastName", "Phạm", "company", "Điều Việt " + tag,
                "email", cuong), 201).get("id").asText();
        String noAddress = lead("Dũng", "Võ", campaignId);
        post("/api/v1/campaigns/" + campaignId + "/members", map("type", "CONTACT", "ids", List.of(reachable, optedOut)), 201);
        post("/api/v1/campaigns/" + campaignId + "/members", map("type", "LEAD", "ids", List.of(lead, noAddress)), 201);

        String subject = "Ưu đãi Tết " + tag;
        JsonNode offers = post("/api/v1/campaigns/" + campaignId + "/offers", map("channel", "EMAIL", "subject", subject,
                "content", "Hạt điều rang muối giảm 20% đến hết tháng Giêng.", "allMembers", true), 201).get("items");
        assertEquals("the opted-out contact gets no offer: " + offers, 3, offers.size());
        Map<String, Long> delivery = new java.util.TreeMap<>();
        offers.forEach(o -> delivery.merge(o.get("delivery").asText(), 1L, Long::sum));
        assertEquals(offers.toString(), Map.of("NOT_SENT", 1L, "QUEUED", 2L), delivery);

        // delivered to exactly the two members with an address who did not opt out
        List<Mailbox.Mail> toAn = Mailbox.await(an, m -> m.subject.equals(subject), 1, Duration.ofSeconds(20));
        List<Mailbox.Mail> toCuong = Mailbox.await(cuong, m -> m.subject.equals(subject), 1, Duration.ofSeconds(20));
        assertEquals(1, toAn.size());
        assertEquals(1, toCuong.size());
        assertEquals(List.of(), Mailbox.read(binh));
        assertTrue(toAn.get(0).text, toAn.get(0).text.contains("Hạt điều rang muối giảm 20%"));
        awaitResults(campaignId, Map.of("NOT_SENT", 1L, "SENT", 2L));

        // the link in the message opts its reader out without signing in, once and for all
        String link = toAn.get(0).headers.get("List-Unsubscribe").replaceAll("[<>]", "");
        String path = link.substring(link.indexOf("/api/v1/unsubscribe/"));
        assertTrue(toAn.get(0).text, toAn.get(0).text.contains(link));
        Api anonymous = api.withoutCredentials();
        assertEquals(200, anonymous.get(path).status);
        assertEquals("opening it again changes nothing", 200, anonymous.get(path).status);
        assertTrue(api.get("/api/v1/contacts/" + reachable).json().get("emailOptOut").asBoolean());
        assertEquals(404, anonymous.get("/api/v1/unsubscribe/" + "0".repeat(64)).status);
        String leadLink = toCuong.get(0).headers.get("List-Unsubscribe").replaceAll("[<>]", "");
        assertEquals(200, anonymous.send("POST", leadLink.substring(leadLink.indexOf("/api/v1/unsubscribe/")), "List-Unsubscribe=One-Click",
                "application/x-www-form-urlencoded", null).status);

        // the next offer reaches nobody: the contact is opted out, the lead's address unsubscribed
        JsonNode second = post("/api/v1/campaigns/" + campaignId + "/offers", map("channel", "EMAIL", "subject", subject + " (2)",
                "content", "Còn 3 ngày.", "allMembers", true), 201).get("items");
        Map<String, Long> secondDelivery = new java.util.TreeMap<>();
        second.forEach(o -> secondDelivery.merge(o.get("delivery").asText(), 1L, Long::sum));
        assertEquals(second.toString(), Map.of("NOT_SENT", 1L, "SUPPRESSED", 1L), secondDelivery);
        // the lead's second message is kept as SUPPRESSED, which the delivery never picks up
        JsonNode toLead = api.get("/api/v1/emails?collection=leads&recordId=" + lead).json().get("items");
        for (JsonNode e : toLead) {
            if (e.get("subject").asText().equals(subject + " (2)")) {
                assertEquals(e.toString(), "SUPPRESSED", e.get("state").asText());
            }
        }
        assertEquals(1, Mailbox.read(cuong).size());
    }

    private void awaitResults(String campaignId, Map<String, Long> expected) {
        String want = Api.json(new java.util.TreeMap<>(expected));
        JsonNode byDelivery = Await.until(Duration.ofSeconds(20),
                () -> api.get("/api/v1/campaigns/" + campaignId + "/results").json().get("emailsByDelivery"),
                found -> want.equals(found.toString()));
        assertEquals(want, byDelivery.toString());
    }

    @Test
    public void campaignResultsAndRoi() {
        String campaignId = campaign(10000000);
        JsonNode conversion = runCampaign(campaignId, map("account", map("create", true), "contact", map("create", true),
                "potential", map("name", "Gian hàng " + tag, "amount", 50000000, "closeDate", "2027-02-01")));
        String potential = conversion.get("potentialId").asText();
        assertEquals("the lead's campaign flows to the potential", campaignId,
                api.get("/api/v1/potentials/" + potential).json().get("campaignId").asText());
        assertEquals(200, api.patch("/api/v1/potentials/" + potential, Api.json(Map.of("stage", "CLOSED_WON")), null).status);
        // a potential of the campaign that is still open
        post("/api/v1/potentials", map("name", "Tái ký " + tag, "accountId", conversion.get("accountId").asText(),
                "campaignId", campaignId, "amount", 7000000, "closeDate", "2027-03-01"), 201);

        JsonNode r = api.get("/api/v1/campaigns/" + campaignId + "/results").json();
        assertEquals(r.toString(), 3, r.get("members").asLong());
        assertEquals(2, at(r, "membersByStatus", "RESPONDED"));
        assertEquals(1, at(r, "membersByStatus", "CONTACTED"));
        assertEquals(3, at(r, "offersByChannel", "EMAIL"));
        assertEquals(0, at(r, "offersByChannel", "PHONE_CALL"));
        assertEquals(2, r.get("responses").asLong());
        assertEquals(2, r.get("leads").asLong());
        assertEquals(1, r.get("convertedLeads").asLong());
        assertEquals(2, r.get("potentials").asLong());
        assertEquals(1, r.get("wonPotentials").asLong());
        assertEquals("50000000", r.get("wonAmount").asText());
        assertEquals("10000000", r.get("actualCost").asText());
        assertEquals("(50,000,000 − 10,000,000) / 10,000,000", "4", r.get("roi").asText());
    }

    /** Members are a child collection: listed a page at a time, and each change is a line in the campaign's history. */
    @Test
    public void membersComeAPageAtATimeAndTheirChangesAreInTheCampaignsHistory() {
        String campaignId = campaign(0);
        String base = "/api/v1/campaigns/" + campaignId;
        List<String> leads = List.of(lead("An", "Lê", campaignId), lead("Bình", "Lý", campaignId), lead("Chi", "Mai", campaignId));
        post(base + "/members", map("type", "LEAD", "ids", leads), 201);

        JsonNode first = api.get(base + "/members?limit=2").json();
        assertEquals(2, first.get("items").size());
        assertTrue("a next page: " + first, first.get("nextCursor").isTextual());
        JsonNode second = api.get(base + "/members?limit=2&cursor=" + first.get("nextCursor").asText()).json();
        assertEquals(1, second.get("items").size());
        assertTrue("the last page: " + second, second.get("nextCursor").isNull());
        List<String> paged = new ArrayList<>();
        Map<String, String> memberOf = new LinkedHashMap<>();
        for (JsonNode page : List.of(first, second)) {
            page.get("items").forEach(m -> {
                paged.add(m.get("recordId").asText());
                memberOf.put(m.get("recordId").asText(), m.get("id").asText());
            });
        }
        // added in one request, they were added at the same instant: each comes once, in a stable order
        assertEquals("each member once: " + paged, 3, new java.util.HashSet<>(paged).size());
        assertEquals(new java.util.HashSet<>(leads), new java.util.HashSet<>(paged));
        Api.Reply badCursor = api.get(base + "/members?cursor=not-a-cursor!");
        assertEquals(badCursor.toString(), 400, badCursor.status);
        assertTrue(badCursor.toString(), badCursor.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(400, api.get(base + "/members?limit=0").status);
        assertEquals(400, api.get(base + "/members?limit=abc").status);

        String chi = memberOf.get(leads.get(2));
        Api.Reply changed = api.patch(base + "/members/" + chi, Api.json(Map.of("status", "NOT_INTERESTED")), null);
        assertEquals(changed.toString(), 200, changed.status);

        JsonNode history = api.get(base + "/history").json().get("items");
        JsonNode statusLine = history.get(0);
        assertEquals(history.toString(), "MEMBER_CHANGED", statusLine.get("action").asText());
        JsonNode change = statusLine.get("changes").get(0);
        assertEquals("members", change.get("field").asText());
        assertEquals("Members", change.get("label").asText());
        assertTrue(change.toString(), change.get("from").asText().matches("LEA-\\d+ Chi Mai: PLANNED"));
        assertTrue(change.toString(), change.get("to").asText().endsWith(": NOT_INTERESTED"));
        JsonNode addedLine = history.get(1);
        assertEquals(history.toString(), "MEMBERS_ADDED", addedLine.get("action").asText());
        JsonNode added = addedLine.get("changes").get(0).get("to");
        assertEquals(added.toString(), 3, added.size());
        assertTrue(added.toString(), added.get(0).asText().startsWith("LEA-") && added.get(0).asText().contains("An"));
        JsonNode vi = api.send("GET", base + "/history?limit=1", null, null, null, "Accept-Language", "vi").json();
        assertEquals("Thành viên", vi.get("items").get(0).get("changes").get(0).get("label").asText());
    }

    @Test
    public void offersRespectMembersAndTheCampaignStatus() {
        String campaignId = campaign(0);
        String an = lead("An", "Võ", campaignId);
        String binh = lead("Bình", "Đỗ", campaignId);
        JsonNode members = post("/api/v1/campaigns/" + campaignId + "/members", map("type", "LEAD", "ids", List.of(an, binh)), 201)
                .get("items");
        String quiet = members.get(1).get("id").asText();
        Api.Reply dnc = api.patch("/api/v1/campaigns/" + campaignId + "/members/" + quiet,
                Api.json(Map.of("status", "DO_NOT_CONTACT")), null);
        assertEquals(dnc.toString(), "DO_NOT_CONTACT", dnc.json().get("status").asText());
        assertEquals(1, api.get("/api/v1/campaigns/" + campaignId + "/members?status=DO_NOT_CONTACT").json().get("items").size());

        assertEquals(422, api.post("/api/v1/campaigns/" + campaignId + "/members",
                Api.json(map("type", "LEAD", "ids", List.of(UUID.randomUUID().toString())))).status);
        assertEquals(400, api.post("/api/v1/campaigns/" + campaignId + "/members",
                Api.json(map("type", "PARTNER", "ids", List.of(an)))).status);
        assertEquals(422, api.post("/api/v1/campaigns/" + campaignId + "/offers",
                Api.json(map("channel", "PHONE_CALL", "subject", "Gọi", "memberId", quiet))).status);
        assertEquals("one member or all, not both", 422, api.post("/api/v1/campaigns/" + campaignId + "/offers",
                Api.json(map("channel", "PHONE_CALL", "subject", "Gọi", "memberId", members.get(0).get("id").asText(),
                        "allMembers", true))).status);

        Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonNode offers = post("/api/v1/campaigns/" + campaignId + "/offers", map("channel", "SEMINAR",
                "subject", "Hội thảo bán hàng", "scheduledAt", later.toString(), "allMembers", true), 201).get("items");
        assertEquals("the member who must not be contacted gets nothing", 1, offers.size());
        assertTrue(offers.get(0).get("sentAt").isNull());
        assertEquals("PLANNED", api.get("/api/v1/campaigns/" + campaignId + "/members?status=PLANNED").json()
                .get("items").get(0).get("status").asText());
        String offer = offers.get(0).get("id").asText();
        JsonNode sent = post("/api/v1/campaigns/" + campaignId + "/offers/" + offer + "/send", null, 200);
        assertTrue(!sent.get("sentAt").isNull());
        assertEquals(sent.get("sentAt"), post("/api/v1/campaigns/" + campaignId + "/offers/" + offer + "/send", null, 200).get("sentAt"));
        assertEquals(1, api.get("/api/v1/campaigns/" + campaignId + "/members?status=CONTACTED").json().get("items").size());

        JsonNode r = api.get("/api/v1/campaigns/" + campaignId + "/results").json();
        assertTrue("no ROI without a cost: " + r, r.get("roi").isNull());

        assertEquals(422, api.patch("/api/v1/campaigns/" + campaignId, Api.json(Map.of("status", "PLANNING")), null).status);
        assertEquals(200, api.patch("/api/v1/campaigns/" + campaignId, Api.json(Map.of("status", "COMPLETED")), null).status);
        Api.Reply closed = api.post("/api/v1/campaigns/" + campaignId + "/offers",
                Api.json(map("channel", "EMAIL", "subject", "Cảm ơn", "allMembers", true)));
        assertEquals(closed.toString(), 422, closed.status);
        assertEquals(1, api.get("/api/v1/campaigns/" + campaignId + "/offers").json().get("items").size());
        assertEquals(422, api.post("/api/v1/campaigns", Api.json(map("name", tag, "budget", -1))).status);
        assertEquals(422, api.post("/api/v1/campaigns", Api.json(map("name", tag, "startDate", "2027-02-01",
                "endDate", "2027-01-01"))).status);
    }
}
