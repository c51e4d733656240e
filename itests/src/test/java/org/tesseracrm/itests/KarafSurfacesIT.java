package org.tesseracrm.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.tesseracrm.benchmark.Server;

/**
 * Karaf's own ways into the server, tried as CRM users would try them on the distribution as
 * shipped: the shell is for administrators only (a CRM manager and viewer are refused), there is no
 * JMX, the files with secrets and customer data are their owner's only, and passwords are stored
 * as salted bcrypt hashes.
 */
public class KarafSurfacesIT {
    private static final String MANAGER = "surf-manager";
    private static final String VIEWER = "surf-viewer";
    /**
     * A user whose password is guessed at over SSH (a user of its own, so the other tests are not slowed;
     * not an administrator, or the first start would not create {@code admin}): the realm counts
     * its sign-ins before the shell looks at roles.
     */
    private static final String GUESSED = "surf-guessed";
    private static final String PASSWORD = "Surfaces-pass-42";
    private static Server server;

    @BeforeClass
    public static void start() throws Exception {
        server = Server.unpack(Path.of(System.getProperty("tessera.distribution")), Path.of("target/surfaces"),
                TesseraDistribution.freePort());
        // CRM users, with the role Karaf's shell used to ask for (ssh) on top of their CRM roles.
        Files.writeString(server.home().resolve("etc/users.properties"), "\n" + MANAGER + " = " + PASSWORD + ",manager,ssh\n"
                + VIEWER + " = " + PASSWORD + ",viewer,ssh\n" + GUESSED + " = " + PASSWORD + ",viewer,ssh\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        server.start();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void theShellIsForAdministratorsOnly() throws Exception {
        String admin = server.shellAs("admin", Server.PASSWORD, "feature:list -i | grep tessera-leads");
        assertTrue(admin, admin.contains("Started"));
        for (String crmUser : List.of(MANAGER, VIEWER)) {
            String refused = server.shellAs(crmUser, PASSWORD, "feature:list -i | grep tessera-leads", "bundle:list");
            assertFalse(crmUser + " reached the shell: " + refused, refused.contains("Started") || refused.contains("Active"));
        }
    }

    @Test
    public void guessingAShellPasswordIsSlowedAndLogged() throws Exception {
        Path log = server.home().resolve("data/log/security.log");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        // Wrong passwords until the pause is long (after the 8th failure: 8 s), however fast the client starts.
        while (count(log, "sign-in failed user=" + GUESSED + " address=shell") < 8) {
            assertTrue("failed shell sign-ins are logged", System.nanoTime() < deadline);
            server.shellAs(GUESSED, "not-the-password", "logout");
        }
        server.shellAs(GUESSED, PASSWORD, "logout");
        assertTrue("the right password waits too", count(log, "sign-in throttled user=" + GUESSED + " address=shell") > 0);
        assertEquals("no sign-in while it waits", 0, count(log, "sign-in user=" + GUESSED + " address=shell"));
        while (count(log, "sign-in user=" + GUESSED + " address=shell") == 0) {
            assertTrue("the pause ends", System.nanoTime() < deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofSeconds(2).toNanos());
            server.shellAs(GUESSED, PASSWORD, "logout");
        }
    }

    private static int count(Path file, String text) throws IOException {
        return Files.readString(file).split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    @Test
    public void noJmxListens() throws Exception {
        try (Socket s = new Socket()) {
            // Karaf's JMX registry port, were its management feature installed
            s.connect(new InetSocketAddress("127.0.0.1", 1099), 1000);
            throw new AssertionError("something listens on Karaf's JMX registry port 1099");
        } catch (IOException refused) {
            // no JMX
        }
        String installed = server.shellAs("admin", Server.PASSWORD, "feature:list -i");
        assertTrue(installed, installed.contains("tessera-platform"));
        assertFalse("Karaf's management feature (JMX) is installed", installed.matches("(?s).*\\bmanagement\\s+│.*"));
    }

    @Test
    public void secretsAndDataAreTheirOwnersOnly() throws IOException {
        List<String> open = new ArrayList<>();
        for (String file : List.of("etc/users.properties", "etc/config.properties", "etc/org.ops4j.datasource-tessera.cfg",
                "etc/org.apache.karaf.jaas.cfg", "etc/host.key", "data/tessera/db.mv.db", "data/tessera", "data/log/karaf.log")) {
            Path path = server.home().resolve(file);
            if (!Files.exists(path)) {
                if (!file.equals("etc/host.key")) {
                    open.add(file + " is missing");
                }
                continue;
            }
            Set<PosixFilePermission> others = EnumSet.copyOf(Files.getPosixFilePermissions(path));
            others.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE));
            if (!others.isEmpty()) {
                open.add(file + " " + others);
            }
        }
        assertEquals("files readable or writable by others than their owner", List.of(), open);
    }

    @Test
    public void passwordsAreStoredAsSaltedBcryptHashes() throws Exception {
        // Users live in the database; the file's users were taken over at the first start.
        byte[] database = Files.readAllBytes(server.home().resolve("data/tessera/db.mv.db"));
        String text = new String(database, StandardCharsets.ISO_8859_1);
        assertFalse("a password is in the database file", text.contains(PASSWORD) || text.contains(Server.PASSWORD));
        // {CRYPT}<hex of "$2a$10$…">{CRYPT}: bcrypt, cost 10, its own salt
        java.util.regex.Matcher hashes = java.util.regex.Pattern.compile("\\{CRYPT\\}(243261243130[0-9a-f]+)\\{CRYPT\\}").matcher(text);
        Set<String> distinct = new java.util.HashSet<>();
        while (hashes.find()) {
            distinct.add(hashes.group(1));
        }
        // admin and three users, two of them with the same password: salted, so all differ
        assertTrue("bcrypt hashes in the database: " + distinct.size(), distinct.size() >= 4);
        String users = Files.readString(server.home().resolve("etc/users.properties"));
        assertFalse("the file holds no password in clear", users.contains(PASSWORD));
    }
}
