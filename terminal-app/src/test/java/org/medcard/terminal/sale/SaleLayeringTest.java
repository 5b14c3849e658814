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
 * The sale code never logs a PIN or turns it into a String. (That sale and session are device-, toolkit- and
 * console-free is an ArchUnit rule now: {@code architecture.HouseRulesTest}.)
 */
class SaleLayeringTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "medcard", "terminal");

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
