package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The card client, PSAM and TLV code stay free of hardware APIs (they run against any transport). */
class ProtocolCoreIndependenceTest {

    @Test
    void coreSourcesImportNeitherSmartcardioNorJSerialComm() throws IOException {
        Path main = Path.of("src", "main", "java", "org", "medcard");
        assertTrue(Files.isDirectory(main), "run from the card-protocol module: " + main.toAbsolutePath());
        List<String> offenders;
        try (Stream<Path> files = Stream.of("card", "psam", "tlv", "crypto", "apdu").map(main::resolve)
                .flatMap(ProtocolCoreIndependenceTest::walk)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(ProtocolCoreIndependenceTest::importsHardware)
                    .map(Path::toString).collect(Collectors.toList());
        }
        assertEquals(List.of(), offenders);
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean importsHardware(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("import javax.smartcardio") || text.contains("import com.fazecast");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
