package org.medcard.terminal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;

/** Files others could read are found, reported and fixed; links are not followed. */
class OwnerOnlyFilesTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(OwnerOnlyFiles.posix(), "POSIX permissions (not on Windows)");
    }

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void worldReadableFilesAndFolders_areReportedAndMadeOwnerOnly() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("medcard"));
        Path db = Files.writeString(data.resolve("queue.db"), "x");
        Path wal = Files.writeString(data.resolve("queue.db-wal"), "x");
        Path logs = Files.createDirectories(data.resolve("logs"));
        Path log = Files.writeString(logs.resolve("medcard.2026-11-22.0.log"), "x");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(wal, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxrwxr-x"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));

        List<Path> fixed = OwnerOnlyFiles.secure(data, true);

        assertEquals(Set.of(data, db, wal, logs), Set.copyOf(fixed), "the already private log is left alone");
        assertEquals("rwx------", perms(data));
        assertEquals("rw-------", perms(db));
        assertEquals("rw-------", perms(wal));
        assertEquals("rwx------", perms(logs));
        assertFalse(OwnerOnlyFiles.openToOthers(log));
        assertEquals(List.of(), OwnerOnlyFiles.secure(data, true), "nothing left to fix");
    }

    @Test
    void aLinkInTheDataFolder_doesNotMakeUsChangeTheFileItPointsTo() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("medcard"));
        Path elsewhere = Files.writeString(tmp.resolve("shared-readme.txt"), "for everyone");
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(data.resolve("readme"), elsewhere);

        OwnerOnlyFiles.secure(data, true);

        assertEquals("rw-r--r--", perms(elsewhere));
    }

    @Test
    void aMissingDataFolder_isCreatedOwnerOnly() throws Exception {
        Path data = tmp.resolve("new").resolve("medcard");
        OwnerOnlyFiles.secure(data, true);
        assertTrue(Files.isDirectory(data));
        assertEquals("rwx------", perms(data));
    }

    @Test
    void theWarningNamesTheFileAndWhatItWas() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("medcard"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path key = Files.write(data.resolve("terminal.key"), new byte[32]);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(OwnerOnlyFiles.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen = new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            OwnerOnlyFiles.secure(data, true);
            OwnerOnlyFiles.secure(data, true);
        } finally {
            logger.detachAppender(seen);
        }
        assertEquals(1, seen.list.size(), "warned once, then fixed");
        ch.qos.logback.classic.spi.ILoggingEvent e = seen.list.get(0);
        assertEquals(ch.qos.logback.classic.Level.WARN, e.getLevel());
        assertEquals(key + " was rw-r--r--: others on this computer could read it; made rw-------", e.getFormattedMessage());
    }
}
