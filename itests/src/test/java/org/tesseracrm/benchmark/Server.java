package org.tesseracrm.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A Tessera distribution unpacked for the benchmark (and the browser tests), started and stopped with its own scripts. */
public final class Server {
    public static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());

    final Path home;
    final int port;
    /** Karaf's SSH port, chosen free like the HTTP port (port + 1 was once taken by another process). */
    private final int sshPort;

    Server(Path home, int port, int sshPort) {
        this.home = home;
        this.port = port;
        this.sshPort = sshPort;
    }

    public static Server unpack(Path tarGz, Path into, int port) throws Exception {
        if (Files.exists(into)) {
            run(new ProcessBuilder("rm", "-rf", into.toString()));
        }
        Files.createDirectories(into);
        run(new ProcessBuilder("tar", "-xzf", tarGz.toString(), "-C", into.toString(), "--strip-components=1"));
        Path web = into.resolve("etc/org.ops4j.pax.web.cfg");
        Files.writeString(web, Files.readString(web).replace("org.osgi.service.http.port = 8181",
                "org.osgi.service.http.port = " + port));
        // Keep the benchmark's server off the shell and JMX ports a running Tessera may use.
        Path shell = into.resolve("etc/org.apache.karaf.shell.cfg");
        int ssh = freePort();
        Files.writeString(shell, Files.readString(shell).replace("sshPort = 8101", "sshPort = " + ssh));
        Path mgmt = into.resolve("etc/org.apache.karaf.management.cfg");
        if (Files.exists(mgmt)) { // only when an edition ships JMX
            Files.writeString(mgmt, Files.readString(mgmt).replace("rmiRegistryPort = 1099", "rmiRegistryPort = " + (port + 2))
                    .replace("rmiServerPort = 44444", "rmiServerPort = " + (port + 3)));
        }
        // Karaf's shutdown socket otherwise takes a random free port, which once was the one chosen for HTTP.
        Path config = into.resolve("etc/config.properties");
        Files.writeString(config, Files.readString(config) + "\nkaraf.shutdown.port = " + freePort() + "\n");
        return new Server(into, port, ssh);
    }

    /** The server on this PostgreSQL database (user postgres, trust), with the pool as shipped. */
    public void configurePostgres(String jdbcUrl) throws IOException {
        configureDatabase(java.util.Map.of("osgi.jdbc.driver.class", "org.postgresql.Driver", "url", jdbcUrl, "user", "postgres", "password", ""));
    }

    /** Sets these settings of the shipped database configuration and keeps the rest (the pool's) as shipped. */
    public void configureDatabase(java.util.Map<String, String> settings) throws IOException {
        Path cfg = home.resolve("etc/org.ops4j.datasource-tessera.cfg");
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(cfg));
        java.util.Map<String, String> left = new java.util.LinkedHashMap<>(settings);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            String key = eq < 0 || line.startsWith("#") ? null : line.substring(0, eq).trim();
            if (key != null && left.containsKey(key)) {
                lines.set(i, key + " = " + left.remove(key));
            }
        }
        left.forEach((key, value) -> lines.add(key + " = " + value));
        Files.write(cfg, lines);
    }

    /** Starts the server; returns the milliseconds from the start command to the first 200 of the leads list. */
    public long start() throws Exception {
        return startUntil("/api/v1/leads?limit=1", (status, body) -> status == 200);
    }

    /** Starts the server; returns the milliseconds from the start command to the first answer of {@code path} that {@code served} accepts. */
    public long startUntil(String path, java.util.function.BiPredicate<Integer, String> served) throws Exception {
        long begin = System.nanoTime();
        ProcessBuilder start = new ProcessBuilder(home.resolve("bin/start").toString());
        start.environment().put("TESSERA_ADMIN_PASSWORD", PASSWORD);
        start.environment().put("JAVA_HOME", System.getProperty("java.home"));
        run(start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            Answer answer = answer(path);
            if (served.test(answer.status, answer.body)) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IllegalStateException(path + " was not served within 180 s; see " + home.resolve("data/log/karaf.log"));
    }

    /** The features Karaf installs at its first start (featuresBoot), as shipped or as set. */
    public List<String> bootFeatures() throws IOException {
        java.util.Properties cfg = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(featuresCfg())) {
            cfg.load(in);
        }
        return java.util.Arrays.stream(cfg.getProperty("featuresBoot", "").split(","))
                .map(String::trim).filter(f -> !f.isEmpty()).collect(java.util.stream.Collectors.toList());
    }

    /** Sets the features Karaf installs at its first start; the server must not have started yet. */
    public void bootFeatures(List<String> features) throws IOException {
        String cfg = Files.readString(featuresCfg());
        // the setting with its continuation lines, up to the first line that does not end in a backslash
        java.util.regex.Matcher setting = java.util.regex.Pattern.compile("(?m)^featuresBoot\\s*=(?:.*\\\\\\R)*.*$").matcher(cfg);
        if (!setting.find()) {
            throw new IllegalStateException("no featuresBoot in " + featuresCfg());
        }
        Files.writeString(featuresCfg(), cfg.substring(0, setting.start()) + "featuresBoot = " + String.join(", ", features)
                + cfg.substring(setting.end()));
    }

    private Path featuresCfg() {
        return home.resolve("etc/org.apache.karaf.features.cfg");
    }

    /**
     * Waits until the server's log holds {@code count} lines matching {@code line}, and returns the
     * first group of the last of them (e.g. a duration the server logged).
     */
    public String awaitLog(java.util.regex.Pattern line, int count, Duration timeout) throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            java.util.regex.Matcher m = line.matcher(Files.exists(log) ? Files.readString(log) : "");
            int found = 0;
            String last = null;
            while (m.find()) {
                found++;
                last = m.group(1);
            }
            if (found >= count) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no '" + line + "' in " + log + " within " + timeout);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    public void stop() throws Exception {
        Optional<ProcessHandle> java = process();
        ProcessBuilder stop = new ProcessBuilder(home.resolve("bin/stop").toString());
        stop.environment().put("JAVA_HOME", System.getProperty("java.home"));
        run(stop);
        if (java.isPresent()) {
            java.get().onExit().get(120, TimeUnit.SECONDS);
        }
    }

    /** The server's JVM. */
    public Optional<ProcessHandle> process() {
        String marker = home.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("org.apache.karaf.main.Main") && c.contains(marker)).orElse(false)).findFirst();
    }

    /** Resident memory of the server's JVM, in MiB. */
    long rssMiB() throws IOException {
        long pid = process().orElseThrow().pid();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** Runs Karaf shell commands in the running server as the administrator (bin/client over its SSH port). */
    public void shell(String... commands) throws Exception {
        shellAs("admin", PASSWORD, commands);
    }

    /** Runs Karaf shell commands as a user of the realm through bin/client; returns what the client printed. */
    public String shellAs(String user, String password, String... commands) throws Exception {
        ProcessBuilder client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-u", user, "-p", password, "-r", "1");
        client.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = client.redirectErrorStream(true).start();
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write((String.join("\n", commands) + "\nlogout\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException refused) {
            // the client quit before reading its input (its sign-in was refused)
        }
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + List.of(commands));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    public Path home() {
        return home;
    }

    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A status and body, status -1 when nothing answered. */
    private static final class Answer {
        final int status;
        final String body;

        Answer(int status, String body) {
            this.status = status;
            this.body = body;
        }
    }

    private Answer answer(String path) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(base() + path).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            c.setRequestProperty("Authorization", authorization());
            int code = c.getResponseCode();
            try (InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
                return new Answer(code, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return new Answer(-1, "");
        }
    }

    static void run(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(Duration.ofMinutes(3).toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("failed: " + pb.command());
        }
    }
}
