package org.medcard.terminal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18 cases 6 and 12 (configuration): amounts with a comma or an exponent, duplicate keys, limits that
 * contradict each other, impossible ports and an unknown institution kind are each said plainly.
 */
class ConfigValuesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"500,00", "1,5", "20.000,00", "1,000", "1e3", "1E3", "5 00", "+5", "500.", ".5", "0x10"})
    void amountsWithACommaAnExponentOrASeparator_areRefusedWithAClearMessage(String amount) throws IOException {
        Path file = write("offline.limit.per_sale=" + amount + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(file));
        assertEquals(List.of("offline.limit.per_sale"), keys(e));
        String said = e.problems().get(0).problem();
        assertTrue(said.contains("'" + amount + "'") && (said.contains("'.' as the decimal separator")
                || said.contains("not an amount in yuan")), said);
    }

    @Test
    void amountsWithThePointAsDecimalSeparator_areExact() {
        assertEquals(50_000, Money.parseYuan("500.00"));
        assertEquals(50_000, Money.parseYuan("500"));
        assertEquals(150, Money.parseYuan("1.5"));
        assertEquals(2_000_000, Money.parseYuan("20000.00"));
        assertEquals(50_050, Money.parseYuan("¥500.5"));
    }

    @Test
    void aKeyWrittenTwice_isAnError_notTheLastValueSilently() throws IOException {
        Path file = write("offline.limit.per_sale=100.00\nterminal.number=02\noffline.limit.per_sale=900.00\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(file));
        assertEquals(List.of("offline.limit.per_sale"), keys(e));
        assertTrue(e.getMessage().contains("offline.limit.per_sale: is written more than once"), e.getMessage());
    }

    @Test
    void perSaleAbovePerCardPerDay_isWarnedAbout() throws IOException {
        Path file = write("offline.limit.per_sale=800.00\noffline.limit.per_card_per_day=500.00\n");
        ConfigLoader.Loaded loaded = load(file);
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.startsWith("offline.limit.per_sale (800.00) is above"
                + " offline.limit.per_card_per_day (500.00)")), loaded.warnings().toString());
        assertTrue(load(write("offline.limit.per_sale=500.00\n")).warnings().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:99999", "https://center.example:0/", "https://center.example:8443/?x=1",
            "https://user@center.example:8443/"})
    void centerUrlsThatCannotBeUsed_failConfigCheck(String url) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(write("center.url=" + url + "\n")));
        assertEquals(List.of("center.url"), keys(e));
    }

    @Test
    void port99999_isNamed() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(write("center.url=http://127.0.0.1:99999\n")));
        assertTrue(e.getMessage().contains("port 99999 does not exist (ports are 1 to 65535)"), e.getMessage());
    }

    @Test
    void institutionKindClinic_listsTheAllowedValues_notAJavaEnumMessage() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(write("institution.kind=CLINIC\n")));
        assertEquals("institution.kind: 'CLINIC' is not one of the allowed values PHARMACY, HOSPITAL — write one of"
                + " PHARMACY, HOSPITAL", e.problems().get(0).toString());
        assertTrue(!e.getMessage().contains("No enum constant"), e.getMessage());
        assertEquals(TerminalKind.HOSPITAL, load(write("institution.kind=hospital\n")).config().kind());
    }

    private ConfigLoader.Loaded load(Path file) {
        return new ConfigLoader(dir.resolve("data")).load(file, Map.of());
    }

    private static List<String> keys(ConfigException e) {
        return e.problems().stream().map(ConfigException.Problem::key).toList();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("medcard.properties"), content, StandardCharsets.UTF_8);
    }
}
