package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * Issue 18, cases 2 and 8: no output option writes over the terminal's own files or anything in the data folder
 * ({@code queue export --out D/queue.db} used to replace the live queue, {@code --out D/terminal.key} the HMAC key,
 * {@code sale --receipt D/queue.db} debited the card and then corrupted the queue, {@code day-close --pdf D/terminal.db}
 * destroyed the audit log); output files are new, owner-only from creation, and replaced only with {@code --replace}.
 * Each refusal is one line with the next step, before anything happens (no card is debited).
 */
class NoOutputOverTheTerminalsFilesIT {
    @TempDir
    Path dir;
    @TempDir
    Path outside;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @BeforeEach
    void aDataFolderWithAQueuedOfflineDebit() {
        assertEquals(0, run("", "queue", "list"), err.toString());
        assertEquals(0, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin", "--offline"), err.toString());
    }

    /** Every file of the data folder, with its bytes. */
    private Map<Path, byte[]> snapshot() throws Exception {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().contains("logs")).sorted().toList()) {
                if (!p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")) {
                    files.put(p, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    @Test
    void noOutputOptionCanOverwriteAnythingInTheDataFolder() throws Exception {
        Map<Path, byte[]> before = snapshot();
        List<String> terminalFiles = List.of("queue.db", "terminal.db", "terminal.key", "terminal.id", DataFolderFile.NAME);
        for (String name : terminalFiles) {
            String target = dir.resolve(name).toString();
            for (String[] cmd : List.of(
                    new String[] {"queue", "export", "--out", target},
                    new String[] {"queue", "export", "--out", target, "--full", "--replace"},
                    new String[] {"day-close", "--pdf", target, "--replace"},
                    new String[] {"day-close", "--receipt", target},
                    new String[] {"receipt", "reprint", "1", "--receipt", target, "--replace"})) {
                assertEquals(1, run("", cmd), String.join(" ", cmd) + ": " + out + err);
                String e = err.toString().trim();
                assertTrue(e.contains("is inside the data folder") && e.contains("give a path outside it"), e);
                assertEquals(1, e.lines().filter(l -> !l.startsWith("warning")).count(), "one line: " + e);
            }
        }
        assertEquals(1, run("", "queue", "export", "--out", dir.resolve("new-export.jsonl").toString()));
        assertFalse(Files.exists(dir.resolve("new-export.jsonl")), "not even a new file in the data folder");

        Map<Path, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        for (Path p : before.keySet()) {
            if (!p.getFileName().toString().endsWith(".db")) { // SQLite may checkpoint; the queue is checked below
                assertArrayEquals(before.get(p), after.get(p), p.toString());
            }
        }
        assertEquals(0, run("", "queue", "verify"), out.toString());
        assertEquals(0, run("", "queue", "list", "--json"), err.toString());
        assertTrue(out.toString().contains("\"queued_debits\":1"), out.toString());
    }

    @Test
    void aSaleWhoseReceiptWouldOverwriteTheQueue_isRefusedBeforeTheCardIsDebited() throws Exception {
        assertEquals(1, run("123456\n", "sale", "--items", "XJ01CAA001:1", "--pin-stdin", "--offline",
                "--receipt", dir.resolve("queue.db").toString()));
        assertTrue(err.toString().contains("is inside the data folder"), err.toString());
        assertFalse(out.toString().contains("OFFLINE_DEBITED"), "no sale was made: " + out);
        assertEquals(0, run("", "queue", "list", "--json"));
        assertTrue(out.toString().contains("\"queued_debits\":1"), "still only the first sale: " + out);
        assertEquals(0, run("", "queue", "verify"));
    }

    @Test
    void theConfigurationFileIsNotAnOutputEither() throws Exception {
        Path config = outside.resolve("medcard.properties");
        Files.writeString(config, "language=en\n");
        assertEquals(1, run("", "queue", "export", "--config", config.toString(), "--out", config.toString(), "--replace"));
        assertTrue(err.toString().contains("is one of the terminal's own files"), err.toString());
        assertEquals("language=en\n", Files.readString(config));
    }

    @Test
    void anExistingFileIsReplacedOnlyWithReplace_andEveryOutputIsOwnerOnlyFromCreation() throws Exception {
        Path export = outside.resolve("export.jsonl");
        Files.writeString(export, "somebody's notes");
        assertEquals(1, run("", "queue", "export", "--out", export.toString()));
        assertTrue(err.toString().contains("already exists") && err.toString().contains("--replace"), err.toString());
        assertEquals("somebody's notes", Files.readString(export));
        assertEquals(0, run("", "queue", "export", "--out", export.toString(), "--replace"), err.toString());
        assertTrue(Files.readString(export).startsWith("{\"type\":\"header\""));

        Path pdf = outside.resolve("new/folder/day.pdf");
        Path receipt = outside.resolve("day-receipt.pdf");
        run("", "day-close", "--pdf", pdf.toString(), "--receipt", receipt.toString()); // exit follows the reconciliation
        assertFalse(err.toString().contains("refused") || err.toString().contains("not saved"), err.toString());
        assertTrue(Files.size(pdf) > 0 && Files.size(receipt) > 0);
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        for (Path p : List.of(export, pdf, receipt)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf.getParent())));
        try (Stream<Path> s = Files.list(outside)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    /** The data folder's record of its purpose is one of its files too. */
    private static final class DataFolderFile {
        static final String NAME = org.medcard.terminal.config.DataFolderPurpose.FILE;
    }
}
