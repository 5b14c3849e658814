package org.medcard.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.SimulatorMain;
import org.medcard.simulator.card.CardFile;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import picocli.CommandLine;

class SimulatorMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CardProfile normal = CardProfiles.bundled().get("normal-3des");

    private int runWithInput(String stdin, String... args) {
        CommandLine cmd = SimulatorMain.commandLine(Clock.fixed(Instant.parse("2026-11-23T03:00:00Z"), ZoneOffset.UTC),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    @Test
    void profiles_listsEveryProfileWithItsDescription() {
        assertEquals(0, run("profiles"));
        for (CardProfile p : CardProfiles.bundled().all()) {
            assertTrue(out.toString().contains(p.profile() + " "), p.profile());
        }
        assertTrue(out.toString().contains("family mutual aid"));
    }

    @Test
    void cardShow_masksCardAndIdNumbers_andNeverPrintsThePin() {
        assertEquals(0, run("card", "show", "--profile", "normal-3des"));
        String text = out.toString();
        assertTrue(text.contains("110*************0001"), text);
        assertTrue(text.contains("110***********" + normal.psnCertNo().substring(14)), text);
        assertFalse(text.contains(normal.cardNo()));
        assertFalse(text.contains(normal.psnCertNo()));
        assertFalse(text.contains("123456"));
        assertTrue(text.contains("balance 1286.50 CNY (128650 fen)"), text);
    }

    @Test
    void cardShow_expiredProfile_saysSo() {
        assertEquals(0, run("card", "show", "--profile", "expired"));
        assertTrue(out.toString().contains("past its expiry date"));
    }

    @Test
    void cardNew_writesCardFile_thatCardShowReads_andRefusesToOverwrite(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("zhang.json");
        assertEquals(0, run("card", "new", "--profile", "normal-3des", "--card-file", file.toString()));
        assertEquals("normal-3des", CardFile.read(file).profile().profile());
        assertEquals(0, run("card", "show", "--card-file", file.toString()));
        assertTrue(out.toString().contains("offline counter 12"));
        assertEquals(1, run("card", "new", "--profile", "normal-sm4", "--card-file", file.toString()));
        assertTrue(err.toString().contains("--force"), err.toString());
        assertEquals(0, run("card", "new", "--profile", "normal-sm4", "--card-file", file.toString(), "--force"));
        assertEquals("normal-sm4", CardFile.read(file).profile().profile());
        assertTrue(Files.exists(file));
    }

    @Test
    void unknownProfile_exits1_withTheKnownNames() {
        assertEquals(1, run("card", "show", "--profile", "nobody"));
        assertTrue(err.toString().contains("normal-3des"), err.toString());
    }

    @Test
    void usageErrors_exit2() {
        assertEquals(2, run("card", "new", "--profile", "normal-3des"));
        assertEquals(2, run("no-such-command"));
        assertEquals(2, run());
        assertEquals(0, run("--help"));
    }

    @Test
    void console_insertTearShow_fromStdin() {
        String script = String.join("\n", "insert low-balance", "trace on", "apdu 00A4040009F04D4544434152440100",
                "apdu 0020000003123456", "tear next", "apdu 805C000204", "show", "bogus", "quit", "");
        assertEquals(0, runWithInput(script, "console"));
        String text = out.toString();
        assertTrue(text.contains("inserted card low-balance 110*************0013"), text);
        assertTrue(text.contains("> 0020000003 ******"), "PIN masked in the trace: " + text);
        assertTrue(text.contains("error: card torn out"), text);
        assertTrue(text.contains("slot 0: empty") || text.contains("card slot: empty"), text);
        assertTrue(text.contains("unknown command 'bogus'"), text);
    }
}
