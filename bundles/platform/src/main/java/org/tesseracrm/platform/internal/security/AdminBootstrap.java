package org.tesseracrm.platform.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No user ships with Tessera. On start, users written to {@code etc/users.properties} (by an
 * installer, or by the first release, which kept its users there) that the database does not have
 * yet are taken over, with their hashed passwords and roles; the file is not read again after that.
 * Then, when no active user is an administrator, this creates {@code admin} with the password from
 * {@code TESSERA_ADMIN_PASSWORD}, or a random one written to {@code ${karaf.data}/tessera/admin-password}
 * (readable by the owner only) and announced once.
 */
@Component(immediate = true, service = AdminBootstrap.class)
public class AdminBootstrap {
    static final String ADMIN = "admin";
    static final List<String> ADMIN_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");
    private static final String GROUP_PREFIX = "_g_:";
    private static final long WAIT_FOR_HASHING_MILLIS = 120_000;
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    /**
     * Activated once Karaf's password encryption service (the one {@code etc/org.apache.karaf.jaas.cfg}
     * names) is registered: waiting for it inside the activation would hold the thread that starts the
     * bundles — the thread that would start the encryption service's bundle when it comes later (seen:
     * the whole start stalled for two minutes, then failed).
     */
    @Activate
    public AdminBootstrap(@Reference UserAccounts users, @Reference Passwords passwords,
            @Reference(target = "(name=spring-security-crypto)") org.apache.karaf.jaas.modules.EncryptionService encryption) {
        waitForHashing(passwords);
        importUsersFile(users);
        if (users.hasActiveAdministrator()) {
            return;
        }
        String fromEnvironment = System.getenv("TESSERA_ADMIN_PASSWORD");
        boolean given = fromEnvironment != null && !fromEnvironment.isBlank();
        String password = given ? fromEnvironment : randomPassword();
        // The file is written before the user exists, so a failure never leaves an unknown password.
        Path file = given ? null : writePasswordFile(password);
        UserAccounts.Changes admin = new UserAccounts.Changes();
        admin.password = password;
        admin.roles = ADMIN_ROLES;
        admin.displayName = "Administrator";
        if (users.find(ADMIN).isPresent()) {
            admin.active = true;
            users.update(ADMIN, admin, null);
        } else {
            try {
                users.create(ADMIN, admin);
            } catch (RuntimeException e) {
                if (users.find(ADMIN).isPresent()) {
                    LOG.info("Tessera: the administrator '{}' was created by another node at the same moment", ADMIN);
                    return;
                }
                throw e;
            }
        }
        if (given) {
            LOG.info("Tessera: created the administrator '{}' with the password from TESSERA_ADMIN_PASSWORD", ADMIN);
        } else {
            LOG.info("Tessera: created the administrator '{}'; its password is in {}", ADMIN, file);
        }
    }

    /**
     * Karaf registers its bcrypt service a moment after the platform may start. Asked without hashing:
     * a bcrypt at every start cost a few hundred milliseconds of the start, before the JIT is warm.
     */
    private static void waitForHashing(Passwords passwords) {
        long deadline = System.currentTimeMillis() + WAIT_FOR_HASHING_MILLIS;
        while (!passwords.ready()) {
            if (System.currentTimeMillis() > deadline) {
                passwords.hash("probe-password"); // fails, saying why
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(200).toNanos());
        }
    }

    /** Users of etc/users.properties that the database lacks: {@code name = password,role,…}, groups expanded. */
    private static void importUsersFile(UserAccounts users) {
        Path file = Paths.get(System.getProperty("karaf.etc", "etc"), "users.properties");
        if (!Files.isRegularFile(file)) {
            return;
        }
        java.util.Properties lines = new java.util.Properties();
        try (java.io.Reader in = Files.newBufferedReader(file)) {
            lines.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Tessera: {} cannot be read; no users taken over from it", file, e);
            return;
        }
        int imported = 0;
        for (String name : lines.stringPropertyNames()) {
            if (name.startsWith(GROUP_PREFIX)) {
                continue;
            }
            String[] parts = lines.getProperty(name).split(",");
            Set<String> roles = new java.util.TreeSet<>();
            for (int i = 1; i < parts.length; i++) {
                String role = parts[i].trim();
                if (role.startsWith(GROUP_PREFIX)) {
                    String[] group = lines.getProperty(role, "").split(",");
                    for (int j = 1; j < group.length; j++) {
                        roles.add(group[j].trim());
                    }
                } else if (!role.isEmpty()) {
                    roles.add(role);
                }
            }
            if (parts[0].isBlank() || users.find(name).isPresent()) {
                continue;
            }
            try {
                users.importUser(name, parts[0].trim(), new java.util.ArrayList<>(roles));
                imported++;
            } catch (RuntimeException e) {
                LOG.warn("Tessera: user {} of {} not taken over: {}", name, file, e.getMessage());
            }
        }
        if (imported > 0) {
            LOG.info("Tessera: took over {} users from {}; manage users in Tessera from now on", imported, file);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Written whole under a temporary name, then moved into place: a reader never sees half a password. */
    private static Path writePasswordFile(String password) {
        Path dir = Paths.get(System.getProperty("karaf.data", "data"), "tessera");
        Path file = dir.resolve("admin-password");
        Path partial = dir.resolve("admin-password.partial");
        try {
            Files.createDirectories(dir);
            Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (UnsupportedOperationException e) {
                Files.createFile(partial); // not a POSIX file system
            }
            Files.writeString(partial, password + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the administrator password to " + file, e);
        }
    }
}
