package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18, cases 2 and 8: an export is a new owner-only file; it replaces one only when asked, atomically. */
class ExportOutputFileTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    @Test
    void anExistingFileIsNotOverwritten_unlessReplaceIsAsked() throws Exception {
        Path live = dir.resolve("queue.db");
        Path victim = dir.resolve("precious.jsonl");
        byte[] before = "keep me".getBytes(StandardCharsets.UTF_8);
        Files.write(victim, before);
        try (OfflineQueue q = QueueFixtures.open(live, clock)) {
            QueueFixtures.offlineDebit(q, 1, 1, 100);
            QueueStoreException e = assertThrows(QueueStoreException.class, () -> q.export(victim, ExportMode.MASKED, false));
            assertTrue(e.getMessage().contains(victim.toString()), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(victim));
            QueueStoreException live2 = assertThrows(QueueStoreException.class, () -> q.export(live, ExportMode.MASKED, false));
            assertTrue(live2.getMessage().contains("exporting"), live2.getMessage());
            assertTrue(q.verify().clean(), "the live queue is untouched");

            q.export(victim, ExportMode.MASKED, true);
            assertTrue(Files.readString(victim).startsWith("{\"type\":\"header\""));
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().endsWith(".part")).count(), "no temporary file left");
        }
    }

    @Test
    void aNewExportIsOwnerOnlyFromTheStart() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path out = dir.resolve("export.jsonl");
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("queue.db"), clock)) {
            q.export(out, ExportMode.FULL, false);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
}
