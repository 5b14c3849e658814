package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.CjkFonts;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * {@code medcard simulator …}: the simulator's technician tool inside the terminal's jar, and the commissioning
 * checklist run in training mode against this installation's configuration, its signed-off PDF report read back.
 */
class TechnicianCommandsIT {

    /** Chinese on the PDF is checked when receipts can print it (always under medcard.requireSystemParts). */
    private static final boolean CJK_FONT = CjkFonts.assertChineseOnReceipts();

    @TempDir
    Path dir;
    /** Where output files go: never the data folder (issue 18: only the stores write there). */
    @TempDir
    Path outside;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        TerminalEnvironment env = new TerminalEnvironment(dir, TrainingTerminals.CLOCK, new ByteArrayInputStream(new byte[0]));
        return MedcardCli.create(env, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void simulatorProfiles_fromTheTerminalJar() {
        assertEquals(0, run("simulator", "profiles"), err.toString());
        assertTrue(out.toString().contains("normal-3des"), out.toString());
        assertTrue(out.toString().contains("rare-name"), out.toString());
    }

    @Test
    void simulatorHelp_listsTheTechnicianCommandsAndCommission() {
        assertEquals(0, run("simulator", "--help"), err.toString());
        for (String command : new String[] {"profiles", "card", "console", "vpcd", "serial", "center", "commission"}) {
            assertTrue(out.toString().contains(command), command + " in: " + out);
        }
    }

    @Test
    void commission_inTrainingMode_everyCheckPasses_signedOffReportReadBack() throws Exception {
        Files.writeString(dir.resolve("medcard.properties"), "institution.name=Kangning Pharmacy\nterminal.number=07\n",
                StandardCharsets.UTF_8);
        Path report = outside.resolve("commissioning.pdf");

        int code = run("simulator", "commission", "--technician", "Li Gong", "--report", report.toString());

        assertEquals(0, code, out + "\n" + err);
        String text = out.toString();
        assertTrue(text.contains("verdict: PASS (14/14)"), text);
        for (String check : new String[] {"Reader and PSAM found", "Normal sale", "Refused: frozen", "Refused: lost",
            "Refused: cancelled-abroad", "Refused: not-activated", "Refused: expired", "Refused: blocked", "Refused: pin-blocked",
            "Center down → offline → forwarded", "Reader fault → cash → re-settled", "Void", "Day close"}) {
            assertTrue(text.contains("PASS") && text.contains(check), check + " in: " + text);
        }
        assertFalse(text.contains("FAIL"), text);

        String pdf;
        try (PDDocument doc = Loader.loadPDF(report.toFile())) {
            pdf = new PDFTextStripper().getText(doc);
        }
        assertTrue(pdf.contains("Commissioning report"), pdf);
        assertTrue(pdf.contains("Kangning Pharmacy"), "the installation's own name: " + pdf);
        assertTrue(pdf.contains("T07"), "the installation's terminal number: " + pdf);
        assertTrue(pdf.contains("Li Gong"), "technician: " + pdf);
        assertTrue(pdf.contains("2026-11-23 10:15:00"), "the date of the run: " + pdf);
        assertTrue(pdf.contains("TRAINING MODE"), pdf);
        assertTrue(pdf.contains("(14/14)"), pdf);
        assertTrue(pdf.contains("Sign-off") && pdf.contains("For the institution"), pdf);
        if (CJK_FONT) {
            assertTrue(pdf.contains("通过"), pdf);
        }
        assertTrue(Files.notExists(dir.resolve("queue.db")), "the installation's own queue is untouched (scratch folder used)");
    }

    @Test
    void commission_refusesAProductionInstallation_usage2() throws Exception {
        Files.writeString(dir.resolve("medcard.properties"), "reader=pcsc:ACS ACR39U\npsam=pcsc:ACS ACR39U 01\n"
                + "center.url=https://center.example:8443\n", StandardCharsets.UTF_8);
        assertEquals(2, run("simulator", "commission", "--technician", "Li Gong", "--report", outside.resolve("r.pdf").toString()));
        assertTrue(err.toString().contains("not in training mode"), err.toString());
    }
}
