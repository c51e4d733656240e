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
import java.util.HashSet;
import java.util.List;
import java.util.Set;


import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No user ships with Tessera. On first start, when the realm has no administrator, this creates
 * {@code admin} with the password from {@code TESSERA_ADMIN_PASSWORD}, or a random one written to
 * {@code ${karaf.data}/tessera/admin-password} (readable by the owner only) and announced once.
 */
@Component(immediate = true)
public class AdminBootstrap {
    static final String ADMIN = "admin";
    private static final int VERIFY_ATTEMPTS = 20;
    static final List<String> ADMIN_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    @Activate
    public AdminBootstrap(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> engines,
            @Reference Authenticator authenticator) {
        BackingEngine engine = UserStore.find(realms, engines);
        if (engine == null) {
            LOG.warn("No properties user store in the '{}' realm: no administrator created", Authenticator.REALM);
            return;
        }
        if (hasAdministrator(engine)) {
            return;
        }
        String fromEnvironment = System.getenv("TESSERA_ADMIN_PASSWORD");
        boolean given = fromEnvironment != null && !fromEnvironment.isBlank();
        String password = given ? fromEnvironment : randomPassword();
        // The file is written before the user exists, so a failure never leaves an unknown password.
        Path file = given ? null : writePasswordFile(password);
        addAdministrator(engine, password);
        // Karaf's auto-encryption watcher rewrites users.properties when it changes (slowly: bcrypt);
        // reading it while it is being written can store a digest of an empty password or lose the
        // roles. Write again until the login works with every role, twice in a row.
        for (int attempt = 1; !stored(authenticator, password); attempt++) {
            if (attempt > VERIFY_ATTEMPTS) {
                throw new IllegalStateException("The administrator could not be stored in the user store");
            }
            LOG.warn("Tessera: the administrator's password did not take (attempt {}); writing it again", attempt);
            java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofMillis(250).toNanos());
            addAdministrator(engine, password);
        }
        if (given) {
            LOG.info("Tessera: created the administrator '{}' with the password from TESSERA_ADMIN_PASSWORD", ADMIN);
        } else {
            LOG.info("Tessera: created the administrator '{}'; its password is in {}", ADMIN, file);
        }
    }

    /** The login works with the administrator's roles, and still does a moment later (after the watcher had its turn). */
    private static boolean stored(Authenticator authenticator, String password) {
        if (!hasAdminRoles(authenticator, password)) {
            return false;
        }
        java.util.concurrent.locks.LockSupport.parkNanos(java.time.Duration.ofSeconds(1).toNanos());
        return hasAdminRoles(authenticator, password);
    }

    private static boolean hasAdminRoles(Authenticator authenticator, String password) {
        return authenticator.rolesIfAccepted(ADMIN, password).map(roles -> roles.containsAll(ADMIN_ROLES)).orElse(false);
    }

    private static void addAdministrator(BackingEngine engine, String password) {
        // a line the watcher garbled ("admin,manager,… = …") names a user no one can be: a comma separates roles
        for (UserPrincipal user : engine.listUsers()) {
            if (user.getName().contains(",")) {
                engine.deleteUser(user.getName());
            }
        }
        engine.addUser(ADMIN, password);
        Set<String> has = new HashSet<>();
        for (UserPrincipal user : engine.listUsers()) {
            if (ADMIN.equals(user.getName())) {
                engine.listRoles(user).forEach(role -> has.add(role.getName()));
            }
        }
        for (String role : ADMIN_ROLES) {
            if (!has.contains(role)) {
                engine.addRole(ADMIN, role);
            }
        }
    }

    private static boolean hasAdministrator(BackingEngine engine) {
        for (UserPrincipal user : engine.listUsers()) {
            if (engine.listRoles(user).stream().anyMatch(role -> "admin".equals(role.getName()))) {
                return true;
            }
        }
        return false;
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
