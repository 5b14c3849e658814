package org.medcard.terminal.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The presentation models stay toolkit- and device-free (conventions 14 and 15): no Swing or AWT, no PC/SC or
 * serial library, no console; and every string of their bundles exists in English and Simplified Chinese.
 */
class PresentationLayeringTest {

    private static final Path MAIN = Path.of("src", "main", "java", "org", "medcard", "terminal", "present");

    @ParameterizedTest
    @ValueSource(strings = {"queue", "registration", "supervisor"})
    void presentationModelsUseNoToolkitNoDeviceLibraryNoConsole(String pkg) throws IOException {
        String[] forbidden = {"javax.swing", "java.awt", "javax.smartcardio", "com.fazecast", "org.medcard.transport",
            "System.out", "System.err", "printStackTrace"};
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            List<String> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    return Stream.of(forbidden).anyMatch(src::contains);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue", "registration", "supervisor"})
    void everyStringIsTranslated(String pkg) throws IOException {
        Set<String> en = keys("/org/medcard/terminal/present/" + pkg + "/texts.properties");
        Set<String> zh = keys("/org/medcard/terminal/present/" + pkg + "/texts_zh_CN.properties");
        assertEquals(en, zh);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = PresentationLayeringTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        p.forEach((k, v) -> {
            if (v.toString().isBlank()) {
                throw new AssertionError(resource + ": " + k + " is empty");
            }
        });
        return new TreeSet<>(p.stringPropertyNames());
    }
}
