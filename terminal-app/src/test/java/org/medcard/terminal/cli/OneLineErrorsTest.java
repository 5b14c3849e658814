package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.QueueStoreException;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * Issue 18, case 11: failures the red team saw as Java stack traces are one line with the next step, exit 1 (usage
 * errors keep exit 2); the stack trace goes only to the data folder's log.
 */
class OneLineErrorsTest {
    @TempDir
    Path dir;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private void assertOneLineWithoutTrace(String why) {
        String e = err.toString().trim();
        assertFalse(e.contains("\tat ") || e.contains("Exception"), why + ": no stack trace, no exception name: " + e);
        assertEquals(1, e.lines().filter(l -> !l.startsWith("warning") && !l.equals("TRAINING MODE")).count(), why + ": " + e);
    }

    @Test
    void twoProcessesOnOneDataFolder_saysItIsInUseAndWhatToDo_traceOnlyInTheLog() throws Exception {
        try (Terminal running = TrainingTerminals.open(dir, Map.of())) {
            assertEquals(1, run("", "queue", "list"));
            assertOneLineWithoutTrace("LOCKED");
            assertTrue(err.toString().contains("already open in another program"), err.toString());
            assertTrue(err.toString().contains("close it or let it finish, then try again"), err.toString());
            assertTrue(err.toString().contains("details: "), err.toString());
        }
        String log = Files.readString(dir.resolve("logs").resolve("medcard.log"));
        assertTrue(log.contains("QueueStoreException") && log.contains("\tat org.medcard"), "the trace is in the log: " + log);
    }

    @Test
    void aDataFolderThatIsAFile_saysSoInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertEquals(1, run("", "queue", "list", "--data-dir", file.toString()));
        assertOneLineWithoutTrace("data folder is a file");
        assertTrue(err.toString().contains("is a file, not a folder"), err.toString());
    }

    @Test
    void aConfigurationErrorOutsideConfigCheck_isOneLineNamingTheKeyAndTheFix() throws Exception {
        Files.writeString(dir.resolve("medcard.properties"), "offline.mode=SOMETIMES\n");
        assertEquals(1, run("", "queue", "list"));
        assertOneLineWithoutTrace("configuration");
        assertTrue(err.toString().contains("offline.mode: 'SOMETIMES' is not one of the allowed values") && err.toString().contains("STORE_AND_FORWARD"),
                err.toString());
    }

    @Test
    void aSaleWithAnEmptyItemList_isAUsageError() {
        assertEquals(2, run("", "sale", "--items", ""));
        assertTrue(err.toString().contains("--items names no item"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void aFullDisk_isOneLineSayingToFreeSpace() {
        String sqlite = CommandFailures.oneLine(new QueueStoreException(QueueStoreException.Reason.DISK_FULL,
                "writing the sale intent: the disk (or the configured size bound) is full; free space, then restart"));
        assertTrue(sqlite.contains("free space on the disk, then try again"), sqlite);
        String file = CommandFailures.oneLine(new UncheckedIOException("cannot write /mnt/usb/day.pdf",
                new IOException("No space left on device")));
        assertEquals("cannot write /mnt/usb/day.pdf — the disk is full: free space, then try again", file);
        String other = CommandFailures.oneLine(new IllegalStateException("boom\n\tat somewhere"));
        assertFalse(other.contains("\n"), other);
        assertTrue(other.endsWith("call a technician with the log"), other);
    }
}
