package org.medcard.terminal.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The receipt layer's dependencies, checked on the sources: documents and sheets know no output technology,
 * only {@code print} touches AWT, only {@code escpos} touches jSerialComm, and nothing writes to the console.
 */
class ReceiptLayeringTest {

    private static final Path ROOT = Path.of("src", "main", "java", "org", "medcard", "terminal", "receipt");

    private static List<String> offenders(String subPackage, boolean recursive, String... forbidden) throws IOException {
        Path dir = subPackage.isEmpty() ? ROOT : ROOT.resolve(subPackage);
        try (Stream<Path> files = recursive ? Files.walk(dir) : Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    return Stream.of(forbidden).anyMatch(src::contains);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(p -> ROOT.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void documentsAndSheets_knowNoOutputTechnology() throws IOException {
        assertEquals(List.of(), offenders("", false, "org.apache.pdfbox", "java.awt", "com.fazecast", ".escpos.", ".pdf.", ".print."));
        assertEquals(List.of(), offenders("sheet", true, "org.apache.pdfbox", "java.awt", "com.fazecast", "import org.medcard.terminal.receipt.R"));
    }

    @Test
    void onlyThePrintPackageUsesAwt_onlyEscPosUsesTheSerialLibrary() throws IOException {
        assertEquals(List.of(), offenders("pdf", true, "java.awt", "javax.swing", "com.fazecast"));
        assertEquals(List.of(), offenders("escpos", true, "java.awt", "javax.swing", "org.apache.pdfbox"));
        assertEquals(List.of(), offenders("print", true, "javax.swing", "com.fazecast"));
    }

    @Test
    void noConsoleOutputOrStackTraces() throws IOException {
        assertEquals(List.of(), offenders("", true, "System.out", "System.err", "printStackTrace"));
    }
}
