package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The sale and card-session code is device- and UI-free: it reaches the card through {@code MedicalCard} and
 * the PSAM through {@code Psam}, never through PC/SC, the serial library or a toolkit; and it never writes to
 * the console or logs a PIN.
 */
class SaleLayeringTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "medcard", "terminal");

    private static List<String> offenders(String pkg, String... forbidden) throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    return Stream.of(forbidden).anyMatch(src::contains);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void saleAndSession_useNoDeviceLibraryNoToolkitNoConsole() throws IOException {
        String[] forbidden = {"javax.smartcardio", "com.fazecast", "java.awt", "javax.swing", "System.out", "System.err",
            "printStackTrace"};
        assertEquals(List.of(), offenders("sale", forbidden));
        assertEquals(List.of(), offenders("session", forbidden));
    }

    @Test
    void thePinIsNeverLoggedOrTurnedIntoAString() throws IOException {
        java.util.regex.Pattern pinInLog = java.util.regex.Pattern.compile("LOG\\.\\w+\\(.*[,(]\\s*pin\\s*[,)]");
        try (Stream<Path> files = Files.list(MAIN.resolve("sale"))) {
            List<String> bad = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    return src.lines().anyMatch(l -> pinInLog.matcher(l).find())
                            || src.contains("String.valueOf(pin") || src.contains("new String(pin");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of(), bad);
        }
    }
}
