package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who sees what and who changed what (run by the integrity tests' servers, on H2 and PostgreSQL:
 * each server's start costs a minute of the suite): salespeople with scope {@code own} see their own records and
 * nobody else's, anywhere (by id, in lists, counts, search, related lists, the pipeline, actions
 * and references); a team manager sees the team's; an administrator sees all; every change of a
 * record is in its history with who, when, through what and old → new; users, teams and roles are
 * managed over the API.
 */
public abstract class VisibilityContract {
    protected static final String PASSWORD = "Pham-vi-ban-hang-1";

    protected Api admin;
    protected String tag;
    protected String lan;
    protected String minh;
    protected String lead;

    /** Two salespeople (scope own), a team lead (scope team) and a team, new for each test. */
    protected void people() {
        admin = Api.asAdmin();
        for (String c : List.of("leads", "accounts", "contacts", "potentials", "quotes")) {
            admin.awaitReady("/api/v1/" + c + "?limit=1", Duration.ofSeconds(60));
        }
        tag = "V" + UUID.randomUUID().toString().substring(0, 8);
        lan = "lan-" + tag.toLowerCase();
        minh = "minh-" + tag.toLowerCase();
        lead = "thao-" + tag.toLowerCase();
        createUser(lan, List.of("sales"));
        createUser(minh, List.of("sales"));
        Map<String, Object> role = new LinkedHashMap<>();
        role.put("name", "lead-" + tag.toLowerCase());
        role.put("label", "Trưởng nhóm");
        role.put("grants", List.of(Map.of("module", "leads", "access", "write", "scope", "team"),
                Map.of("module", "accounts", "access", "write", "scope", "team"),
                Map.of("module", "potentials", "access", "write", "scope", "team")));
        expect(201, admin.post("/api/v1/roles", Api.json(role)));
        createUser(lead, List.of("lead-" + tag.toLowerCase()));
        expect(201, admin.post("/api/v1/teams", Api.json(Map.of("name", "north-" + tag, "displayName", "Miền Bắc",
                "manager", lead, "members", List.of(lan)))));
    }

    @Test
    public void aFileOfLeadsImportsWithItsDuplicatesFailedRowsAndUndo() throws Exception {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        String t = tag.toLowerCase();
        create(asLan, "/api/v1/leads", Map.of("lastName", "Đã có " + tag, "company", "Cũ " + tag, "email", "mine-" + t + "@example.vn"));
        create(asMinh, "/api/v1/leads", Map.of("lastName", "Của Minh " + tag, "company", "Minh " + tag, "email", "minh-" + t + "@example.vn"));
        // Excel's CSV in Vietnamese: a BOM, semicolons, Vietnamese headers, labels and numbers as people type them
        String csv = "\ufeffHọ;Tên;Công ty;Email;Điện thoại;Doanh thu năm;Trạng thái;Nguồn\r\n"
                + "Nguyễn " + tag + ";An;Sao Mai " + tag + ";an-" + t + "@example.vn;0903 123 456;1.500.000;Đang chăm sóc;Trang web\r\n"
                + "Trần " + tag + ";Bình;Đông Á " + tag + ";MINE-" + t + "@Example.vn;;;;\r\n"
                + "Nguyễn " + tag + ";An;Sao Mai " + tag + ";an-" + t + "@example.vn;;;;\r\n"
                + "Lê " + tag + ";Cường;Minh " + tag + ";minh-" + t + "@example.vn;;2,500,000.50;Mới;\r\n"
                + "Phạm " + tag + ";Dũng;Lỗi " + tag + ";dung-" + t + "@example.vn;;;không có;\r\n";
        byte[] file = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api.Reply dry = asLan.upload("/api/v1/imports", "file", "khach-hang.csv", "text/csv", file,
                Map.of("collection", "leads", "keys", "email", "dryRun", "true"));
        expect(201, dry);
        JsonNode mapping = dry.json().get("settings").get("mapping");
        assertEquals(mapping.toString(), "lastName", mapping.get("Họ").asText());
        assertEquals("annualRevenue", mapping.get("Doanh thu năm").asText());
        assertEquals("source", mapping.get("Nguồn").asText());
        JsonNode preview = dry.json().get("preview");
        // lan's own lead matches (case folded); minh's she cannot see, so it is no duplicate of hers
        assertEquals(preview.toString(), 2, preview.get("outcomes").get("CREATED").asInt());
        assertEquals(preview.toString(), 2, preview.get("outcomes").get("SKIPPED").asInt());
        assertEquals(preview.toString(), 1, preview.get("outcomes").get("FAILED").asInt());
        assertEquals("nothing written by a dry run", Set.of(), ids(asLan.get("/api/v1/leads?q=" + java.net.URLEncoder.encode("Sao Mai " + tag,
                java.nio.charset.StandardCharsets.UTF_8))));
        String id = dry.json().get("id").asText();
        expect(404, asMinh.get("/api/v1/imports/" + id));

        expect(202, asLan.post("/api/v1/imports/" + id + "/run", null));
        JsonNode job = Await.until(Duration.ofSeconds(20), () -> asLan.get("/api/v1/imports/" + id).json(),
                found -> found.get("state").asText().equals("DONE"));
        assertEquals(job.toString(), "DONE", job.get("state").asText());
        assertEquals(job.toString(), 5, job.get("rowsRead").asInt());
        assertEquals(2, job.get("created").asInt());
        assertEquals(2, job.get("skipped").asInt());
        assertEquals(1, job.get("failed").asInt());

        JsonNode an = asLan.get("/api/v1/leads?q=" + java.net.URLEncoder.encode("Nguyễn " + tag, java.nio.charset.StandardCharsets.UTF_8))
                .json().get("items").get(0);
        assertEquals(1500000, an.get("annualRevenue").asInt());
        assertEquals("NURTURING", an.get("status").asText());
        assertEquals("WEBSITE", an.get("source").asText());
        assertEquals(lan, an.get("createdBy").asText());
        assertEquals("import khach-hang.csv", asLan.get("/api/v1/leads/" + an.get("id").asText() + "/history").json()
                .get("items").get(0).get("via").asText());

        String failed = new String(asLan.getBytes("/api/v1/imports/" + id + "/failed-rows", null, null).body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(failed, failed.contains("Phạm " + tag) && failed.contains("không có") && !failed.contains("Nguyễn " + tag));

        JsonNode undone = expect(200, asLan.post("/api/v1/imports/" + id + "/undo", null)).json();
        assertEquals("UNDONE", undone.get("state").asText());
        expect(404, asLan.get("/api/v1/leads/" + an.get("id").asText()));
        assertEquals("undone records are in the recycle bin", 1, asLan.get("/api/v1/leads?deleted=true&q="
                + java.net.URLEncoder.encode("Nguyễn " + tag, java.nio.charset.StandardCharsets.UTF_8)).json().get("items").size());

        // a workbook the CRM exported reads back: every row matches its record
        byte[] xlsx = asLan.getBytes("/api/v1/leads/export?format=xlsx&lang=vi&columns=lastName,company,email&q=" + tag, null, null).body();
        JsonNode again = expect(201, asLan.upload("/api/v1/imports", "file", "leads.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx,
                Map.of("collection", "leads", "keys", "email", "dryRun", "true"))).json().get("preview");
        assertEquals(again.toString(), 1, again.get("rows").asInt());
        assertEquals(again.toString(), 1, again.get("outcomes").get("SKIPPED").asInt());

        expect(400, asLan.upload("/api/v1/imports", "file", "x.csv", "text/csv", file, Map.of("collection", "leads", "policy", "merge")));
        expect(403, asLan.upload("/api/v1/imports", "file", "x.csv", "text/csv", file, Map.of("collection", "vendors")));
    }

    @Test
    public void aNewLeadLikeOneTheCallerSeesIsRefusedWithItUnlessCreatedAnyway() {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        String t = tag.toLowerCase();
        String line = String.format("%03d", Math.abs(t.hashCode() % 1000));
        String first = create(asLan, "/api/v1/leads", Map.of("lastName", "Phạm " + tag, "firstName", "Bình", "company", "Đông Á " + tag,
                "email", "binh-" + t + "@example.vn", "phone", "0903 555 " + line));

        Api.Reply sameEmail = asLan.post("/api/v1/leads", Api.json(Map.of("lastName", "Khác " + tag, "email", "BINH-" + t + "@Example.VN")));
        assertEquals(sameEmail.toString(), 409, sameEmail.status);
        assertEquals(first, sameEmail.json().get("candidates").get(0).get("id").asText());
        assertEquals("[\"email\"]", sameEmail.json().get("candidates").get(0).get("fields").toString());
        Api.Reply samePhone = asLan.post("/api/v1/leads", Api.json(Map.of("lastName", "Khác " + tag,
                "phone", "+84 903-555-" + line)));
        assertEquals("the same number written otherwise: " + samePhone, 409, samePhone.status);
        Api.Reply sameName = asLan.post("/api/v1/leads", Api.json(Map.of("lastName", "PHAM " + tag, "firstName", "binh",
                "company", "dong a " + tag)));
        assertEquals("the same name at the same company, without case or marks: " + sameName, 409, sameName.status);
        assertEquals("nothing was made", 1, asLan.get("/api/v1/leads?q=" + tag).json().get("items").size());

        String anyway = create(asLan, "/api/v1/leads?createAnyway=true", Map.of("lastName", "Khác " + tag, "email", "binh-" + t + "@example.vn"));
        assertTrue(!anyway.equals(first));
        // minh does not see lan's leads: nothing of hers is named to him, and his lead is made
        create(asMinh, "/api/v1/leads", Map.of("lastName", "Của Minh " + tag, "email", "binh-" + t + "@example.vn"));
        create(asLan, "/api/v1/leads", Map.of("lastName", "Phạm " + tag, "firstName", "Bình", "company", "Công ty khác " + tag));
    }

    /**
     * A look-alike is found by its keys as they are after every kind of write (create, change,
     * delete, restore, import), however many newer records share its words.
     */
    @Test
    public void aLookalikeIsFoundByItsKeysAfterEveryWrite() throws Exception {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        String t = tag.toLowerCase();
        String first = create(asLan, "/api/v1/leads", Map.of("lastName", "Hồ " + tag, "firstName", "Lan", "company", "Ánh Dương " + tag,
                "email", "ho-" + t + "@example.vn"));
        // 55 newer leads with every word of its name: a search for them finds the newest 50 first
        for (int i = 0; i < 55; i++) {
            create(asLan, "/api/v1/leads?createAnyway=true", Map.of("lastName", "Hồ " + tag, "firstName", "Lan",
                    "company", "Ánh Dương " + tag + " chi nhánh " + i));
        }
        assertLooksLike(first, asLan, Map.of("lastName", "HO " + tag, "firstName", "lan", "company", "anh duong " + tag));

        String etag = asLan.get("/api/v1/leads/" + first).header("ETag");
        expect(200, asLan.patch("/api/v1/leads/" + first, Api.json(Map.of("email", "ho-moi-" + t + "@example.vn")), etag));
        assertLooksLike(first, asLan, Map.of("lastName", "Khác " + tag, "email", "HO-MOI-" + t + "@example.vn"));
        String oldAddress = create(asLan, "/api/v1/leads", Map.of("lastName", "Khác " + tag, "email", "ho-" + t + "@example.vn"));

        etag = asLan.get("/api/v1/leads/" + first).header("ETag");
        expect(204, asLan.delete("/api/v1/leads/" + first, etag));
        String whileDeleted = create(asLan, "/api/v1/leads", Map.of("lastName", "Khác nữa " + tag, "email", "ho-moi-" + t + "@example.vn"));
        expect(200, asLan.post("/api/v1/leads/" + first + "/restore", null));
        Api.Reply restored = asLan.post("/api/v1/leads", Api.json(Map.of("lastName", "Lần ba " + tag, "email", "ho-moi-" + t + "@example.vn")));
        assertEquals(restored.toString(), 409, restored.status);
        Set<String> named = new java.util.HashSet<>();
        restored.json().get("candidates").forEach(c -> named.add(c.get("id").asText()));
        assertEquals("the restored lead and the one made while it was deleted", Set.of(first, whileDeleted), named);

        String csv = "lastName,email\r\nNhập " + tag + ",nhap-" + t + "@example.vn\r\n";
        Api.Reply upload = expect(202, asLan.upload("/api/v1/imports", "file", "nhap.csv", "text/csv",
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of("collection", "leads")));
        String job = upload.json().get("id").asText();
        Await.until(Duration.ofSeconds(20), () -> asLan.get("/api/v1/imports/" + job).json(), j -> j.get("state").asText().equals("DONE"));
        String imported = asLan.get("/api/v1/leads?q=" + java.net.URLEncoder.encode("Nhập " + tag, java.nio.charset.StandardCharsets.UTF_8))
                .json().get("items").get(0).get("id").asText();
        assertLooksLike(imported, asLan, Map.of("lastName", "Khác " + tag, "email", "Nhap-" + t + "@Example.vn"));
        assertLooksLike(oldAddress, asLan, Map.of("lastName", "Cũ " + tag, "email", "ho-" + t + "@example.vn"));
    }

    /** A new lead with {@code fields} is refused 409 naming {@code id} among its look-alikes, and not made. */
    private void assertLooksLike(String id, Api api, Map<String, ?> fields) {
        Api.Reply r = api.post("/api/v1/leads", Api.json(fields));
        assertEquals(fields + " looks like " + id + ": " + r, 409, r.status);
        assertTrue(r.toString(), r.json().get("candidates").toString().contains(id));
    }

    @Test
    public void likelyDuplicatesAreFoundAmongWhatTheCallerSees() {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        String t = tag.toLowerCase();
        String one = create(asLan, "/api/v1/leads", Map.of("lastName", "Nguyễn " + tag, "firstName", "An", "company", "Sao Mai " + tag,
                "email", "an-" + t + "@example.vn"));
        String two = create(asLan, "/api/v1/leads?createAnyway=true", Map.of("lastName", "nguyen " + tag, "firstName", "an", "company", "SAO MAI " + tag,
                "phone", "+84 903 " + t.hashCode() % 1000));
        String three = create(asLan, "/api/v1/leads?createAnyway=true", Map.of("lastName", "Khác " + tag, "company", "Khác " + tag, "email", "AN-" + t + "@Example.vn",
                "mobile", "0903 " + t.hashCode() % 1000));
        create(asMinh, "/api/v1/leads", Map.of("lastName", "Của Minh " + tag, "email", "an-" + t + "@example.vn"));

        JsonNode found = expect(200, asLan.get("/api/v1/leads/duplicates")).json();
        Set<String> byEmail = null;
        Set<String> byName = null;
        for (JsonNode g : found.get("items")) {
            Set<String> ids = new java.util.HashSet<>();
            g.get("records").forEach(r -> ids.add(r.get("id").asText()));
            if (g.get("fields").toString().equals("[\"email\"]") && ids.contains(one)) {
                byEmail = ids;
            }
            if (g.get("fields").toString().equals("[\"lastName\",\"firstName\",\"company\"]") && ids.contains(one)) {
                byName = ids;
            }
        }
        assertEquals("the same address in any case, not minh's lead: " + found, Set.of(one, three), byEmail);
        assertEquals("the same name without case or marks: " + found, Set.of(one, two), byName);
        assertTrue(found.get("complete").asBoolean());
        int seenByAdmin = 0;
        for (JsonNode g : admin.get("/api/v1/leads/duplicates").json().get("items")) {
            if (g.get("value").asText().equalsIgnoreCase("an-" + t + "@example.vn")) {
                seenByAdmin = g.get("records").size();
            }
        }
        assertEquals("an administrator sees minh's too", 3, seenByAdmin);
    }

    @Test
    public void anExportHoldsWhatTheListShowsAsTheCallerReadsIt() throws Exception {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        create(asLan, "/api/v1/leads", Map.of("firstName", "Thảo", "lastName", "Nguyễn " + tag, "company", "Sao Mai " + tag,
                "annualRevenue", 1500000000));
        create(asLan, "/api/v1/leads", Map.of("lastName", "=HYPERLINK(\"http://evil\") " + tag, "company", "+Độc " + tag));
        create(asMinh, "/api/v1/leads", Map.of("lastName", "Lê " + tag, "company", "Đông Á " + tag));

        // CSV: UTF-8 with its BOM, Vietnamese labels, only what the caller's list holds, formulas neutralised
        java.net.http.HttpResponse<byte[]> csv = asLan.getBytes("/api/v1/leads/export?format=csv&lang=vi&sort=lastName&q=" + tag, null, null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse(""), csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("leads-"));
        byte[] bytes = csv.body();
        assertEquals("a byte order mark first", 0xEF, bytes[0] & 0xff);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.EXCEL.parse(new java.io.StringReader(
                new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1))).getRecords();
        assertEquals(rows.toString(), 3, rows.size()); // the header and lan's two leads, not minh's
        List<String> header = rows.get(0).toList();
        int lastName = header.indexOf("Họ");
        int status = header.indexOf("Trạng thái");
        int revenue = header.indexOf("Doanh thu năm");
        assertTrue(header.toString(), lastName >= 0 && status >= 0 && revenue >= 0);
        assertEquals("'=HYPERLINK(\"http://evil\") " + tag, rows.get(1).get(lastName));
        assertEquals("Nguyễn " + tag, rows.get(2).get(lastName));
        assertEquals("Mới", rows.get(2).get(status));
        assertEquals("as the API gives it", "1500000000", rows.get(2).get(revenue));

        // raw codes, chosen columns; a column that is no field is a 400
        String codes = new String(asLan.getBytes("/api/v1/leads/export?codes=true&columns=lastName,status&sort=lastName&q=" + tag, null, null)
                .body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("\ufefflastName,status\r\n\"'=HYPERLINK(\"\"http://evil\"\") " + tag + "\",NEW\r\nNguyễn " + tag + ",NEW\r\n", codes);
        expect(400, asLan.get("/api/v1/leads/export?columns=lastName,password"));
        expect(400, asLan.get("/api/v1/leads/export?format=pdf"));

        // XLSX: a workbook holding the same rows
        java.net.http.HttpResponse<byte[]> xlsx = asLan.getBytes("/api/v1/leads/export?format=xlsx&q=" + tag, "Accept-Language", "vi");
        assertEquals(200, xlsx.statusCode());
        StringBuilder sheet = new StringBuilder();
        // read as spreadsheet programs read it: from its central directory
        java.nio.file.Path file = java.nio.file.Files.createTempFile("export", ".xlsx");
        java.nio.file.Files.write(file, xlsx.body());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith("xl/")) {
                    sheet.append(new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        // the workbook's XML writes letters beyond ASCII as character references
        String text = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(sheet)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
        assertTrue(text, text.contains("Nguyễn " + tag) && text.contains("Trạng thái") && !text.contains("Lê " + tag));
    }

    @Test
    public void aSalespersonSeesOnlyTheirOwnRecordsEverywhere() {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        Api asMinh = admin.withCredentials(minh, PASSWORD);
        Api asLead = admin.withCredentials(lead, PASSWORD);

        String lanLead = create(asLan, "/api/v1/leads", Map.of("lastName", "Nguyễn " + tag, "company", "Sao Mai " + tag));
        String lanAccount = create(asLan, "/api/v1/accounts", Map.of("name", "Công ty Lan " + tag));
        String lanContact = create(asLan, "/api/v1/contacts", Map.of("lastName", "Trần " + tag, "accountId", lanAccount));
        String lanDeal = create(asLan, "/api/v1/potentials", Map.of("name", "Máy POS " + tag, "accountId", lanAccount,
                "closeDate", "2026-12-31", "amount", 1000000, "currency", "VND"));
        String lanQuote = create(asLan, "/api/v1/quotes", Map.of("subject", "Báo giá " + tag, "accountId", lanAccount,
                "lineItems", List.of(Map.of("name", "Dịch vụ", "quantity", 1, "unitPrice", 100000))));
        String minhLead = create(asMinh, "/api/v1/leads", Map.of("lastName", "Lê " + tag, "company", "Đông Á " + tag));
        String minhAccount = create(asMinh, "/api/v1/accounts", Map.of("name", "Công ty Minh " + tag));

        // by id, in every verb and action: as if it did not exist
        for (String path : List.of("/api/v1/leads/" + lanLead, "/api/v1/accounts/" + lanAccount, "/api/v1/contacts/" + lanContact,
                "/api/v1/potentials/" + lanDeal, "/api/v1/quotes/" + lanQuote, "/api/v1/leads/" + lanLead + "/history",
                "/api/v1/leads/" + lanLead + "/touches")) {
            expect(404, asMinh.get(path));
        }
        expect(404, asMinh.patch("/api/v1/leads/" + lanLead, "{\"title\":\"Giám đốc\"}", null));
        expect(404, asMinh.delete("/api/v1/accounts/" + lanAccount, null));
        expect(404, asMinh.post("/api/v1/leads/" + lanLead + "/convert", "{\"contact\":{\"create\":true}}"));
        expect(404, asMinh.post("/api/v1/potentials/" + lanDeal + "/reopen", null));
        expect(404, asMinh.post("/api/v1/quotes/" + lanQuote + "/sales-order", null));

        // lists, counts, search and related lists hold only their own
        assertEquals(Set.of(minhLead), ids(asMinh.get("/api/v1/leads?q=" + tag)));
        assertEquals(Set.of(lanLead), ids(asLan.get("/api/v1/leads?q=" + tag)));
        assertEquals(Set.of(minhAccount), ids(asMinh.get("/api/v1/accounts?q=" + tag)));
        assertEquals(Set.of(), ids(asMinh.get("/api/v1/contacts?accountId=" + lanAccount)));
        assertEquals(Set.of(lanContact), ids(asLan.get("/api/v1/contacts?accountId=" + lanAccount)));
        assertEquals(Set.of(), ids(asMinh.get("/api/v1/quotes?q=" + tag)));
        long minhCounted = 0;
        for (JsonNode c : asMinh.get("/api/v1/leads/counts?by=status&q=" + tag).json().get("items")) {
            minhCounted += c.get("count").asLong();
        }
        assertEquals(1, minhCounted);
        Set<String> found = new TreeSet<>();
        asMinh.get("/api/v1/search?q=" + tag).json().get("items").forEach(i -> found.add(i.get("id").asText()));
        assertEquals(new TreeSet<>(Set.of(minhLead, minhAccount)), found);
        String pipeline = "/api/v1/potentials/pipeline?currency=VND&from=2026-12-31&to=2026-12-31";
        assertEquals("minh's pipeline holds no deal of lan's", 0, asMinh.get(pipeline).json().path("total").path("count").asLong());
        assertEquals(1, asLan.get(pipeline).json().path("total").path("count").asLong());

        // a reference to a record one may not see cannot be made, and a reference one may not follow shows no label
        Api.Reply linked = asMinh.post("/api/v1/contacts", Api.json(Map.of("lastName", "Hồ " + tag, "accountId", lanAccount)));
        expect(422, linked);
        assertTrue(linked.text, linked.text.contains("accountId"));

        // the team's manager sees the team's records, not the others'
        expect(200, asLead.get("/api/v1/leads/" + lanLead));
        expect(404, asLead.get("/api/v1/leads/" + minhLead));
        assertEquals(Set.of(lanLead), ids(asLead.get("/api/v1/leads?q=" + tag)));
        // and an administrator sees all
        assertEquals(Set.of(lanLead, minhLead), ids(admin.get("/api/v1/leads?q=" + tag)));

        // handing a record to a colleague takes it out of one's scope, and the answer says so
        String given = create(admin, "/api/v1/leads", Map.of("lastName", "Phạm " + tag, "company", "Hoà Bình " + tag,
                "assignedTo", lan));
        expect(200, asLan.get("/api/v1/leads/" + given));
        Api.Reply handed = asLan.patch("/api/v1/leads/" + given, Api.json(Map.of("assignedTo", minh)), null);
        expect(200, handed);
        assertEquals("true", handed.header("Tessera-Out-Of-Scope"));
        expect(404, asLan.get("/api/v1/leads/" + given));
        expect(200, asMinh.get("/api/v1/leads/" + given));

        // assignedTo names an active user
        expect(422, asLan.post("/api/v1/leads", Api.json(Map.of("lastName", "X", "company", "Y", "assignedTo", "nobody-" + tag))));
    }

    @Test
    public void everyChangeOfARecordIsInItsHistory() {
        people();
        Api asLan = admin.withCredentials(lan, PASSWORD);
        String id = create(asLan, "/api/v1/leads", Map.of("lastName", "Vũ " + tag, "company", "Hải Phòng " + tag));
        expect(200, asLan.patch("/api/v1/leads/" + id, Api.json(Map.of("title", "Kế toán trưởng", "rating", "HOT")), null));
        Api.Reply assigned = admin.post("/api/v1/leads/assign", Api.json(Map.of("leadIds", List.of(id), "assignees", List.of(minh))));
        expect(200, assigned);
        expect(204, admin.delete("/api/v1/leads/" + id, null));
        expect(200, admin.post("/api/v1/leads/" + id + "/restore", null));
        String token = admin.post("/api/v1/tokens", Api.json(Map.of("name", "dong-bo-" + tag))).json().get("token").asText();
        expect(200, admin.withToken(token).patch("/api/v1/leads/" + id, Api.json(Map.of("title", "Giám đốc")), null));

        JsonNode history = admin.get("/api/v1/leads/" + id + "/history").json().get("items");
        List<String> actions = new ArrayList<>();
        history.forEach(h -> actions.add(h.get("action").asText()));
        assertEquals(List.of("UPDATED", "RESTORED", "DELETED", "ASSIGNED", "UPDATED", "CREATED"), actions);
        JsonNode viaToken = history.get(0);
        assertEquals("admin", viaToken.get("user").asText());
        assertEquals("token dong-bo-" + tag, viaToken.get("via").asText());
        assertEquals(change("title", "Kế toán trưởng", "Giám đốc"), first(viaToken, "title"));
        assertEquals(change("assignedTo", null, minh), first(history.get(3), "assignedTo"));
        JsonNode edit = history.get(4);
        assertEquals(lan, edit.get("user").asText());
        assertEquals("basic", edit.get("via").asText());
        assertEquals(change("rating", null, "HOT"), first(edit, "rating"));
        assertEquals(change("lastName", null, "Vũ " + tag), first(history.get(5), "lastName"));
        // each change names its field as the module labels it, in the caller's language
        JsonNode inVietnamese = admin.send("GET", "/api/v1/leads/" + id + "/history?limit=1", null, null, null,
                "Accept-Language", "vi").json().get("items").get(0).get("changes").get(0);
        assertEquals("title", inVietnamese.get("field").asText());
        assertEquals("Chức danh", inVietnamese.get("label").asText());
        assertEquals("Title", history.get(0).get("changes").get(0).get("label").asText());

        // paged, newest first
        JsonNode page = admin.get("/api/v1/leads/" + id + "/history?limit=2").json();
        assertEquals(2, page.get("items").size());
        JsonNode rest = admin.get("/api/v1/leads/" + id + "/history?limit=10&cursor=" + page.get("nextCursor").asText()).json();
        assertEquals(4, rest.get("items").size());
        assertEquals("DELETED", rest.get("items").get(0).get("action").asText());

        // the audit trail, for administrators only, filtered by user, module and action
        JsonNode byLan = admin.get("/api/v1/audit?user=" + lan + "&module=leads").json().get("items");
        assertEquals(2, byLan.size());
        JsonNode signIns = admin.get("/api/v1/audit?user=" + lan + "&action=SIGNED_IN").json().get("items");
        assertTrue(signIns.toString(), signIns.size() >= 1);
        assertEquals("security", signIns.get(0).get("collection").asText());
        JsonNode tokens = admin.get("/api/v1/audit?action=TOKEN_CREATED&user=admin").json().get("items");
        assertTrue(tokens.toString(), tokens.toString().contains("dong-bo-" + tag));
        expect(403, asLan.get("/api/v1/audit"));
        expect(400, admin.get("/api/v1/audit?from=yesterday"));
    }

    @Test
    public void usersTeamsAndRolesAreManagedOverTheApi() {
        people();
        String hoa = "hoa-" + tag.toLowerCase();
        expect(409, admin.post("/api/v1/users", Api.json(Map.of("name", lan, "password", PASSWORD, "roles", List.of("sales")))));
        expect(422, admin.post("/api/v1/users", Api.json(Map.of("name", hoa, "password", "ngan", "roles", List.of("sales")))));
        expect(422, admin.post("/api/v1/users", Api.json(Map.of("name", hoa, "password", PASSWORD, "roles", List.of("no-such-role")))));
        expect(422, admin.post("/api/v1/users", Api.json(Map.of("name", "có dấu", "password", PASSWORD, "roles", List.of("sales")))));
        expect(400, admin.post("/api/v1/users", "{\"name\":\"" + hoa + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[],\"shoeSize\":42}"));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", hoa, "password", PASSWORD, "roles", List.of("sales"),
                "displayName", "Nguyễn Thị Hoa", "email", hoa + "@sao-mai.vn", "teams", List.of("north-" + tag)));
        JsonNode created = expect(201, admin.post("/api/v1/users", Api.json(body))).json();
        assertFalse("no password in the answer", created.has("password"));
        Api asHoa = admin.withCredentials(hoa, PASSWORD);
        expect(200, asHoa.get("/api/v1/leads?limit=1"));
        expect(403, asHoa.post("/api/v1/users", Api.json(Map.of("name", "x" + hoa, "password", PASSWORD, "roles", List.of("admin")))));
        expect(403, asHoa.patch("/api/v1/users/" + hoa, "{\"roles\":[\"admin\"]}", null));
        expect(403, asHoa.get("/api/v1/users?inactive=true"));

        // pickers: every signed-in user reads the active users' names, not their roles
        JsonNode picker = asHoa.get("/api/v1/users").json().get("items");
        JsonNode me = null;
        for (JsonNode u : picker) {
            me = u.get("name").asText().equals(hoa) ? u : me;
        }
        assertEquals("Nguyễn Thị Hoa", me.get("displayName").asText());
        assertEquals("north-" + tag, me.get("teams").get(0).asText());
        assertFalse(me.has("roles"));
        assertTrue(admin.get("/api/v1/teams/north-" + tag).json().get("members").toString().contains(hoa));

        // a new password works at once, the old one no more
        expect(200, admin.patch("/api/v1/users/" + hoa, Api.json(Map.of("password", "Mat-khau-moi-2")), null));
        expect(401, asHoa.get("/api/v1/leads?limit=1"));
        expect(200, admin.withCredentials(hoa, "Mat-khau-moi-2").get("/api/v1/leads?limit=1"));

        // deactivated: cannot sign in, cannot be assigned, keeps their records
        String kept = create(admin.withCredentials(hoa, "Mat-khau-moi-2"), "/api/v1/leads",
                Map.of("lastName", "Đỗ " + tag, "company", "Giữ lại " + tag));
        expect(200, admin.patch("/api/v1/users/" + hoa, "{\"active\":false}", null));
        expect(401, admin.withCredentials(hoa, "Mat-khau-moi-2").get("/api/v1/leads?limit=1"));
        expect(422, admin.post("/api/v1/leads", Api.json(Map.of("lastName", "Z", "company", "Z", "assignedTo", hoa))));
        assertEquals(hoa, admin.get("/api/v1/leads/" + kept).json().get("createdBy").asText());
        assertFalse(asHoa.withCredentials(lan, PASSWORD).get("/api/v1/users").text.contains("\"" + hoa + "\""));
        assertTrue(admin.get("/api/v1/users?inactive=true").text.contains("\"" + hoa + "\""));
        expect(422, admin.patch("/api/v1/users/admin", "{\"active\":false}", null));

        // roles: the built-in ones are there; a role in use cannot be removed
        Set<String> roles = new TreeSet<>();
        admin.get("/api/v1/roles").json().get("items").forEach(r -> roles.add(r.get("name").asText()));
        assertTrue(roles.toString(), roles.containsAll(Set.of("admin", "manager", "viewer", "sales")));
        expect(409, admin.delete("/api/v1/roles/lead-" + tag.toLowerCase(), null));
        expect(422, admin.post("/api/v1/roles", Api.json(Map.of("name", "bad-" + tag.toLowerCase(),
                "grants", List.of(Map.of("module", "leads", "access", "write", "scope", "galaxy"))))));
        JsonNode audit = admin.get("/api/v1/audit?module=security&action=USER_CHANGED").json().get("items");
        assertTrue(audit.toString(), audit.toString().contains("deactivated"));
    }

    // ---- helpers ----

    private void createUser(String name, List<String> roles) {
        expect(201, admin.post("/api/v1/users", Api.json(Map.of("name", name, "password", PASSWORD, "roles", roles,
                "email", name + "@tessera.example"))));
    }

    protected static String create(Api api, String path, Map<String, ?> body) {
        Api.Reply r = api.post(path, Api.json(body));
        expect(201, r);
        return r.json().get("id").asText();
    }

    protected static Api.Reply expect(int status, Api.Reply reply) {
        assertEquals(reply.toString(), status, reply.status);
        return reply;
    }

    private static Set<String> ids(Api.Reply reply) {
        expect(200, reply);
        Set<String> ids = new TreeSet<>();
        reply.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static String change(String field, String from, String to) {
        return field + ": " + from + " -> " + to;
    }

    private static String first(JsonNode entry, String field) {
        for (JsonNode c : entry.get("changes")) {
            if (c.get("field").asText().equals(field)) {
                return field + ": " + (c.get("from").isNull() ? null : c.get("from").asText()) + " -> "
                        + (c.get("to").isNull() ? null : c.get("to").asText());
            }
        }
        return "no change of " + field + " in " + entry;
    }
}
