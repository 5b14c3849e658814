package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.CjkFonts;
import org.medcard.terminal.config.TerminalEnvironment;

class ConfigCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MedcardCli.create(new TerminalEnvironment(dir), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void withNoFileTheCheckPassesInTrainingMode() {
        assertEquals(0, run("config", "check"));
        assertTrue(out.toString().contains("TRAINING MODE"), out.toString());
        assertTrue(out.toString().contains("embedded simulated center"));
    }

    @Test
    void theCheckSaysWhichFontReceiptsUse_orThatChineseWillNotPrint() {
        assertEquals(0, run("config", "check"));
        String expected = CjkFonts.forReceipts() ? "receipts:      receipt font: /"
                : "receipts:      no Chinese (CJK) TrueType font found: Chinese will not print on receipts";
        assertTrue(out.toString().contains(expected), out.toString());
    }

    @Test
    void aBadFileExitsOneNamingTheKeyAndTheFix() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.properties"), "offline.limit.per_sale=lots\n");
        assertEquals(1, run("config", "check", "--config", file.toString()));
        assertTrue(err.toString().contains("offline.limit.per_sale"), err.toString());
        assertTrue(err.toString().contains("e.g. 500.00"), err.toString());
    }

    @Test
    void commandLineOptionsOverrideTheFile() throws IOException {
        Files.writeString(dir.resolve("medcard.properties"), "reader=pcsc:Reader A\n");
        assertEquals(0, run("config", "check", "--reader", "serial:/dev/ttyUSB0", "--center", "http://127.0.0.1:9000"));
        assertTrue(out.toString().contains("reader:        serial:/dev/ttyUSB0"), out.toString());
        assertTrue(out.toString().contains("center TLS:    the JDK's CAs"), out.toString());
        assertTrue(out.toString().contains("http://127.0.0.1:9000"));
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        assertEquals(2, run("config", "check", "--no-such-option"));
    }

    @Test
    void checkJson_printsTheValuesInForce() throws Exception {
        assertEquals(0, run("config", "check", "--json"), err.toString());
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertTrue(n.get("ok").asBoolean());
        assertEquals("PHARMACY", n.get("kind").asText());
        assertEquals("embedded", n.get("center").asText());
        assertEquals(50_000, n.get("offline_per_sale_fen").asLong(), "500.00 yuan in fen");
        assertEquals(72, n.get("offline_oldest_hours").asLong());
        assertTrue(n.get("training_mode").asBoolean());
    }
}
