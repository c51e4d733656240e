package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Sign-in as an attacker and an administrator would try it: a web session ends when its user is
 * removed or given other roles; a change sent with the session cookie from another origin (or by a
 * form, which cannot send the web UI's header) is refused; guessing passwords is slowed with 429
 * and Retry-After; sign-ins and failures are written to the security log.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SignInIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Api admin;
    private String base;

    @Configuration
    public Option[] configuration() {
        return TesseraDistribution.withH2();
    }

    @Before
    public void ready() {
        admin = Api.asAdmin();
        admin.awaitReady("/api/v1/leads?limit=1", Duration.ofSeconds(60));
        base = "http://127.0.0.1:" + System.getProperty("tessera.test.http.port");
    }

    @Test
    public void aSessionEndsWhenItsUserLosesRolesOrIsDeactivated() throws Exception {
        String user = user("leads.write");
        String cookie = signIn(user);
        assertEquals(200, get("/api/v1/leads?limit=1", cookie).statusCode());
        setRoles(user, "leads.read");
        HttpResponse<String> after = awaitStatus(401, "/api/v1/leads?limit=1", cookie);
        assertTrue(after.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        String other = user("leads.write");
        String otherCookie = signIn(other);
        assertEquals(201, unsafe("POST", "/api/v1/leads", otherCookie, "same-origin", null, true).statusCode());
        removeUser(other);
        awaitStatus(401, "/api/v1/leads?limit=1", otherCookie);
        assertEquals(401, unsafe("POST", "/api/v1/leads", otherCookie, "same-origin", null, true).statusCode());
        assertEquals("a deactivated user cannot sign in again", 401, signInStatus(other, PASSWORD));
        assertEquals("nor use Basic credentials", 401, admin.withCredentials(other, PASSWORD).get("/api/v1/leads?limit=1").status);
    }

    @Test
    public void changesWithTheSessionCookieMustComeFromTheWebUi() throws Exception {
        String user = user("leads.write");
        String cookie = signIn(user);
        long before = leadCount();
        int port = Integer.parseInt(System.getProperty("tessera.test.http.port"));
        // A form on another port of the same host: same site, so the cookie goes with it.
        assertEquals(403, unsafe("POST", "/api/v1/leads", cookie, "same-site", "http://127.0.0.1:" + (port + 1), false).statusCode());
        // The same request as a script of that page could make it (without the header: that would need CORS).
        assertEquals(403, unsafe("POST", "/api/v1/leads", cookie, "same-site", "http://127.0.0.1:" + (port + 1), true).statusCode());
        // An older browser that names only the Origin.
        assertEquals(403, unsafe("POST", "/api/v1/leads", cookie, null, "http://127.0.0.1:" + (port + 1), true).statusCode());
        // No browser headers and no X-Requested-With: a plain form post as far as the server can tell.
        assertEquals(403, unsafe("POST", "/api/v1/leads", cookie, null, null, false).statusCode());
        assertEquals("nothing was written by refused requests", before, leadCount());
        // The web UI itself.
        assertEquals(201, unsafe("POST", "/api/v1/leads", cookie, "same-origin", "http://127.0.0.1:" + port, true).statusCode());
        assertEquals(201, unsafe("POST", "/api/v1/leads", cookie, null, "http://127.0.0.1:" + port, true).statusCode());
        assertEquals("reading needs no header", 200, get("/api/v1/leads?limit=1", cookie).statusCode());
    }

    @Test
    public void passwordGuessingIsSlowedAndEverySignInIsLogged() throws Exception {
        String user = user("leads.read");
        Api guesser = admin.withCredentials(user, "not-the-password");
        for (int i = 1; i <= 5; i++) {
            assertEquals("guess " + i, 401, guesser.get("/api/v1/leads?limit=1").status);
        }
        Api.Reply throttled = admin.withCredentials(user, PASSWORD).get("/api/v1/leads?limit=1");
        assertEquals("even the right password waits: " + throttled, 429, throttled.status);
        String retryAfter = throttled.header("Retry-After");
        assertNotNull(retryAfter);
        assertTrue(throttled.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(429, signInStatus(user, PASSWORD));

        LockSupport.parkNanos(Duration.ofSeconds(Long.parseLong(retryAfter)).plusMillis(200).toNanos());
        assertEquals("after the pause the right password works", 200,
                admin.withCredentials(user, PASSWORD).get("/api/v1/leads?limit=1").status);

        Path log = Paths.get(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "security.log");
        String security = awaitText(log, "sign-in user=" + user);
        assertTrue(security, security.contains("sign-in failed user=" + user + " address=127.0.0.1"));
        assertTrue(security, security.contains("sign-in throttled user=" + user));
    }

    // ---- users ----

    private static final String PASSWORD = "Sign-in-pass-77";

    private static String user(String roles) {
        String user = "si-" + UUID.randomUUID().toString().substring(0, 8);
        TesseraDistribution.addUsers(List.of(user + " = " + PASSWORD + "," + roles));
        return user;
    }

    /** An administrator gives the user other roles. */
    private void setRoles(String user, String roles) {
        Api.Reply r = admin.patch("/api/v1/users/" + user, Api.json(java.util.Map.of("roles", List.of(roles.split(",")))), null);
        assertEquals(r.text, 200, r.status);
    }

    /** An administrator deactivates the user (users are never deleted: their records name them). */
    private void removeUser(String user) {
        Api.Reply r = admin.patch("/api/v1/users/" + user, "{\"active\":false}", null);
        assertEquals(r.text, 200, r.status);
    }

    // ---- requests ----

    private String signIn(String user) throws Exception {
        HttpResponse<String> r = signInResponse(user, PASSWORD);
        assertEquals(r.body(), 200, r.statusCode());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private int signInStatus(String user, String password) throws Exception {
        return signInResponse(user, password).statusCode();
    }

    private HttpResponse<String> signInResponse(String user, String password) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session")).header("Content-Type", "application/json")
                .header("X-Requested-With", "fetch")
                .POST(HttpRequest.BodyPublishers.ofString(Api.json(java.util.Map.of("user", user, "password", password)))));
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET());
    }

    private HttpResponse<String> unsafe(String method, String path, String cookie, String fetchSite, String origin,
            boolean uiHeader) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"lastName\":\"CSRF " + UUID.randomUUID() + "\"}"));
        if (fetchSite != null) {
            b.header("Sec-Fetch-Site", fetchSite);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        if (uiHeader) {
            b.header("X-Requested-With", "fetch");
        }
        return send(b);
    }

    private long leadCount() {
        return admin.get("/api/v1/leads/counts?by=status").json().path("items").findValues("count").stream()
                .mapToLong(n -> n.asLong()).sum();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> awaitStatus(int status, String path, String cookie) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> last;
        do {
            last = get(path, cookie);
            if (last.statusCode() == status) {
                return last;
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + status + " within 15 s, still " + last.statusCode() + " " + last.body());
    }

    private static String awaitText(Path file, String text) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            String content = Files.exists(file) ? Files.readString(file) : "";
            if (content.contains(text)) {
                return content;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' in " + file + ":\n" + content);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }
}
