package org.medcard.terminal.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15 ("terms vary: 收银员/收款员, 补结算/重新结算"): the Chinese texts use one word for one thing. Every
 * Simplified Chinese bundle, and the receipts' fixed bilingual labels (Java sources of {@code receipt}, which print
 * "最迟重新结算日" on the cash receipt the patient keeps), use the chosen term and never its variant.
 */
class OneTermEachTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path RECEIPTS = Path.of("src/main/java/org/medcard/terminal/receipt");

    @ParameterizedTest(name = "{1}, never {0}")
    @CsvSource({"收款员, 收银员", "补结算, 重新结算"})
    void chineseTextsUseOneTerm(String variant, String chosen) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> bundles = Files.walk(RESOURCES); Stream<Path> receipts = Files.walk(RECEIPTS)) {
            bundles.filter(p -> p.getFileName().toString().endsWith("_zh_CN.properties")).forEach(files::add);
            receipts.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        assertTrue(files.stream().filter(p -> p.toString().endsWith(".properties")).count() >= 10,
                "the zh bundles were found from " + RESOURCES.toAbsolutePath() + ": " + files);
        List<String> found = new ArrayList<>();
        int chosenUses = 0;
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(variant)) {
                    found.add(f.getFileName() + ":" + (i + 1) + " " + lines.get(i).strip());
                }
                if (lines.get(i).contains(chosen)) {
                    chosenUses++;
                }
            }
        }
        assertEquals(List.of(), found, variant + " where the texts say " + chosen);
        assertTrue(chosenUses >= 3, chosen + " is the term in use (" + chosenUses + " lines)");
    }
}
