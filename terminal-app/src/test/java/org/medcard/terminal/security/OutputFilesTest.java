package org.medcard.terminal.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.present.counter.DeskReceiptOutput;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.receipt.pdf.PdfReceiptRenderer;
import org.medcard.terminal.receipt.print.OsPrinter;

/**
 * Issue 18, cases 2 and 8: output files are created new and owner-only in one call (never created readable and
 * fixed afterwards), replaced only when asked and then atomically, and never inside the data folder or over the
 * terminal's own files, however the path is spelt (a link, "..").
 */
class OutputFilesTest {
    @TempDir
    Path data;
    @TempDir
    Path outside;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private OutputFiles.Protected own(Path... files) {
        return new OutputFiles.Protected(data, List.of(files));
    }

    @Test
    void aNewFileIsOwnerOnlyWhileItIsStillBeingWritten() throws Exception {
        Assumptions.assumeTrue(OwnerOnlyFiles.posix());
        Path f = outside.resolve("receipts/sale.pdf");
        try (OutputStream o = OutputFiles.open(f, false)) {
            assertEquals("rw-------", mode(f), "from the moment it exists, not fixed afterwards");
            assertEquals("rwx------", mode(f.getParent()), "a folder made for it too");
            o.write(1);
        }
        assertEquals(1, Files.size(f));
    }

    @Test
    void anExistingFileIsNeverOverwrittenWithoutReplace_andWithReplaceItIsSwappedWhole() throws Exception {
        Path f = Files.writeString(outside.resolve("notes.txt"), "mine");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> OutputFiles.write(f, "x".getBytes(StandardCharsets.US_ASCII), false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--replace"), e.getMessage());
        assertEquals("mine", Files.readString(f));

        OutputFiles.write(f, "new".getBytes(StandardCharsets.US_ASCII), true);
        assertEquals("new", Files.readString(f));
        if (OwnerOnlyFiles.posix()) {
            assertEquals("rw-------", mode(f));
        }
        try (Stream<Path> s = Files.list(outside)) {
            assertEquals(List.of(f), s.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void aLinkPlantedAtTheOutputPath_isNotFollowed() throws Exception {
        Path key = Files.writeString(data.resolve("terminal.key"), "secret");
        Path link = Files.createSymbolicLink(outside.resolve("receipt.pdf"), key);
        assertThrows(OutputFiles.Refused.class, () -> OutputFiles.check(link, own(), false));
        assertThrows(UncheckedIOException.class, () -> OutputFiles.write(link, new byte[] {1}, false));
        assertEquals("secret", Files.readString(key));
    }

    @Test
    void theDataFolderIsRefusedHoweverThePathIsSpelt_andSoAreTheTerminalsOwnFiles() throws Exception {
        Path sub = Files.createDirectories(outside.resolve("sub"));
        Path viaDots = sub.resolve("..").resolve("..").resolve(data.getFileName()).resolve("queue.db");
        Path viaLink = Files.createSymbolicLink(outside.resolve("to-data"), data).resolve("terminal.db");
        for (Path p : List.of(data.resolve("queue.db"), data.resolve("new/file.pdf"), viaDots, viaLink)) {
            OutputFiles.Refused r = assertThrows(OutputFiles.Refused.class, () -> OutputFiles.check(p, own(), true), p.toString());
            assertTrue(r.getMessage().contains("inside the data folder"), r.getMessage());
        }
        Path config = Files.writeString(outside.resolve("medcard.properties"), "language=en\n");
        OutputFiles.Refused r = assertThrows(OutputFiles.Refused.class, () -> OutputFiles.check(config, own(config), true));
        assertTrue(r.getMessage().contains("one of the terminal's own files"), r.getMessage());
        assertThrows(OutputFiles.Refused.class, () -> OutputFiles.check(outside, own(), true), "a folder");
        OutputFiles.check(outside.resolve("fine.pdf"), own(config), false);
    }

    @Test
    void desktopF8_twiceOnOneReceipt_areTwoNewOwnerOnlyFiles() throws Exception {
        try (var terminal = TrainingTerminals.open(data, Map.of())) {
            DeskReceiptOutput f8 = new DeskReceiptOutput(terminal.receipts(), data.resolve("receipts"));
            var issued = f8.issue(SampleDocuments.sale(true));
            Path first = Path.of(f8.savePdf(issued));
            byte[] firstBytes = Files.readAllBytes(first);
            Path second = Path.of(f8.savePdf(issued));
            assertNotEquals(first, second);
            assertTrue(first.startsWith(data.resolve("receipts")) && second.startsWith(data.resolve("receipts")));
            assertEquals("%PDF", new String(firstBytes, 0, 4, StandardCharsets.US_ASCII));
            assertArrayEquals(firstBytes, Files.readAllBytes(first), "the first is not overwritten");
            if (OwnerOnlyFiles.posix()) {
                assertEquals("rw-------", mode(first));
                assertEquals("rw-------", mode(second));
            }
        }
    }
}
