package org.tesseracrm.platform.internal.security;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At every start, takes group and other permissions off the server's configuration ({@code etc/}:
 * users and their password hashes, the database password, the SSH host key) and Tessera's data
 * ({@code data/tessera}: the embedded database, the first administrator's password). The
 * distribution's archive unpacks them readable by everyone; {@code bin/setenv}'s umask covers what
 * the server writes later.
 */
@Component(immediate = true)
public class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @Activate
    void activate() {
        restrict(Paths.get(System.getProperty("karaf.etc", "etc")));
        restrict(Paths.get(System.getProperty("karaf.data", "data"), "tessera"));
    }

    static void restrict(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    ownerOnly(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        ownerOnly(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access control applies
        } catch (IOException e) {
            LOG.warn("Could not make {} readable by its owner only: {}", root, e.toString());
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        if (permissions.removeAll(OTHERS)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
