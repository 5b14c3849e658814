package org.medcard.terminal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ExportMode;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.resettle.ResettleView;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.slf4j.LoggerFactory;

/**
 * One whole training-mode run with the APDU trace on (DEBUG), as a technician would run it to chase a fault:
 * card info and a sale through the CLI, then an online sale, an offline sale (center down) that is forwarded
 * later, a cash sale during a reader fault and its re-settlement, and a queue export. Afterwards the log file
 * the terminal wrote ({@code logs/medcard.log}), the CLI's output, the receipts' text and the masked export
 * are searched for the full card and ID numbers of the cards used — as decimal text, and as the hex a trace
 * would show (BCD and ASCII) — and every file in the data folder must be owner-only.
 */
class SecurityOfARunIT {

    private static final String METFORMIN = "XA10BAD003";
    private static final String AMOXICILLIN = "XJ01CAA001";

    @TempDir
    Path dir;

    private static Level rootLevel;

    @BeforeAll
    static void traceOn() {
        // The level a technician sets with -Dmedcard.log.level=DEBUG; set on the logger here (this IT runs in
        // its own JVM: failsafe reuseForks=false) instead of a JVM-wide system property.
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
    }

    @AfterAll
    static void traceOff() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
    }

    private String cli(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int code = MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + out + err);
        return out + "\n" + err;
    }

    @Test
    void aWholeRunWithTheTraceOn_leavesNoFullCardOrIdNumber_andOnlyOwnerOnlyFiles() throws Exception {
        CardProfiles profiles = CardProfiles.bundled();
        CardProfile zhang = profiles.get("normal-3des");
        StringBuilder shown = new StringBuilder();

        shown.append(cli("", "card", "info", "--sim-card", "normal-3des"));
        shown.append(cli("123456\n", "sale", "--items", AMOXICILLIN + ":1", "--pin-stdin", "--sim-card", "normal-3des"));

        Path maskedExport = dir.resolve("export-masked.jsonl");
        Path fullExport = dir.resolve("exports").resolve("export-full.jsonl");
        Files.createDirectories(fullExport.getParent());
        try (Terminal t = TrainingTerminals.open(dir, Map.of())) {
            var training = (SimulatorTrainingReader) t.devices().training().orElseThrow();
            training.present("normal-3des");
            SaleView online = SaleView.of(t, t.pharmacySale().withoutLoads().sell(sale(AMOXICILLIN + ":2")));
            assertEquals(SaleOutcome.Kind.SETTLED, online.kind(), online.message());
            receipt(shown, online);

            SimulatedCenter.of(t.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
            SaleView offline = SaleView.of(t, t.pharmacySale().withoutLoads().sell(sale(AMOXICILLIN + ":1")));
            assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, offline.kind(), offline.message());
            receipt(shown, offline);

            training.reader().slot(0).setUnplugged(true);
            SaleView cash = SaleView.of(t, t.pharmacySale().withoutLoads().sell(sale(METFORMIN + ":3").withIdNumber(zhang.psnCertNo())));
            assertEquals(SaleOutcome.Kind.CASH_RESETTLE, cash.kind(), cash.message());
            receipt(shown, cash);
            training.reader().slot(0).setUnplugged(false);

            SimulatedCenter.of(t.embeddedCenter().orElseThrow()).faults().clearAll();
            t.forwarder().orElseThrow().drainOnce();
            ResettleDesk desk = t.resettleDesk();
            desk.registerOpenEntries();
            assertEquals(1, desk.list(zhang.psnCertNo()).size());
            ResettleView r = ResettleView.of(t, desk.settle(cash.entryNo(), "cashier01", () -> "123456".toCharArray(), OptionalLong.empty())); // account share: PIN
            assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
            shown.append(r.message()).append('\n');

            t.queue().export(maskedExport, ExportMode.MASKED);
            t.queue().export(fullExport, ExportMode.FULL);
        }

        shown.append(cli("", "resettle", "list", "--id-number", zhang.psnCertNo()));
        shown.append(cli("", "queue", "list"));

        String log = Files.readString(dir.resolve("logs").resolve("medcard.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("DEBUG"), "the trace was on");
        assertTrue(log.lines().count() > 50, "a real trace, " + log.lines().count() + " lines");
        assertTrue(log.contains("110*************0001"), "the card is named, masked");
        String masked = Files.readString(maskedExport, StandardCharsets.UTF_8);
        assertTrue(masked.contains("110*************0001") || masked.contains("110***********"), masked);

        for (String number : List.of(zhang.cardNo(), zhang.psnCertNo())) {
            assertNoTraceOf(number, "log file", log);
            assertNoTraceOf(number, "CLI output and receipts", shown.toString());
            assertNoTraceOf(number, "masked export", masked);
        }
        assertTrue(Files.readString(fullExport).contains(zhang.cardNo()), "the FULL export is the one meant to carry numbers");

        assertEverythingOwnerOnly(dir);
    }

    private static SaleRequest sale(String item) {
        return SaleRequest.of(List.of(SaleItem.parse(item)), () -> "123456".toCharArray(), "cashier01");
    }

    private static void receipt(StringBuilder shown, SaleView o) {
        shown.append(o.message()).append('\n');
        o.receiptDocument().ifPresent(d -> shown.append(d.toSheet().plainText()).append('\n'));
    }

    /** Decimal text, BCD hex (what a card file holds) and ASCII hex, with any spacing a trace puts between bytes. */
    private static void assertNoTraceOf(String number, String where, String text) {
        String squeezed = text.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        String ascii = HexFormat.of().withUpperCase().formatHex(number.getBytes(StandardCharsets.US_ASCII));
        for (String form : List.of(number.toUpperCase(java.util.Locale.ROOT), ascii)) {
            int at = squeezed.indexOf(form);
            assertFalse(at >= 0, where + " holds " + form + " (for " + number.substring(0, 3) + "…): "
                    + (at >= 0 ? squeezed.substring(Math.max(0, at - 80), Math.min(squeezed.length(), at + form.length() + 20)) : ""));
        }
    }

    private static void assertEverythingOwnerOnly(Path dataDir) throws Exception {
        Assumptions.assumeTrue(OwnerOnlyFiles.posix(), "POSIX permissions (not on Windows)");
        List<String> wrong = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String want = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                seen.add(dataDir.relativize(p).toString());
                if (!perms.equals(want)) {
                    wrong.add(dataDir.relativize(p) + " " + perms);
                }
            }
        }
        assertTrue(seen.containsAll(List.of("terminal.db", "queue.db", "terminal.key", "logs", "logs/medcard.log",
                "export-masked.jsonl", "exports/export-full.jsonl")), seen.toString());
        assertEquals(List.of(), wrong, "not owner-only");
    }
}
