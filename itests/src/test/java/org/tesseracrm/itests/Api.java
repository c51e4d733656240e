package org.tesseracrm.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A client of the running server's API, as a user's program would be: HTTP, JSON, Basic auth. */
public final class Api {
    /** Decimals are read exactly, keeping their scale ("20.10" stays 20.10), as a money-handling client would. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The API of the container this test runs in, signed in as the administrator created at first start. */
    public static Api asAdmin() {
        String port = System.getProperty("tessera.test.http.port");
        java.nio.file.Path file = Paths.get(System.getProperty("karaf.data"), "tessera", "admin-password");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                String password = Files.readString(file).trim();
                if (!password.isEmpty()) {
                    Api api = new Api("http://127.0.0.1:" + port, basic("admin", password));
                    // every installed module serves its endpoints (modules start asynchronously)
                    api.awaitReady("/api/v1/health", Duration.ofSeconds(90));
                    return api;
                }
            } catch (IOException e) {
                // not written yet: the platform writes it on first start
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No administrator password in " + file);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    /** A server the test started itself (a distribution run as a process), with this Authorization header. */
    public static Api at(String base, String authorization) {
        return new Api(base, authorization);
    }

    public Api withoutCredentials() {
        return new Api(base, null);
    }

    public Api withCredentials(String user, String password) {
        return new Api(base, basic(user, password));
    }

    /** The same server, calling with an API token ({@code Authorization: Bearer …}). */
    public Api withToken(String token) {
        return new Api(base, "Bearer " + token);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String path) {
        return send("GET", path, null, null, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json, "application/json", null);
    }

    /** A POST with one extra request header, e.g. {@code Idempotency-Key}. */
    public Reply post(String path, String json, String header, String value) {
        return send("POST", path, json, "application/json", null, header, value);
    }

    /** A merge patch; without an ETag it overwrites knowingly ({@code If-Match: *}), as a script would. */
    public Reply patch(String path, String json, String ifMatch) {
        return send("PATCH", path, json, "application/merge-patch+json", ifMatch == null ? "*" : ifMatch);
    }

    public Reply delete(String path, String ifMatch) {
        return send("DELETE", path, null, null, ifMatch);
    }

    public Reply send(String method, String path, String body, String contentType, String ifMatch) {
        return send(method, path, body, contentType, ifMatch, null, null);
    }

    public Reply send(String method, String path, String body, String contentType, String ifMatch, String header,
            String value) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), contentType, ifMatch, header, value);
    }

    /** A POST whose body goes chunked, without a declared length (as a streaming client sends it). */
    public Reply postChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send("POST", path, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)),
                "application/json", null, null, null);
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher body, String contentType, String ifMatch,
            String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (header != null) {
            request.header(header, value);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose answer is bytes (a PDF, a file), with one more request header (e.g. Accept-Language) when given. */
    public HttpResponse<byte[]> getBytes(String path, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (header != null) {
            request.header(header, value);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data upload of one file in the part {@code field}, as a browser's form sends it (the name's UTF-8 bytes as they are). */
    public Reply upload(String path, String field, String fileName, String declaredType, byte[] content) {
        return upload(path, field, fileName, declaredType, content, java.util.Map.of());
    }

    /** A multipart form: a file and text fields. */
    public Reply upload(String path, String field, String fileName, String declaredType, byte[] content, java.util.Map<String, String> fields) {
        String boundary = "----tessera" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return new Reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("upload to " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits, up to a deadline, until the API answers {@code path} with 200 (modules start asynchronously). */
    public void awaitReady(String path, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        String last = "no answer";
        while (System.nanoTime() < end) {
            try {
                Reply r = get(path);
                if (r.status == 200) {
                    return;
                }
                last = r.status + " " + r.text;
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
        throw new AssertionError("API not ready at " + path + " within " + deadline + ": " + last);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One answer: status, headers and the body as text and as JSON. */
    public static final class Reply {
        public final int status;
        public final String text;
        private final HttpResponse<String> response;

        Reply(HttpResponse<String> response) {
            this.response = response;
            this.status = response.statusCode();
            this.text = response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
