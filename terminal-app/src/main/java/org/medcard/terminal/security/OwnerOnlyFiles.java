package org.medcard.terminal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the data folder private to the user the terminal runs as: the folder and every folder in it
 * {@code rwx------}, every file {@code rw-------} (the SQLite files and their {@code -wal}/{@code -shm}, the
 * queue key, the soft-PSAM sequence, training cards, logs). The folder's own mode is what really protects
 * files created later with the process's umask (a rolled log, SQLite's journal); the sweep at start and at
 * close tightens those too.
 *
 * <p>Symbolic links are not followed (a link planted in the folder must not make us chmod another file).
 * On a file system without POSIX permissions (Windows) nothing is done: the user's app-data folder is private
 * to the user there (docs/security.md).
 */
public final class OwnerOnlyFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /** Whether this platform has POSIX permissions. */
    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code dataDir} if needed and makes it and everything in it owner-only.
     *
     * @param warn log a warning for each existing path that others could read (it was made before, by an older
     *             version, a copy or a restore); at start. New files of this run are tightened silently.
     * @return the paths whose permissions were changed
     */
    public static List<Path> secure(Path dataDir, boolean warn) {
        try {
            Files.createDirectories(dataDir);
            if (!posix()) {
                return List.of();
            }
            List<Path> fixed = new ArrayList<>();
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    tighten(dir, DIR, fixed, warn);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        tighten(file, FILE, fixed, warn);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // A -wal or -shm removed between listing and visiting (SQLite checkpoints): nothing to protect.
                    return FileVisitResult.CONTINUE;
                }
            });
            return fixed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data folder " + dataDir + " private to this user: " + e.getMessage(), e);
        }
    }

    /** Makes one file owner-only (an export or a receipt written outside the data folder). */
    public static void file(Path file) {
        if (!posix()) {
            return;
        }
        try {
            tighten(file, FILE, new ArrayList<>(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + file + " private to this user", e);
        }
    }

    /** Whether anyone but the owner has any permission on {@code path}. */
    public static boolean openToOthers(Path path) throws IOException {
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return p.stream().anyMatch(OTHERS::contains);
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted, List<Path> fixed, boolean warn) throws IOException {
        Set<PosixFilePermission> now;
        try {
            now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException gone) {
            return;
        }
        if (now.equals(wanted)) {
            return;
        }
        if (warn && now.stream().anyMatch(OTHERS::contains)) {
            LOG.warn("{} was {}: others on this computer could read it; made {}", path, PosixFilePermissions.toString(now),
                    PosixFilePermissions.toString(wanted));
        }
        Files.setPosixFilePermissions(path, wanted);
        fixed.add(path);
    }
}
