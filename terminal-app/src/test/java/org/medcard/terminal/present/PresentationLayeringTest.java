package org.medcard.terminal.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every string of the presentation models' bundles exists in English and Simplified Chinese. (That they stay
 * toolkit- and device-free is an ArchUnit rule now: {@code architecture.HouseRulesTest}.)
 */
class PresentationLayeringTest {

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
