package org.medcard.terminal.present;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.medcard.terminal.text.Texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every UI string exists in English and Simplified Chinese; patterns format; no fallback to the JVM's locale. */
class TextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"org/medcard/terminal/present/counter/counter", "org/medcard/terminal/present/signin/signin",
            "org/medcard/terminal/present/status/status", "org/medcard/terminal/ui/shell"})
    void bothLanguagesHaveTheSameKeys(String base) throws IOException {
        Properties en = load(base + ".properties");
        Properties zh = load(base + "_zh_CN.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), base);
    }

    @Test
    void englishIsEnglishEvenWhenTheJvmRunsInChinese() {
        // Surefire runs with -Duser.language=zh: the base bundle must still win for "en".
        assertEquals("Pharmacy counter", Texts.of("org.medcard.terminal.present.counter.counter", Locale.ENGLISH).text("title"));
        assertEquals("药店收银", Texts.of("org.medcard.terminal.present.counter.counter", Locale.SIMPLIFIED_CHINESE).text("title"));
    }

    @Test
    void patternsFormat_andMissingKeysShow() {
        Texts t = Texts.of("org.medcard.terminal.present.counter.counter", Locale.ENGLISH);
        assertEquals("Give change: ¥1.00", t.text("done.change", Texts.yuan(100)));
        assertEquals("!no.such.key!", t.text("no.such.key"));
        assertEquals("¥0.05", Texts.yuan(5));
        assertEquals("¥12345.60", Texts.yuan(1_234_560));
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
