package org.medcard.terminal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OfflineMode;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private ConfigLoader loader() {
        return new ConfigLoader(dir.resolve("data"));
    }

    @Test
    void noFileMeansTrainingModeWithSimulatorSoftPsamAndEmbeddedCenter() {
        ConfigLoader.Loaded loaded = loader().load(dir.resolve("absent.properties"), Map.of());
        TerminalConfig c = loaded.config();
        assertTrue(c.trainingMode());
        assertEquals(DeviceChoice.Kind.SIMULATOR, c.reader().kind());
        assertNull(c.centerUrl());
        assertEquals(OfflineLimitsConfig.DEFAULTS, c.offlineLimits());
        assertEquals(90, c.resettleMaxDays());
        assertEquals(dir.resolve("data"), c.dataDir());
        assertTrue(loaded.warnings().isEmpty());
    }

    @Test
    void R11_offlineLimitDefaultsAreTheBusinessRuleFigures() {
        OfflineLimitsConfig d = OfflineLimitsConfig.DEFAULTS;
        assertEquals(50_000, d.perSaleFen());
        assertEquals(100_000, d.perCardPerDayFen());
        assertEquals(2_000_000, d.terminalTotalFen());
        assertEquals(Duration.ofHours(72), d.oldestRecordAge());
    }

    @Test
    void aCompleteProductionFileIsReadExactly() throws Exception {
        Path trust = trustStoreWithOneJdkCa(dir.resolve("trust.p12"));
        Path file = write("institution.code=H44030400007\n"
                + "institution.name=深圳市第二人民医院\n"
                + "institution.region=440304\n"
                + "institution.kind=HOSPITAL\n"
                + "terminal.number=07\n"
                + "reader=pcsc:ACS ACR39U ICC Reader 00 00\n"
                + "psam=pcsc:ACS ACR39U ICC Reader [SAM] 01 00\n"
                + "center.url=https://center.example:8443\n"
                + "center.truststore=" + trust + "\n"
                + "offline.mode=CASH_RESETTLE\n"
                + "offline.limit.per_sale=300.50\n"
                + "pin.exempt_below=50\n"
                + "language=en\n");
        TerminalConfig c = loader().load(file, Map.of()).config();
        assertFalse(c.trainingMode());
        assertEquals("深圳市第二人民医院", c.institutionName());
        assertEquals(TerminalKind.HOSPITAL, c.kind());
        assertEquals(new DeviceChoice(DeviceChoice.Kind.PCSC, "ACS ACR39U ICC Reader 00 00"), c.reader());
        assertEquals(URI.create("https://center.example:8443"), c.centerUrl());
        assertEquals(OfflineMode.CASH_RESETTLE, c.offlineMode());
        assertEquals(30_050, c.offlineLimits().perSaleFen());
        assertEquals(5_000, c.pinExemptBelowFen());
        assertEquals(Locale.ENGLISH, c.language());
        assertEquals(trust, c.trustStore());
    }

    @Test
    void everyBadValueIsReportedWithItsKeyAndFix() throws IOException {
        Path file = write("institution.code=12\nterminal.number=1\nreader=usb\noffline.limit.per_sale=12.345\n"
                + "resettle.max_days=-3\ncenter.url=http://center.example\nlanguage=fr\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load(file, Map.of()));
        List<String> keys = e.problems().stream().map(ConfigException.Problem::key).collect(Collectors.toList());
        assertEquals(List.of("institution.code", "terminal.number", "reader", "center.url", "offline.limit.per_sale",
                "resettle.max_days", "language"), keys);
        assertTrue(e.getMessage().contains("plain http to center.example is not allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("more than two decimals"), e.getMessage());
    }

    @Test
    void plainHttpIsAllowedToLoopbackOnly() throws IOException {
        Path file = write("center.url=http://127.0.0.1:18080\n");
        assertEquals(URI.create("http://127.0.0.1:18080"), loader().load(file, Map.of()).config().centerUrl());
    }

    @Test
    void unknownKeysAreWarnedAboutNotFatal() throws IOException {
        Path file = write("institution.name=Test\nprinter.width=80\n");
        ConfigLoader.Loaded loaded = loader().load(file, Map.of());
        assertEquals(1, loaded.warnings().size());
        assertTrue(loaded.warnings().get(0).contains("printer.width"));
    }

    @Test
    void commandLineOverridesWinOverTheFile() throws IOException {
        Path file = write("reader=pcsc:Some Reader\n");
        TerminalConfig c = loader().load(file, Map.of("reader", "serial:/dev/ttyUSB0")).config();
        assertEquals(new DeviceChoice(DeviceChoice.Kind.SERIAL, "/dev/ttyUSB0"), c.reader());
    }

    @Test
    void softPsamIsTrainingModeAndOnlyForThePsam() throws IOException {
        assertTrue(new DeviceChoice(DeviceChoice.Kind.SOFT_PSAM, "/k").isTraining());
        Path file = write("reader=soft:/keys\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load(file, Map.of()));
        assertEquals("reader", e.problems().get(0).key());
    }

    @Test
    void userDataDirFollowsTheOperatingSystem() {
        Path home = Path.of("/home/cashier");
        assertEquals(Path.of("/home/cashier/.local/share/medcard"), ConfigLoader.userDataDir(Map.of(), "Linux", home));
        assertEquals(Path.of("/xdg/medcard"), ConfigLoader.userDataDir(Map.of("XDG_DATA_HOME", "/xdg"), "Linux", home));
        assertEquals(Path.of("C:/Users/c/AppData/Roaming", "MedCard"),
                ConfigLoader.userDataDir(Map.of("APPDATA", "C:/Users/c/AppData/Roaming"), "Windows 11", home));
    }

    @Test
    void moneyIsParsedToFenExactly() {
        assertEquals(50_000, Money.parseYuan("500.00"));
        assertEquals(100_000, Money.parseYuan("1000"));
        assertEquals(1, Money.parseYuan("0.01"));
        assertEquals("20000.00", Money.formatYuan(2_000_000));
        assertThrows(NumberFormatException.class, () -> Money.parseYuan("0.001"));
        assertThrows(NumberFormatException.class, () -> Money.parseYuan("-1"));
        assertThrows(NumberFormatException.class, () -> Money.parseYuan("abc"));
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("medcard.properties"), content, StandardCharsets.UTF_8);
    }

    /** A real PKCS#12 trust store (the password is empty) holding one CA certificate copied from the JDK's cacerts. */
    static Path trustStoreWithOneJdkCa(Path file) throws Exception {
        java.security.KeyStore jdk = java.security.KeyStore.getInstance(
                Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(), (char[]) null);
        String alias = jdk.aliases().nextElement();
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry(alias, jdk.getCertificate(alias));
        try (var out = Files.newOutputStream(file)) {
            ks.store(out, new char[0]);
        }
        return file;
    }
}
