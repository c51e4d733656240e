package org.tesseracrm.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The machine's real HTTP limit for the GET baseline: nginx serving the same body as a
 * static file on 127.0.0.1 (Debian's package, see {@link DebianPackage}). Started and stopped by the benchmark.
 */
final class NginxBaseline implements AutoCloseable {
    private final Process process;
    final int port;

    private NginxBaseline(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** nginx serving {@code body} at {@code path} on a free port of 127.0.0.1, started in {@code dir}. */
    static NginxBaseline start(Path dir, String path, byte[] body, int port, int workers) throws DebianPackage.Unavailable, IOException,
            InterruptedException {
        Path binary = DebianPackage.program(dir, "nginx", "usr/sbin/nginx");
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
                throw new DebianPackage.Unavailable("nginx did not start: " + Files.readString(dir.resolve("nginx.out")).strip());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        nginx.close();
        throw new DebianPackage.Unavailable("nginx did not listen within 10 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: nginx stops its workers
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
