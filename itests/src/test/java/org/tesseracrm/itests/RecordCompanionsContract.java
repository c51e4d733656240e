package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What accompanies every record (run by the integrity tests' servers, on H2 and PostgreSQL): notes
 * that mention and notify colleagues, files recognised by their content and served only as
 * downloads, one timeline per record in which an account shows its contacts' notes and files, and
 * all of it exactly as visible as the record itself — gone with it to the recycle bin and back.
 */
public abstract class RecordCompanionsContract extends VisibilityContract {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    public void notesFilesAndTimelineFollowTheirRecordAndItsScope() throws InterruptedException {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        String account = create(asLan, "/api/v1/accounts", Map.of("name", "Công ty Sao Mai " + tag));
        String contact = create(asLan, "/api/v1/contacts", Map.of("lastName", "Trần " + tag, "firstName", "Bình", "accountId", account));
        String contactPath = "/api/v1/contacts/" + contact;

        // a note mentioning a colleague notifies them once
        Api.Reply noted = expect(201, asLan.post(contactPath + "/notes", Api.json(Map.of("body", "Gọi lại thứ Ba; @" + minh + ", xem giúp."))));
        JsonNode note = noted.json();
        assertEquals(List.of(minh), texts(note.get("mentions")));
        assertEquals(lan, note.get("author").asText());
        JsonNode inbox = asMinh.get("/api/v1/notifications").json();
        JsonNode mention = find(inbox.get("items"), "recordId", contact);
        assertNotNull("minh is told of the mention: " + inbox, mention);
        assertEquals("MENTION", mention.get("kind").asText());
        assertEquals(lan, mention.get("actor").asText());
        assertTrue(mention.get("title").asText(), mention.get("title").asText().contains("Trần " + tag));
        assertTrue(inbox.get("unread").asLong() >= 1);
        expect(200, asMinh.post("/api/v1/notifications/" + mention.get("id").asText() + "/read", null));
        assertFalse("marked read", asMinh.get("/api/v1/notifications").json().get("items").findValuesAsText("id").isEmpty());
        expect(200, asMinh.post("/api/v1/notifications/read-all", null));
        assertEquals(0, asMinh.get("/api/v1/notifications").json().get("unread").asLong());
        expect(404, asLan.post("/api/v1/notifications/" + mention.get("id").asText() + "/read", null)); // not lan's
        // and by e-mail, with a link to the record
        List<Mailbox.Mail> mailed = Mailbox.await(minh + "@tessera.example", m -> m.subject.contains("Trần " + tag), 1, Duration.ofSeconds(20));
        assertEquals(mailed.toString(), 1, mailed.size());
        assertTrue(mailed.get(0).subject, mailed.get(0).subject.startsWith(lan + " mentioned you"));
        assertTrue(mailed.get(0).text, mailed.get(0).text.contains("#/c/contacts/" + contact));

        // a note is its author's: stale versions are refused, blank ones too
        String notePath = contactPath + "/notes/" + note.get("id").asText();
        expect(412, asLan.patch(notePath, Api.json(Map.of("body", "x")), "\"7\""));
        expect(400, asLan.post(contactPath + "/notes", Api.json(Map.of("body", "  "))));
        expect(400, asLan.post(contactPath + "/notes", Api.json(Map.of("body", "a", "author", "admin"))));
        JsonNode changed = expect(200, asLan.patch(notePath, Api.json(Map.of("body", "Gọi lại thứ Tư.")), "\"1\"")).json();
        assertEquals(2, changed.get("version").asInt());

        // a file: its type is what its content is, not what the upload said; served only as a download
        Api.Reply uploaded = expect(201, asLan.upload(contactPath + "/attachments", "file", "báo giá " + tag + ".pdf", "text/html", PDF));
        JsonNode file = uploaded.json();
        assertEquals("báo giá " + tag + ".pdf", file.get("fileName").asText());
        assertEquals("application/pdf", file.get("contentType").asText());
        assertEquals(PDF.length, file.get("size").asInt());
        Api.Reply download = expect(200, asLan.get(contactPath + "/attachments/" + file.get("id").asText()));
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), download.text);
        assertTrue(download.header("Content-Type"), download.header("Content-Type").startsWith("application/pdf"));
        assertTrue(download.header("Content-Disposition"), download.header("Content-Disposition").startsWith("attachment;"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        JsonNode page = expect(201, asLan.upload(contactPath + "/attachments", "file", "../../trang.html", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))).json();
        assertEquals("trang.html", page.get("fileName").asText());
        assertEquals("text/html", page.get("contentType").asText());
        assertEquals(2, asLan.get(contactPath + "/attachments").json().get("items").size());
        expect(400, asLan.upload(contactPath + "/attachments", "document", "a.pdf", "application/pdf", PDF));
        expect(400, asLan.upload(contactPath + "/attachments", "file", "empty.txt", "text/plain", new byte[0]));
        expect(413, asLan.upload(contactPath + "/attachments", "file", "big.bin", "application/octet-stream", new byte[10 * 1024 * 1024 + 1]));
        expect(204, asLan.delete(contactPath + "/attachments/" + page.get("id").asText(), null));

        // the account's timeline shows its contact's note and file, newest first, named as the contact
        List<JsonNode> timeline = timeline(asLan, "/api/v1/accounts/" + account + "/timeline", 50);
        List<String> kinds = new ArrayList<>();
        timeline.forEach(e -> kinds.add(e.get("kind").asText() + " " + e.get("record").get("collection").asText()));
        assertEquals(List.of("ATTACHMENT contacts", "NOTE contacts", "RECORD contacts", "HISTORY accounts"), kinds);
        assertEquals("Bình Trần " + tag, timeline.get(0).get("record").get("label").asText());
        assertEquals("the same timeline, one entry per page", timeline, timeline(asLan, "/api/v1/accounts/" + account + "/timeline", 1));
        List<String> contactKinds = new ArrayList<>();
        timeline(asLan, contactPath + "/timeline", 50).forEach(e -> contactKinds.add(e.get("kind").asText()));
        assertEquals(List.of("ATTACHMENT", "NOTE", "HISTORY"), contactKinds);
        JsonNode created = timeline(asLan, contactPath + "/timeline", 50).get(2);
        assertEquals("CREATED", created.get("data").get("action").asText());
        expect(400, asLan.get(contactPath + "/timeline?cursor=nonsense"));
        expect(400, asLan.get(contactPath + "/timeline?limit=0"));

        // someone who may not see the record sees none of it, and cannot add to it
        for (String path : List.of(contactPath + "/notes", contactPath + "/attachments", contactPath + "/timeline",
                "/api/v1/accounts/" + account + "/timeline", notePath, contactPath + "/attachments/" + file.get("id").asText())) {
            expect(404, asMinh.get(path));
        }
        expect(404, asMinh.post(contactPath + "/notes", Api.json(Map.of("body", "xin chào"))));
        expect(404, asMinh.upload(contactPath + "/attachments", "file", "a.pdf", "application/pdf", PDF));
        expect(404, asMinh.delete(notePath, null));

        // to the recycle bin with the contact, and back with it
        expect(204, admin.delete(contactPath, null));
        expect(404, asLan.get(contactPath + "/attachments"));
        assertEquals(List.of("HISTORY accounts"), kindsOf(timeline(asLan, "/api/v1/accounts/" + account + "/timeline", 50)));
        expect(200, admin.post(contactPath + "/restore", null));
        assertEquals(1, asLan.get(contactPath + "/attachments").json().get("items").size());
        assertEquals(4, timeline(asLan, "/api/v1/accounts/" + account + "/timeline", 50).size());

        // what is made from a record is in its timeline: a potential's quote
        String deal = create(asLan, "/api/v1/potentials", Map.of("name", "Máy POS " + tag, "accountId", account,
                "closeDate", "2026-12-31", "amount", 1000000, "currency", "VND"));
        String quote = create(asLan, "/api/v1/quotes", Map.of("subject", "Báo giá " + tag, "potentialId", deal,
                "lineItems", List.of(Map.of("name", "Dịch vụ", "quantity", 1, "unitPrice", 100000))));
        JsonNode made = timeline(asLan, "/api/v1/potentials/" + deal + "/timeline", 50).get(0);
        assertEquals("RECORD", made.get("kind").asText());
        assertEquals(quote, made.get("record").get("id").asText());
        assertTrue(made.get("title").asText(), made.get("title").asText().contains("Báo giá " + tag));
        expect(404, asMinh.get("/api/v1/potentials/" + deal + "/timeline"));

        // a lead's touches are in its timeline
        String leadId = create(asLan, "/api/v1/leads", Map.of("lastName", "Nguyễn " + tag, "company", "Đông Á " + tag));
        expect(201, asLan.post("/api/v1/leads/" + leadId + "/touches", Api.json(Map.of("channel", "CALL", "outcome", "REACHED",
                "note", "Hẹn gặp tuần sau"))));
        JsonNode touch = null;
        for (JsonNode e : timeline(asLan, "/api/v1/leads/" + leadId + "/timeline", 50)) {
            touch = e.get("kind").asText().equals("TOUCH") ? e : touch;
        }
        assertNotNull("the touch is in the lead's timeline", touch);
        assertEquals("Hẹn gặp tuần sau", touch.get("text").asText());

        // a record given to a colleague tells them
        String given = create(admin, "/api/v1/leads", Map.of("lastName", "Phạm " + tag, "company", "Hoà Bình " + tag, "assignedTo", lan));
        JsonNode assigned = null;
        for (long end = System.nanoTime() + 10_000_000_000L; assigned == null && System.nanoTime() < end;) {
            assigned = find(asLan.get("/api/v1/notifications?unread=true").json().get("items"), "recordId", given);
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // named in the background, a moment after the commit
        }
        assertNotNull("lan is told of the lead assigned to her", assigned);
        assertEquals("ASSIGNED", assigned.get("kind").asText());
    }

    @Test
    public void aContactsCallsMeetingsAndTasksShowInItsAccountAndARemindersFiresOnce() {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        String account = create(asLan, "/api/v1/accounts", Map.of("name", "Công ty Hoà Phát " + tag));
        String contact = create(asLan, "/api/v1/contacts", Map.of("lastName", "Lê " + tag, "firstName", "Hoa", "accountId", account));
        String minhLead = create(asMinh, "/api/v1/leads", Map.of("lastName", "Đỗ " + tag, "company", "Đông Á " + tag));

        // a call logged now, about the contact: its account is the contact's
        JsonNode call = expect(201, asLan.post("/api/v1/activities", Api.json(Map.of("kind", "CALL", "subject", "Gọi giới thiệu " + tag,
                "relatedCollection", "contacts", "relatedId", contact, "direction", "OUTBOUND", "durationMinutes", 12,
                "outcome", "Quan tâm, hẹn gặp")))).json();
        assertEquals(account, call.get("accountId").asText());
        assertEquals(lan, call.get("assignedTo").asText());
        assertFalse("a call logged now happened now", call.get("startAt").isNull());
        assertEquals("a call logged took place", "DONE", call.get("status").asText());
        // a meeting next Tuesday, 9 to 10 in Hà Nội
        java.time.LocalDate tuesday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY));
        String meeting = create(asLan, "/api/v1/activities", Map.of("kind", "MEETING", "subject", "Gặp trình bày " + tag,
                "relatedCollection", "contacts", "relatedId", contact, "startAt", tuesday + "T02:00:00Z", "endAt", tuesday + "T03:00:00Z",
                "location", "Văn phòng Hoà Phát"));
        // a weekly task whose reminder is due already
        String due = java.time.Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String task = create(asLan, "/api/v1/activities", Map.of("kind", "TASK", "subject", "Gửi báo giá " + tag,
                "relatedCollection", "contacts", "relatedId", contact, "dueAt", due, "reminderMinutes", 5, "recurrence", "WEEKLY"));

        // what an activity must be
        expect(422, asLan.post("/api/v1/activities", Api.json(Map.of("kind", "MEETING", "subject", "x", "startAt", tuesday + "T02:00:00Z"))));
        expect(422, asLan.post("/api/v1/activities", Api.json(Map.of("kind", "MEETING", "subject", "x",
                "startAt", tuesday + "T03:00:00Z", "endAt", tuesday + "T02:00:00Z"))));
        expect(422, asLan.post("/api/v1/activities", Api.json(Map.of("kind", "TASK", "subject", "x", "reminderMinutes", 10))));
        expect(422, asLan.post("/api/v1/activities", Api.json(Map.of("kind", "TASK", "subject", "x",
                "relatedCollection", "leads", "relatedId", minhLead))));
        expect(400, asLan.get("/api/v1/activities?from=hôm-nay"));

        // the calendar of that Tuesday, and the account's timeline
        List<String> tuesdays = new ArrayList<>();
        asLan.get("/api/v1/activities?from=" + tuesday + "&to=" + tuesday).json().get("items").forEach(a -> tuesdays.add(a.get("id").asText()));
        assertEquals(List.of(meeting), tuesdays);
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : timeline(asLan, "/api/v1/accounts/" + account + "/timeline", 50)) {
            if (e.get("record").get("id").asText().equals(contact) && !e.get("kind").asText().equals("RECORD")) {
                kinds.add(e.get("kind").asText());
            }
        }
        assertEquals(List.of("TASK", "MEETING", "CALL"), kinds);

        // someone who may not see the contact sees none of it
        expect(404, asMinh.get("/api/v1/activities/" + meeting));
        assertEquals(0, asMinh.get("/api/v1/activities?relatedId=" + contact).json().get("items").size());
        expect(404, asMinh.get("/api/v1/accounts/" + account + "/timeline"));

        // the reminder reaches lan once
        JsonNode reminder = null;
        for (long end = System.nanoTime() + 20_000_000_000L; reminder == null && System.nanoTime() < end;) {
            java.util.concurrent.locks.LockSupport.parkNanos(300_000_000L);
            reminder = find(asLan.get("/api/v1/notifications?unread=true").json().get("items"), "recordId", task);
        }
        assertNotNull("the task's reminder fired", reminder);
        assertEquals("REMINDER", reminder.get("kind").asText());
        java.util.concurrent.locks.LockSupport.parkNanos(3_000_000_000L); // three more looks for due reminders
        int told = 0;
        for (JsonNode n : asLan.get("/api/v1/notifications?limit=100").json().get("items")) {
            told += n.get("recordId").asText().equals(task) && n.get("kind").asText().equals("REMINDER") ? 1 : 0;
        }
        assertEquals("a reminder fires once", 1, told);

        // done: the next week's task is planned; done again changes nothing; reopened
        expect(200, asLan.post("/api/v1/activities/" + task + "/complete", null));
        JsonNode tasks = asLan.get("/api/v1/activities?kind=TASK&relatedId=" + contact + "&sort=dueAt").json().get("items");
        assertEquals(2, tasks.size());
        assertEquals("DONE", tasks.get(0).get("status").asText());
        assertEquals(java.time.Instant.parse(due).atZone(java.time.ZoneId.of("UTC")).plusWeeks(1).toInstant().toString(),
                tasks.get(1).get("dueAt").asText());
        assertEquals("OPEN", tasks.get(1).get("status").asText());
        expect(200, asLan.post("/api/v1/activities/" + task + "/complete", null));
        assertEquals(2, asLan.get("/api/v1/activities?kind=TASK&relatedId=" + contact).json().get("items").size());
        expect(200, asLan.post("/api/v1/activities/" + task + "/reopen", null));
        expect(409, asLan.post("/api/v1/activities/" + task + "/reopen", null));
    }

    @Test
    public void aMeetingIsReadByItsAttendeesAndByWhoeverSeesItsRecord() {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        String account = create(asLan, "/api/v1/accounts", Map.of("name", "Công ty Bình Minh " + tag));
        String contact = create(asLan, "/api/v1/contacts", Map.of("lastName", "Vũ " + tag, "firstName", "Nam", "accountId", account));
        String minhContact = create(asMinh, "/api/v1/contacts", Map.of("lastName", "Phan " + tag));
        String start = java.time.Instant.now().plusSeconds(90).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String end = java.time.Instant.parse(start).plusSeconds(3600).toString();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("kind", "MEETING", "subject", "Ký hợp đồng " + tag,
                "relatedCollection", "accounts", "relatedId", account, "startAt", start, "endAt", end));
        body.put("attendees", List.of(Map.of("collection", "contacts", "id", contact)));
        JsonNode meeting = expect(201, asLan.post("/api/v1/activities", Api.json(body))).json();
        String id = meeting.get("id").asText();
        assertEquals("the contact is named", "Nam Vũ " + tag, meeting.get("attendees").get(0).get("label").asText());

        // not minh's: not his to read, until he is asked to take part
        expect(404, asMinh.get("/api/v1/activities/" + id));
        // the reminder is set with the invitation (and due at once): set at creation, it could fire before minh attends
        JsonNode invited = expect(200, asLan.patch("/api/v1/activities/" + id,
                Api.json(Map.of("reminderMinutes", 2, "attendees", List.of(Map.of("collection", "contacts", "id", contact),
                        Map.of("collection", "users", "id", minh)))), "\"" + meeting.get("version").asText() + "\"")).json();
        assertEquals("new attendees are a new version", meeting.get("version").asLong() + 1, invited.get("version").asLong());
        JsonNode seen = expect(200, asMinh.get("/api/v1/activities/" + id)).json();
        assertEquals(2, seen.get("attendees").size());
        assertTrue("minh may not see the contact, so it is not named to him", seen.get("attendees").get(0).get("label").isNull());
        assertEquals("in his calendar", List.of(id), ids(asMinh.get("/api/v1/activities?user=me&from=" + start.substring(0, 10)).json()));
        expect(403, asMinh.patch("/api/v1/activities/" + id, Api.json(Map.of("subject", "Đổi giờ")), "*"));
        JsonNode invitation = null; // the reminder, due already, may come first
        for (JsonNode n : asMinh.get("/api/v1/notifications").json().get("items")) {
            invitation = n.get("recordId").asText().equals(id) && n.get("kind").asText().equals("INVITED") ? n : invitation;
        }
        assertNotNull("minh is told he is invited", invitation);
        JsonNode reminder = null;
        for (long stop = System.nanoTime() + 20_000_000_000L; reminder == null && System.nanoTime() < stop;) {
            java.util.concurrent.locks.LockSupport.parkNanos(300_000_000L);
            for (JsonNode n : asMinh.get("/api/v1/notifications").json().get("items")) {
                reminder = n.get("recordId").asText().equals(id) && n.get("kind").asText().equals("REMINDER") ? n : reminder;
            }
        }
        assertNotNull("the attendee is reminded too", reminder);

        // the contact that attends has the meeting in its timeline
        boolean onTimeline = false;
        for (JsonNode e : timeline(asLan, "/api/v1/contacts/" + contact + "/timeline", 50)) {
            onTimeline |= e.get("id").asText().equals(id);
        }
        assertTrue(onTimeline);

        // whoever may see the record a call is about sees the call: the contact given to minh brings lan's call along
        String call = create(asLan, "/api/v1/activities", Map.of("kind", "CALL", "subject", "Gọi xác nhận " + tag,
                "relatedCollection", "contacts", "relatedId", contact));
        expect(404, asMinh.get("/api/v1/activities/" + call));
        expect(200, admin.patch("/api/v1/contacts/" + contact, Api.json(Map.of("assignedTo", minh)), "*"));
        expect(200, asMinh.get("/api/v1/activities/" + call));
        assertEquals(List.of(call), ids(asMinh.get("/api/v1/activities?kind=CALL&relatedId=" + contact).json()));

        // a team's calendar: what its members are assigned to or attend
        List<String> team = ids(admin.get("/api/v1/activities?team=north-" + tag + "&limit=100").json());
        assertTrue(team.contains(id) && team.contains(call));
        expect(400, admin.get("/api/v1/activities?team=nowhere-" + tag));

        // who may attend
        for (Map<String, String> nobody : List.of(Map.of("collection", "users", "id", "nobody-" + tag),
                Map.of("collection", "accounts", "id", account), Map.of("collection", "contacts", "id", minhContact))) {
            Map<String, Object> bad = new java.util.LinkedHashMap<>(body);
            bad.put("attendees", List.of(nobody));
            expect(422, asLan.post("/api/v1/activities", Api.json(bad)));
        }
    }

    @Test
    public void aCallOnALeadCanCountAsOneOfItsTouches() {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        String lead = create(asLan, "/api/v1/leads", Map.of("lastName", "Hồ " + tag, "company", "Thiên Long " + tag));
        String call = create(asLan, "/api/v1/activities", Map.of("kind", "CALL", "subject", "Gọi lần đầu " + tag,
                "outcome", "Hẹn gọi lại", "relatedCollection", "leads", "relatedId", lead, "countsAsTouch", true));
        JsonNode touches = asLan.get("/api/v1/leads/" + lead + "/touches").json().get("items");
        assertEquals(1, touches.size());
        assertEquals("CALL", touches.get(0).get("channel").asText());
        assertEquals(call, touches.get(0).get("activityId").asText());
        assertEquals("Gọi lần đầu " + tag + ": Hẹn gọi lại", touches.get(0).get("note").asText());
        List<String> kinds = new ArrayList<>();
        timeline(asLan, "/api/v1/leads/" + lead + "/timeline", 50).forEach(e -> kinds.add(e.get("kind").asText()));
        assertEquals("the call once, not again as its touch", 1, kinds.stream().filter(k -> k.equals("CALL") || k.equals("TOUCH")).count());
        // without the flag, or a task, or not about a lead: no touch
        create(asLan, "/api/v1/activities", Map.of("kind", "CALL", "subject", "Gọi lại " + tag, "relatedCollection", "leads", "relatedId", lead));
        expect(422, asLan.post("/api/v1/activities", Api.json(Map.of("kind", "TASK", "subject", "x", "relatedCollection", "leads",
                "relatedId", lead, "countsAsTouch", true))));
        assertEquals(1, asLan.get("/api/v1/leads/" + lead + "/touches").json().get("items").size());
        // a converted lead takes no more touches: the call is refused with it, nothing is written
        expect(200, asLan.post("/api/v1/leads/" + lead + "/convert", Api.json(Map.of("account", Map.of("create", true)))));
        expect(422, asLan.post("/api/v1/activities", Api.json(Map.of("kind", "CALL", "subject", "Gọi sau chuyển đổi " + tag,
                "relatedCollection", "leads", "relatedId", lead, "countsAsTouch", true))));
        assertEquals(2, asLan.get("/api/v1/activities?relatedId=" + lead).json().get("items").size());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static List<JsonNode> timeline(Api api, String path, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = expect(200, api.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor))).json();
            page.get("items").forEach(entries::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null && entries.size() < 1000);
        return entries;
    }

    private static List<String> kindsOf(List<JsonNode> entries) {
        List<String> kinds = new ArrayList<>();
        entries.forEach(e -> kinds.add(e.get("kind").asText() + " " + e.get("record").get("collection").asText()));
        return kinds;
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
