package org.tesseracrm.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Measures a freshly built Tessera distribution against this machine's own baselines, taken in the
 * same run: a bare JDK HTTP server answering the same JSON, and raw JDBC inserts into the same
 * database. Prints a table and writes it as Markdown and JSON. See README § Performance.
 */
public final class Benchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONCURRENCY = 8;
    private static final int DEEP_PAGE = 1000;
    /** One of the 20 salespeople the seeded leads are assigned to. */
    private static final String SCOPED_USER = "sales3";
    private static final String[] QUERIES = {"nguyen van an", "tran thi mai", "hoang minh", "sao mai", "le quoc",
        "vo thanh tam", "hai phong", "pham", "dang ngoc linh", "bui gia"};

    private static final Pattern TEXT_INDEX_LOADED =
            Pattern.compile("Text index of leads loaded: \\d+ records in (\\d+) ms");

    private final Path work;
    /** Starts of the server so far, each loading the search index once. */
    private int starts;
    private final String database;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private Server server;
    /** The GET load tool, or null for the JVM client. */
    private Wrk wrk;
    private String jdbcUrl;
    private String jdbcUser;

    /**
     * Before each throughput figure (bench.warmupSeconds, default 20): on 2 cores the JIT needs about
     * 15 s of load to compile the server's request path (GET by id doubles between the first 10 s
     * and the next 20). The smoke run in the test suite shortens it and each step (bench.stepSeconds).
     */
    private final Duration warmUp;
    private final Duration shortWarmUp;
    private final Duration step;

    private Benchmark(Path work, String database, Duration warmUp, Duration step) {
        this.work = work;
        this.database = database;
        this.warmUp = warmUp;
        this.shortWarmUp = warmUp.compareTo(Duration.ofSeconds(3)) < 0 ? warmUp : Duration.ofSeconds(3);
        this.step = step;
    }

    public static void main(String[] args) throws Exception {
        // Without it the JDK's HTTP server waits on delayed ACKs (~40 ms a request): no fair baseline.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path distribution = Path.of(System.getProperty("bench.distribution"));
        Path work = Path.of(System.getProperty("bench.dir", "target/benchmark"));
        String database = System.getProperty("bench.db", "h2");
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("bench.sizes", "100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        Duration warmUp = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 20));
        Duration step = Duration.ofSeconds(Long.getLong("bench.stepSeconds", 20));
        Benchmark benchmark = new Benchmark(work, database, warmUp, step);
        try {
            benchmark.run(distribution, sizes);
        } finally {
            benchmark.stopServerIfRunning();
        }
    }

    private void run(Path distribution, List<Integer> sizes) throws Exception {
        server = Server.unpack(distribution, work.resolve("tessera"), freePort());
        if (database.equals("postgresql")) {
            String db = "tessera_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + db);
            }
            jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + db;
            jdbcUser = "postgres";
            server.configurePostgres(jdbcUrl);
        } else {
            // -Dbench.h2.writeDelay=default measures what durability costs: H2's own 500 ms write delay,
            // which loses acknowledged commits on kill -9 (the shipped configuration writes each commit).
            boolean delayed = "default".equals(System.getProperty("bench.h2.writeDelay"));
            // DB_CLOSE_DELAY=0: the server keeps its database open while it runs (-1), a setting H2 stores in the
            // file; this JVM's baselines and seeding must close it again when done, or the server cannot open it
            jdbcUrl = "jdbc:h2:" + server.home.toAbsolutePath().resolve("data/tessera/db") + ";LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=0"
                    + (delayed ? "" : ";WRITE_DELAY=0");
            jdbcUser = "sa";
            if (delayed) {
                server.configureDatabase(Map.of("url", "jdbc:h2:${karaf.data}/tessera/db;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1"));
                results.put("h2WriteDelay", "H2 default (500 ms): not durable");
            }
        }
        if (database.equals("postgresql")) {
            recordAutovacuum();
        }
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "database", database,
                "java", System.getProperty("java.version"), "at", Instant.now().toString()));
        results.put("seeding", "list and search data are written straight through JDBC with the server stopped");

        long coldStart = server.start();
        starts++;
        settle();
        long idleRss = server.rssMiB();
        record("cold start, first boot (features installed)", coldStart + " ms", "< 4000 ms", coldStart < 4000);
        results.put("coldStartFirstBootMs", coldStart);

        measureGetById();
        measureCreate();
        measureUpdate();
        measureImport();
        addScopedUser();
        addCustomFields();
        long loadedRss = server.rssMiB();
        record("resident memory, idle after start", idleRss + " MiB", "< 300 MiB", idleRss < 300);
        record("resident memory, after the load", loadedRss + " MiB", "< 400 MiB", loadedRss < 400);
        results.put("rssIdleMiB", idleRss);
        results.put("rssAfterLoadMiB", loadedRss);
        server.stop();
        measureJdbcInsertBaseline();
        measureJdbcNumberedInsertBaseline();
        measureJdbcUpdateBaseline();
        measureJdbcBatchBaseline();

        int seeded = 0;
        clearLeads();
        for (int size : sizes) {
            seed(seeded, size);
            seeded = size;
            long restart = server.start();
            record("start with " + size + " leads (restart)", restart + " ms", "< 4000 ms", restart < 4000);
            results.put("restartMs@" + size, restart);
            // The first list (the start's probe) loads the search index in the background: measured
            // apart, and waited for, so the list figures are the steady state.
            starts++;
            if (database.equals("postgresql")) {
                // no index in the node: q is answered by PostgreSQL's trigram index, which every node shares
                results.put("textIndex", "PostgreSQL pg_trgm index (no in-memory index)");
            } else {
                long indexMs = Long.parseLong(server.awaitLog(TEXT_INDEX_LOADED, starts, Duration.ofMinutes(5)));
                record("search index of " + size + " leads loaded (background)", indexMs + " ms", "", null);
                results.put("textIndexLoadMs@" + size, indexMs);
            }
            settle();
            measureLists(size, null);
            measureLists(size, SCOPED_USER);
            measureCustomFieldList(size);
            if (size == sizes.get(sizes.size() - 1)) {
                measureSearch(size, null);
                measureSearch(size, SCOPED_USER);
            }
            server.stop();
        }
        measureStartFloors(distribution);
        write();
    }

    /**
     * The start of the fixed stack without Tessera (and of the platform without its modules), from the
     * same distribution: the floor the start goal is measured against. bench.floors picks the layers
     * (karaf, stack, platform; "none" skips them).
     */
    private void measureStartFloors(Path distribution) throws Exception {
        List<String> keys = List.of(System.getProperty("bench.floors", "karaf,stack,platform").split(","));
        Map<String, long[]> figures = StartFloors.measure(distribution, work, keys);
        for (StartFloors.Layer layer : StartFloors.LAYERS) {
            long[] ms = figures.get(layer.key);
            if (ms != null) {
                record("start floor: " + layer.what, String.format("first boot %d ms, restart %d ms; idle %d MiB resident", ms[0], ms[1], ms[2]),
                        "", null);
                results.put("startFloor." + layer.key, Map.of("firstBootMs", ms[0], "restartMs", ms[1], "rssIdleMiB", ms[2]));
            }
        }
    }

    /**
     * Whether the PostgreSQL server analyzes tables on its own: with autovacuum off (as on some test
     * machines) the planner keeps the statistics of a table's first rows while the benchmark fills it,
     * and a search or a create's duplicate lookup can be planned as for an empty table. Said in the table.
     */
    private void recordAutovacuum() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
                Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW autovacuum")) {
            r.next();
            String autovacuum = r.getString(1);
            results.put("postgresqlAutovacuum", autovacuum);
            record("PostgreSQL autovacuum", autovacuum + ("off".equals(autovacuum)
                    ? " (statistics as of the last ANALYZE: plans of a growing table may be stale)" : ""), "", null);
        }
    }

    private void stopServerIfRunning() throws Exception {
        if (server != null && server.process().isPresent()) {
            server.stop();
        }
    }

    private void measureGetById() throws Exception {
        JsonNode lead = JSON.readTree(send(request("/api/v1/leads").POST(HttpRequest.BodyPublishers.ofString(
                "{\"firstName\":\"Văn An\",\"lastName\":\"Nguyễn\",\"company\":\"Công ty Ánh Dương\",\"email\":\"an@example.vn\"}"))
                .header("Content-Type", "application/json").build(), 201));
        String path = "/api/v1/leads/" + lead.get("id").asText();
        byte[] body = send(request(path).GET().build(), 200).getBytes(StandardCharsets.UTF_8);

        chooseGetDriver();
        Load.Result api = get("GET lead by id", URI.create(server.base() + path), Map.of("Authorization", server.authorization()), 300_000);
        HttpServer bare = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        bare.setExecutor(pool);
        bare.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("ETag", "\"1\"");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        bare.start();
        URI bareUri = URI.create("http://127.0.0.1:" + bare.getAddress().getPort() + path);
        Load.Result baseline;
        try {
            baseline = get("bare JDK server, same JSON", bareUri, Map.of(), 300_000);
        } finally {
            bare.stop(0);
            pool.shutdownNow();
        }
        double ratio = api.perSecond() / baseline.perSecond();
        record("GET lead by id, c=8", String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms", api.perSecond(), api.p50(), api.p99()),
                "", null);
        record("bare JDK HTTP server, same body, c=8", String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms",
                baseline.perSecond(), baseline.p50(), baseline.p99()), "", null);
        record("GET by id / bare server", String.format("%.1f %%", ratio * 100), ">= 30 %", ratio >= 0.30);
        results.put("getById", api.json());
        results.put("getByIdBareServer", baseline.json());
        results.put("getByIdRatio", Load.round(ratio));
        measureNginx(api, path, body);
    }

    /** GETs, creates and updates are driven by wrk when it can be had, else by the JVM client (HdrHistogram); the table says which. */
    private void chooseGetDriver() throws Exception {
        try {
            wrk = Wrk.find(work.resolve("wrk"));
            record("load tool for GETs, creates, updates", "wrk " + wrk.version + ", 2 threads, " + CONCURRENCY + " connections", "", null);
        } catch (DebianPackage.Unavailable e) {
            wrk = null;
            String why = e.getMessage().replaceAll("\\s+", " ").replace('|', '/');
            why = why.length() > 160 ? why.substring(0, 160) + "…" : why;
            record("load tool for GETs, creates, updates", "JVM client, HdrHistogram, " + CONCURRENCY + " threads (no wrk: " + why + ")", "", null);
        }
        results.put("getLoadTool", wrk == null ? "jvm-hdrhistogram" : "wrk " + wrk.version);
    }

    /** Throughput of GET {@code uri} at c=8 after the warm-up, answered 2xx. */
    private Load.Result get(String name, URI uri, Map<String, String> headers, int max) throws Exception {
        if (wrk != null) {
            return wrk.run(name, uri, headers, CONCURRENCY, warmUp, step);
        }
        return Load.run(name, CONCURRENCY, warmUp, max, step, Load.http(client, n -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
            headers.forEach(request::header);
            return request.build();
        }, 200));
    }

    /**
     * The machine's real HTTP limit: nginx serving the same body as a static file, driven by the same
     * load tool at the same concurrency; skipped, with the reason in the table, when nginx cannot be had.
     */
    private void measureNginx(Load.Result api, String path, byte[] body) throws Exception {
        NginxBaseline nginx;
        try {
            nginx = NginxBaseline.start(work.resolve("nginx"), path, body, freePort(), Runtime.getRuntime().availableProcessors());
        } catch (DebianPackage.Unavailable e) {
            String why = e.getMessage().replaceAll("\\s+", " ").replace('|', '/');
            why = why.length() > 200 ? why.substring(0, 200) + "…" : why;
            record("nginx, same body as a static file", "skipped: " + why, "", null);
            results.put("getByIdNginx", "skipped: " + why);
            return;
        }
        Load.Result limit;
        URI uri = URI.create("http://127.0.0.1:" + nginx.port + path);
        try {
            limit = get("nginx, same body as a static file", uri, Map.of(), 1_000_000);
        } finally {
            nginx.close();
        }
        double ratio = api.perSecond() / limit.perSecond();
        record("nginx, same body as a static file, c=8", String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms",
                limit.perSecond(), limit.p50(), limit.p99()), "", null);
        record("GET by id / nginx", String.format("%.1f %%", ratio * 100), ">= 25 %", ratio >= 0.25);
        results.put("getByIdNginx", limit.json());
        results.put("getByIdNginxRatio", Load.round(ratio));
    }

    private void measureCreate() throws Exception {
        // every lead a different person: one that looks like an earlier one would be refused (409)
        Load.Result api;
        if (wrk != null) {
            Path script = wrkScript("create-lead.lua", CREATE_LEAD_LUA);
            api = wrk.run("POST create lead", URI.create(server.base() + "/api/v1/leads"),
                    Map.of("Authorization", server.authorization(), "Content-Type", "application/json"), script, CONCURRENCY, warmUp, step);
        } else {
            java.util.concurrent.atomic.AtomicLong person = new java.util.concurrent.atomic.AtomicLong();
            api = Load.run("POST create lead", CONCURRENCY, warmUp, 20_000, step,
                    Load.http(client, n -> {
                        long p = person.incrementAndGet();
                        return request("/api/v1/leads").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Thị Mai\",\"lastName\":\"Trần " + p + "\","
                                        + "\"company\":\"Sao Mai\",\"email\":\"mai" + p + "@example.vn\"}")).build();
                    }, 201));
        }
        results.put("create", api.json());
        record("POST create lead, c=8" + (wrk == null ? "" : " (wrk)"), String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms",
                api.perSecond(), api.p50(), api.p99()), "", null);
    }

    /** A wrk script written under the benchmark's folder. */
    private Path wrkScript(String name, String text) throws IOException {
        Path script = work.resolve("wrk").resolve(name);
        Files.createDirectories(script.getParent());
        return Files.writeString(script, text);
    }

    /**
     * wrk's script for updates, one connection per thread: the connection's first request creates its
     * lead, each further one changes its title with the ETag the last answer gave (as the JVM client does).
     */
    private static final String UPDATE_LEAD_LUA = String.join("\n",
            "local threads = 0",
            "function setup(thread) threads = threads + 1; thread:set('id', threads) end",
            "function init(args) run = args[1] or '0'; n = 0 end",
            "function request()",
            "  n = n + 1",
            "  if lead == nil then",
            "    local p = run .. '-' .. id",
            "    return wrk.format('POST', nil, nil, '{\"firstName\":\"Văn\",\"lastName\":\"Cập Nhật ' .. p"
                    + " .. '\",\"company\":\"Công ty Cập Nhật ' .. p .. '\",\"email\":\"capnhat' .. p .. '@example.vn\"}')",
            "  end",
            "  local headers = {}",
            "  for k, v in pairs(wrk.headers) do headers[k] = v end",
            "  headers['If-Match'] = etag",
            "  return wrk.format('PATCH', wrk.path .. '/' .. lead, headers, '{\"title\":\"Giám đốc ' .. n .. '\"}')",
            "end",
            "function response(status, headers, body)",
            "  if lead == nil then lead = body:match('\"id\":\"([^\"]+)\"') end",
            "  etag = headers['ETag']",
            "end", "");

    /**
     * wrk's script for creates: the same lead as the JVM client sends, each one another person (run,
     * thread and request number in the name and e-mail), so none is refused as a duplicate.
     */
    private static final String CREATE_LEAD_LUA = String.join("\n",
            "local threads = 0",
            "function setup(thread) threads = threads + 1; thread:set('id', threads) end",
            "function init(args) run = args[1] or '0'; n = 0 end",
            "function request()",
            "  n = n + 1",
            "  local p = run .. '-' .. id .. '-' .. n",
            "  return wrk.format('POST', nil, nil, '{\"firstName\":\"Thị Mai\",\"lastName\":\"Trần ' .. p"
                    + " .. '\",\"company\":\"Sao Mai\",\"email\":\"mai' .. p .. '@example.vn\"}')",
            "end", "");

    /**
     * {@code PATCH} of a lead with {@code If-Match}, c=8: each worker changes its own lead again and
     * again with the ETag the previous change answered (so none is refused for a colleague's change).
     */
    private void measureUpdate() throws Exception {
        if (wrk != null) {
            Path script = wrkScript("update-lead.lua", UPDATE_LEAD_LUA);
            Load.Result api = wrk.runPerConnection("PATCH lead with If-Match", URI.create(server.base() + "/api/v1/leads"),
                    Map.of("Authorization", server.authorization(), "Content-Type", "application/json"), script, CONCURRENCY, warmUp, step);
            results.put("update", api.json());
            record("PATCH lead with If-Match, c=8 (wrk)", String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms",
                    api.perSecond(), api.p50(), api.p99()), "", null);
            return;
        }
        ThreadLocal<String[]> own = new ThreadLocal<>(); // id, ETag
        java.util.concurrent.atomic.AtomicLong person = new java.util.concurrent.atomic.AtomicLong();
        Load.Result api = Load.run("PATCH lead with If-Match", CONCURRENCY, warmUp, 20_000, step, n -> {
            String[] lead = own.get();
            if (lead == null) {
                long p = person.incrementAndGet();
                HttpResponse<String> made = client.send(request("/api/v1/leads").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Văn\",\"lastName\":\"Cập Nhật " + p + "\","
                                + "\"company\":\"Công ty Cập Nhật " + p + "\",\"email\":\"capnhat" + p + "@example.vn\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (made.statusCode() != 201) {
                    throw new IllegalStateException(made.statusCode() + " " + made.body());
                }
                lead = new String[] { JSON.readTree(made.body()).get("id").asText(), made.headers().firstValue("ETag").orElseThrow() };
                own.set(lead);
            }
            HttpResponse<String> changed = client.send(request("/api/v1/leads/" + lead[0]).header("Content-Type", "application/json")
                    .header("If-Match", lead[1]).method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"Giám đốc " + n + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (changed.statusCode() != 200) {
                throw new IllegalStateException(changed.statusCode() + " " + changed.body());
            }
            lead[1] = changed.headers().firstValue("ETag").orElseThrow();
        });
        results.put("update", api.json());
        record("PATCH lead with If-Match, c=8", String.format("%.0f req/s, p99 %.2f ms", api.perSecond(), api.p99()), "", null);
    }

    /** Rows of the import figure (bench.importRows): a 15-column leads file, as people fill one in. */
    private static int importRows() {
        return Integer.getInteger("bench.importRows", 20_000);
    }

    private static final String IMPORT_HEADER = "Họ;Tên;Công ty;Chức danh;Email;Email phụ;Điện thoại;Di động;Trang web;Ngành;"
            + "Doanh thu năm;Số nhân viên;Trạng thái;Nguồn;Mô tả";

    private static String importRow(String prefix, int i) {
        return "Trần " + i + ";Thị Mai;Công ty Sao Mai " + (i % 5000) + ";Giám đốc;" + prefix + i + "@example.vn;;0903" + String.format("%06d", i)
                + ";;saomai.vn;;1.500.000;25;Mới;Trang web;Khách từ hội chợ";
    }

    /**
     * {@code POST /api/v1/imports} of a file of importRows() leads, run to the end: rows a second, as the job reports them.
     * A first import of a quarter of the rows warms the import's code up (as the other figures' warm-up does) and is not counted.
     */
    private void measureImport() throws Exception {
        runImport("warm", Math.max(1, importRows() / 4));
        JsonNode job = runImport("imp", importRows());
        double seconds = Duration.between(Instant.parse(job.get("startedAt").asText()), Instant.parse(job.get("finishedAt").asText()))
                .toMillis() / 1000.0;
        double perSecond = job.get("created").asInt() / Math.max(0.001, seconds);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("rows", importRows());
        figure.put("created", job.get("created").asInt());
        figure.put("failed", job.get("failed").asInt());
        figure.put("seconds", Load.round(seconds));
        figure.put("perSecond", Load.round(perSecond));
        results.put("import", figure);
        record("import of " + importRows() + " leads (15 columns, CSV)", String.format("%.0f rows/s", perSecond), ">= 20000 rows/s",
                perSecond >= 20_000);
    }

    /** An import of {@code rows} leads whose e-mails begin with {@code prefix}, waited for: the job as it ended. */
    private JsonNode runImport(String prefix, int rows) throws Exception {
        StringBuilder file = new StringBuilder("\ufeff").append(IMPORT_HEADER).append("\r\n");
        for (int i = 0; i < rows; i++) {
            file.append(importRow(prefix, i)).append("\r\n");
        }
        Multipart upload = new Multipart(Map.of("collection", "leads"), "file", prefix + ".csv", "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8));
        String started = send(request("/api/v1/imports").header("Content-Type", upload.contentType()).POST(upload.publisher()).build(), 202);
        String id = JSON.readTree(started).get("id").asText();
        JsonNode job = JSON.readTree(started);
        while (!List.of("DONE", "FAILED", "CANCELLED").contains(job.get("state").asText())) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            job = JSON.readTree(send(request("/api/v1/imports/" + id).GET().build(), 200));
        }
        return job;
    }

    /** Raw JDBC: the import's rows into the same table, batched, one commit each 1,000 rows, one connection. */
    private void measureJdbcBatchBaseline() throws Exception {
        int rows = importRows();
        long begin = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO leads_lead (id, number, version, createdAt, createdBy, updatedAt,"
                    + " updatedBy, searchText, firstName, lastName, company, title, email, phone, website, annualRevenue, employees, status,"
                    + " source, description) VALUES (?, ?, 1, ?, 'admin', ?, 'admin', ?, 'Thị Mai', ?, ?, 'Giám đốc', ?, ?, 'saomai.vn',"
                    + " 1500000, 25, 'NEW', 'WEBSITE', 'Khách từ hội chợ')")) {
                for (int i = 0; i < rows; i++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "BAT-" + i);
                    insert.setTimestamp(3, now);
                    insert.setTimestamp(4, now);
                    insert.setString(5, "bat-" + i + " tran thi mai cong ty sao mai imp" + i + "@example.vn");
                    insert.setString(6, "Trần " + i);
                    insert.setString(7, "Công ty Sao Mai " + (i % 5000));
                    insert.setString(8, "bat" + i + "@example.vn");
                    insert.setString(9, "0903" + String.format("%06d", i));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
        double perSecond = rows / ((System.nanoTime() - begin) / 1e9);
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, ""); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM leads_lead WHERE number LIKE 'BAT-%'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> imported = (Map<String, Object>) results.get("import");
        double ratio = ((Number) imported.get("perSecond")).doubleValue() / perSecond;
        record("raw JDBC batch insert of the same rows", String.format("%.0f rows/s", perSecond), "", null);
        record("import / raw JDBC batch", String.format("%.1f %%", ratio * 100), "", null);
        results.put("jdbcBatchInsertPerSecond", Load.round(perSecond));
        results.put("importRatio", Load.round(ratio));
    }

    /** Raw JDBC: the same row into the same table of the same database, insert + commit, same concurrency. */
    private void measureJdbcInsertBaseline() throws Exception {
        java.util.concurrent.atomic.AtomicLong numbers = new java.util.concurrent.atomic.AtomicLong();
        Load.Result jdbc;
        try (WorkerConnections connections = new WorkerConnections()) {
            jdbc = Load.run("JDBC insert + commit", CONCURRENCY, shortWarmUp, 20_000, step,
                    n -> insertLead(connections.own(), numbers.incrementAndGet()));
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, ""); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM leads_lead WHERE number LIKE 'BEN-%'");
        }
        recordAgainstJdbc("create", "insert", jdbc);
    }

    /**
     * Raw JDBC with the guarantee a create gives: the same row numbered from a gap-free counter in the
     * same transaction ({@code UPDATE … RETURNING}, then the insert, then commit). The counter's row
     * is held from the number to the commit, so concurrent inserts cannot share a flush of the log as
     * plain inserts do: this is the most any gap-free numbering allows on this disk.
     */
    private void measureJdbcNumberedInsertBaseline() throws Exception {
        String take = database.equals("postgresql")
                ? "UPDATE tessera_number_sequence SET last_value = last_value + 1 WHERE prefix = 'BEN' RETURNING last_value"
                : "SELECT last_value FROM FINAL TABLE (UPDATE tessera_number_sequence SET last_value = last_value + 1 WHERE prefix = 'BEN')";
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO tessera_number_sequence (prefix, last_value) VALUES ('BEN', 0)");
        }
        Load.Result jdbc;
        try (WorkerConnections connections = new WorkerConnections()) {
            jdbc = Load.run("JDBC numbered insert + commit", CONCURRENCY, shortWarmUp, 20_000, step, n -> {
                Connection c = connections.own();
                c.setAutoCommit(false);
                try (PreparedStatement counter = c.prepareStatement(take); ResultSet r = counter.executeQuery()) {
                    r.next();
                    insertLead(c, r.getLong(1));
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            });
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, ""); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM leads_lead WHERE number LIKE 'BEN-%'");
            s.executeUpdate("DELETE FROM tessera_number_sequence WHERE prefix = 'BEN'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> api = (Map<String, Object>) results.get("create");
        double ratio = ((Number) api.get("perSecond")).doubleValue() / jdbc.perSecond();
        record("raw JDBC insert numbered by a gap-free counter + commit, c=8", String.format("%.0f rows/s, p99 %.2f ms",
                jdbc.perSecond(), jdbc.p99()), "", null);
        record("create / raw JDBC numbered insert", String.format("%.1f %%", ratio * 100), ">= 50 %", ratio >= 0.50);
        results.put("jdbcNumberedInsert", jdbc.json());
        results.put("createNumberedRatio", Load.round(ratio));
    }

    /** The lead the API's creates make, as a row numbered BEN-{@code number}. */
    private static void insertLead(Connection c, long number) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO leads_lead (id, number, version, createdAt,"
                + " createdBy, updatedAt, updatedBy, searchText, firstName, lastName, company, email, status)"
                + " VALUES (?, ?, 1, ?, 'admin', ?, 'admin', ?, 'Thị Mai', 'Trần', 'Sao Mai', ?, 'NEW')")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "BEN-" + number);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.setString(5, "ben-" + number + " thi mai tran sao mai mai" + number + "@example.vn");
            insert.setString(6, "mai" + number + "@example.vn");
            insert.executeUpdate();
        }
    }

    /** Raw JDBC: the same change of one row (its title and version) + commit, c=8, each worker its own row. */
    private void measureJdbcUpdateBaseline() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, ""); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id FROM leads_lead ORDER BY id")) {
            while (r.next() && ids.size() < CONCURRENCY) {
                ids.add(r.getString(1));
            }
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<String> rows = ThreadLocal.withInitial(() -> ids.get(next.getAndIncrement() % ids.size()));
        Load.Result jdbc;
        try (WorkerConnections connections = new WorkerConnections()) {
            jdbc = Load.run("JDBC update + commit", CONCURRENCY, shortWarmUp, 20_000, step, n -> {
                try (PreparedStatement update = connections.own().prepareStatement("UPDATE leads_lead SET title = ?, version = version + 1, updatedAt = ?,"
                        + " updatedBy = 'admin' WHERE id = ?")) {
                    update.setString(1, "Giám đốc " + n);
                    update.setTimestamp(2, Timestamp.from(Instant.now()));
                    update.setString(3, rows.get());
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("the lead to change is gone");
                    }
                }
            });
        }
        recordAgainstJdbc("update", "update", jdbc);
    }

    /** The API's {@code measure} (create, update) next to raw JDBC doing the same {@code statement}: goal 50 %. */
    private void recordAgainstJdbc(String measure, String statement, Load.Result jdbc) {
        @SuppressWarnings("unchecked")
        Map<String, Object> api = (Map<String, Object>) results.get(measure);
        double ratio = ((Number) api.get("perSecond")).doubleValue() / jdbc.perSecond();
        record("raw JDBC " + statement + " + commit, c=8", String.format("%.0f rows/s, p99 %.2f ms", jdbc.perSecond(), jdbc.p99()), "", null);
        record(measure + " / raw JDBC", String.format("%.1f %%", ratio * 100), ">= 50 %", ratio >= 0.50);
        results.put("jdbc" + Character.toUpperCase(statement.charAt(0)) + statement.substring(1), jdbc.json());
        results.put(measure + "Ratio", Load.round(ratio));
    }

    /** Each load worker its own auto-commit connection, as each HTTP worker has its own; all closed at the end. */
    private final class WorkerConnections implements AutoCloseable {
        private final ThreadLocal<Connection> byWorker = new ThreadLocal<>();
        private final List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

        Connection own() throws SQLException {
            Connection c = byWorker.get();
            if (c == null) {
                c = DriverManager.getConnection(jdbcUrl, jdbcUser, "");
                c.setAutoCommit(true);
                byWorker.set(c);
                opened.add(c);
            }
            return c;
        }

        @Override
        public void close() throws SQLException {
            for (Connection c : opened) {
                c.close();
            }
        }
    }

    private void clearLeads() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, ""); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM leads_touch");
            s.executeUpdate("DELETE FROM leads_lead");
        }
    }

    private void seed(int from, int to) throws Exception {
        long begin = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
            Seeder.leads(c, from, to, true);
            if (database.equals("postgresql")) {
                try (Statement s = c.createStatement()) {
                    c.setAutoCommit(true);
                    s.execute("ANALYZE leads_lead");
                }
            }
        }
        results.put("seedSeconds@" + to, Load.round((System.nanoTime() - begin) / 1e9));
    }

    /**
     * A salesperson whose role sees their own leads only (scope {@code own}): the seeded leads are
     * spread over 20 salespeople, so one of them owns 5 % of the table.
     */
    private void addScopedUser() throws Exception {
        send(request("/api/v1/users").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"" + SCOPED_USER + "\",\"password\":\"" + Server.PASSWORD + "\",\"roles\":[\"sales\"]}")).build(), 201);
    }

    /** An administrator's picklist and date on leads, as the issue that brought custom fields measures them. */
    private void addCustomFields() throws Exception {
        send(request("/api/v1/modules/leads/fields").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"region\",\"type\":\"picklist\",\"label\":{\"en\":\"Region\",\"vi\":\"Vùng\"},\"filterable\":true,"
                + "\"values\":[{\"value\":\"NORTH\"},{\"value\":\"CENTRAL\"},{\"value\":\"SOUTH\"}]}")).build(), 201);
        send(request("/api/v1/modules/leads/fields").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"visit\",\"type\":\"date\",\"label\":{\"en\":\"Visit\",\"vi\":\"Ngày thăm\"},\"sortable\":true}")).build(), 201);
    }

    /** A page of 50 filtered by a custom picklist and sorted by a custom date, first and 100 pages deep. */
    private void measureCustomFieldList(int size) throws Exception {
        String first = "/api/v1/leads?cf_region=SOUTH&sort=-cf_visit&limit=50";
        Load.Result firstPage = Load.run("custom fields, first page", 1, shortWarmUp, 300, Duration.ofSeconds(60),
                Load.http(client, n -> request(first).GET().build(), 200));
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            JsonNode body = JSON.readTree(send(request(first + (cursor == null ? "" : "&cursor=" + cursor)).GET().build(), 200));
            if (body.get("nextCursor").isNull()) {
                break;
            }
            cursor = body.get("nextCursor").asText();
        }
        String deep = first + (cursor == null ? "" : "&cursor=" + cursor);
        Load.Result deepPage = Load.run("custom fields, deep page", 1, Duration.ofSeconds(1), 300, Duration.ofSeconds(60),
                Load.http(client, n -> request(deep).GET().build(), 200));
        record("list 50, custom picklist filter + custom date sort, first page @" + size, String.format("p50 %.2f ms, p99 %.2f ms",
                firstPage.p50(), firstPage.p99()), "p99 < 50 ms", firstPage.p99() < 50);
        record("list 50, custom picklist filter + custom date sort, page 101 @" + size, String.format("p50 %.2f ms, p99 %.2f ms",
                deepPage.p50(), deepPage.p99()), "p99 < 50 ms", deepPage.p99() < 50);
        results.put("listCustomFields@" + size, firstPage.json());
        results.put("listCustomFieldsDeep@" + size, deepPage.json());
    }

    /** The lists as the administrator (scope all), or as {@code user} (scope own) when one is named. */
    private void measureLists(int size, String user) throws Exception {
        String first = "/api/v1/leads?status=NEW&sort=lastName&limit=50";
        String who = user == null ? "" : ", scope own (" + user + ")";
        String key = user == null ? "" : "Own";
        Load.Result firstPage = Load.run("first page" + who, 1, shortWarmUp, 300, Duration.ofSeconds(60),
                Load.http(client, n -> request(first, user).GET().build(), 200));
        // 1,000 pages deep, or as deep as a small table goes (the smoke run).
        String cursor = null;
        int pages = 0;
        long walk = System.nanoTime();
        org.HdrHistogram.Histogram walked = new org.HdrHistogram.Histogram(3);
        while (pages < DEEP_PAGE) {
            long start = System.nanoTime();
            JsonNode body = JSON.readTree(send(request(first + (cursor == null ? "" : "&cursor=" + cursor), user).GET().build(), 200));
            walked.recordValue((System.nanoTime() - start) / 1000);
            if (body.get("nextCursor").isNull()) {
                break;
            }
            cursor = body.get("nextCursor").asText();
            pages++;
        }
        double walkSeconds = (System.nanoTime() - walk) / 1e9;
        String deep = first + (cursor == null ? "" : "&cursor=" + cursor);
        int deepPageNumber = pages + 1;
        Load.Result deepPage = Load.run("page " + deepPageNumber + who, 1, Duration.ofSeconds(1), 300, Duration.ofSeconds(60),
                Load.http(client, n -> request(deep, user).GET().build(), 200));
        record("list 50, status filter + sort, first page" + who + " @" + size, String.format("p50 %.2f ms, p99 %.2f ms",
                firstPage.p50(), firstPage.p99()), "p99 < 50 ms", firstPage.p99() < 50);
        record("list 50, page " + deepPageNumber + " via cursor" + who + " @" + size, String.format(
                "p50 %.2f ms, p99 %.2f ms (walk of %d pages %.1f s)", deepPage.p50(), deepPage.p99(), pages, walkSeconds),
                "p99 < 50 ms", deepPage.p99() < 50);
        results.put("listFirstPage" + key + "@" + size, firstPage.json());
        Map<String, Object> deepJson = new LinkedHashMap<>(deepPage.json());
        deepJson.put("page", deepPageNumber);
        results.put("listDeepPage" + key + "@" + size, deepJson);
        results.put("walkPagesSeconds" + key + "@" + size, Load.round(walkSeconds));
        record("list 50, pages 1-" + pages + " each once (no repeat)" + who + " @" + size, String.format("p50 %.2f ms, p99 %.2f ms",
                walked.getValueAtPercentile(50) / 1000.0, walked.getValueAtPercentile(99) / 1000.0), "", null);
        results.put("walkPages" + key + "@" + size, Map.of("p50Ms", Load.round(walked.getValueAtPercentile(50) / 1000.0),
                "p99Ms", Load.round(walked.getValueAtPercentile(99) / 1000.0)));
    }

    private void measureSearch(int size, String user) throws Exception {
        String who = user == null ? "" : ", scope own (" + user + ")";
        Load.Result search = Load.run("q search" + who, 1, shortWarmUp, 300, Duration.ofSeconds(120),
                Load.http(client, n -> request("/api/v1/leads?limit=50&q=" + QUERIES[n % QUERIES.length].replace(" ", "%20"), user)
                        .GET().build(), 200));
        record("q search, 50 results" + who + " @" + size, String.format("p50 %.2f ms, p99 %.2f ms", search.p50(), search.p99()),
                "p99 < 100 ms", search.p99() < 100);
        results.put("search" + (user == null ? "" : "Own") + "@" + size, search.json());
    }

    private HttpRequest.Builder request(String path) {
        return request(path, null);
    }

    /** A request as the administrator, or as {@code user} (whose password is the administrator's, see addScopedUser). */
    private HttpRequest.Builder request(String path, String user) {
        String authorization = user == null ? server.authorization()
                : "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + Server.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(server.base() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
    }

    private String send(HttpRequest request, int status) throws Exception {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new IllegalStateException(request.uri() + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Lets the freshly started JVM finish its start-up work before idle figures are read. */
    private static void settle() {
        LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5));
    }

    private void record(String what, String figure, String goal, Boolean met) {
        rows.add(new String[] {what, figure, goal, met == null ? "" : met ? "met" : "NOT met"});
        System.out.printf("%-48s %-60s %-12s %s%n", what, figure, goal, met == null ? "" : met ? "met" : "NOT met");
    }

    private void write() throws IOException {
        StringBuilder md = new StringBuilder("# Tessera benchmark (" + database + ")\n\n");
        md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(Instant.now()).append(".\n")
                .append("Load generator on the same machine; list and search data seeded straight through JDBC.\n\n");
        md.append("| measure | figure | goal | |\n|---|---|---|---|\n");
        for (String[] r : rows) {
            md.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        results.put("table", rows);
        Files.createDirectories(work);
        Files.writeString(work.resolve("results-" + database + ".md"), md);
        JSON.writerWithDefaultPrettyPrinter().writeValue(work.resolve("results-" + database + ".json").toFile(), results);
        System.out.println();
        System.out.println(md);
        System.out.println("Written to " + work.toAbsolutePath().resolve("results-" + database + ".md") + " and .json");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
