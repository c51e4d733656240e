package org.tesseracrm.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's real HTTP limit for the GET baseline: nginx (Debian's package) serving the same body as a
 * static file on 127.0.0.1. The binary is the system's when installed; otherwise the package is fetched
 * with {@code apt-get download} and unpacked under the benchmark's folder ({@code dpkg -x}: no
 * maintainer scripts, no service left running, no root needed). Started and stopped by the benchmark.
 */
final class NginxBaseline implements AutoCloseable {
    private static final Path SYSTEM_BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    final int port;

    private NginxBaseline(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why nginx could not be had on this machine (then the benchmark says so and goes on). */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    /** nginx serving {@code body} at {@code path} on a free port of 127.0.0.1, started in {@code dir}. */
    static NginxBaseline start(Path dir, String path, byte[] body, int port, int workers) throws Unavailable, IOException,
            InterruptedException {
        Path binary = binary(dir);
        Path root = dir.resolve("www");
        Path file = root.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.write(file, body);
        Path temp = dir.resolve("temp");
        Files.createDirectories(temp);
        String conf = (System.getProperty("user.name").equals("root") ? "user root;\n" : "")
                + "worker_processes " + workers + ";\n"
                + "pid " + dir.toAbsolutePath().resolve("nginx.pid") + ";\n"
                + "error_log " + dir.toAbsolutePath().resolve("error.log") + " warn;\n"
                + "events { worker_connections 1024; }\n"
                + "http {\n  access_log off;\n  default_type application/json;\n"
                + "  client_body_temp_path " + temp.toAbsolutePath() + "/body;\n"
                + "  proxy_temp_path " + temp.toAbsolutePath() + "/proxy;\n"
                + "  fastcgi_temp_path " + temp.toAbsolutePath() + "/fastcgi;\n"
                + "  uwsgi_temp_path " + temp.toAbsolutePath() + "/uwsgi;\n"
                + "  scgi_temp_path " + temp.toAbsolutePath() + "/scgi;\n"
                + "  server {\n    listen 127.0.0.1:" + port + ";\n    root " + root.toAbsolutePath() + ";\n"
                + "    location / { try_files $uri =404; }\n  }\n}\n";
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder(binary.toString(), "-e", dir.toAbsolutePath().resolve("error.log").toString(),
                "-p", dir.toAbsolutePath().toString(), "-c", confFile.toAbsolutePath().toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxBaseline nginx = new NginxBaseline(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new Unavailable("nginx did not start: " + Files.readString(dir.resolve("nginx.out")).strip());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new Unavailable("nginx did not listen within 10 s");
    }

    private static Path binary(Path dir) throws Unavailable, IOException, InterruptedException {
        if (Files.isExecutable(SYSTEM_BINARY)) {
            return SYSTEM_BINARY;
        }
        Path unpacked = dir.resolve("package/usr/sbin/nginx");
        if (Files.isExecutable(unpacked)) {
            return unpacked;
        }
        Files.createDirectories(dir);
        run(dir, List.of("apt-get", "download", "-q", "nginx"));
        try (var debs = Files.list(dir)) {
            Path deb = debs.filter(p -> p.getFileName().toString().matches("nginx_.*\\.deb")).findFirst()
                    .orElseThrow(() -> new Unavailable("apt-get download nginx gave no package"));
            run(dir, List.of("dpkg", "-x", deb.getFileName().toString(), "package"));
        }
        if (!Files.isExecutable(unpacked)) {
            throw new Unavailable("the nginx package holds no usr/sbin/nginx");
        }
        return unpacked;
    }

    private static void run(Path dir, List<String> command) throws Unavailable, IOException, InterruptedException {
        Process p;
        Path log = dir.resolve(command.get(0) + ".out");
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new Unavailable(command.get(0) + " is not available: " + e.getMessage());
        }
        boolean ended = p.waitFor(2, TimeUnit.MINUTES); // a machine without its package mirror gives up, not hangs
        if (!ended || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new Unavailable(String.join(" ", command) + (ended ? " failed: " + Files.readString(log).strip() : " took over 2 minutes"));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx stops its workers
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
