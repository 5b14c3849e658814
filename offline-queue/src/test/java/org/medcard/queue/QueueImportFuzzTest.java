package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the queue import on arbitrary JSON Lines files (docs/fuzzing.md). Contract:
 * {@link OfflineQueue#importFrom} either opens a queue whose chain verifies, or throws
 * {@link QueueStoreException} (nothing else) and leaves nothing behind: no target file, no {@code .importing}
 * file, no WAL or shared-memory file.
 */
class QueueImportFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:15:02Z"), ZoneOffset.UTC);

    @FuzzTest(maxDuration = "1m")
    void anyExportFile_importsAVerifiedQueueOrIsRefusedLeavingNothing(byte[] exportBytes) throws IOException {
        Path dir = Files.createTempDirectory("medcard-import-fuzz");
        try {
            Path export = dir.resolve("queue.jsonl");
            Files.write(export, exportBytes);
            Path target = dir.resolve("new.db");
            try (OfflineQueue q = OfflineQueue.importFrom(export, target, QueueFixtures.roomySettings(), QueueFixtures.key(), CLOCK)) {
                assertTrue(q.tamperReport().clean(), () -> "an imported queue verifies: " + q.tamperReport().findings());
                return;
            } catch (QueueStoreException refused) {
                assertFalse(Files.exists(target), "a refused import leaves no target file: " + refused.getMessage());
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(export), left.toList(), "a refused import leaves no file behind");
            }
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
