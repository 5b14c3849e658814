package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.SaleIntent;
import org.medcard.queue.SaleTicket;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.DataFolderPurpose;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.config.TerminalEnvironment;

/**
 * Issue 18, case 1: a missing configuration file sent the real queue to the simulated center. A data folder now
 * remembers what it was set up for; a start in another mode, with no configuration on production data, or with a
 * {@code --config} naming no file is refused in one line; and the embedded center never gets what was queued for
 * another center. The production folder here has real-reader configuration (no reader needed: nothing is read)
 * and a center on loopback that is not running — the debit is queued offline, as in the red-team run.
 */
class TrainingOnlyWhereChosenTest {
    private static final String CENTER = "http://127.0.0.1:18300";

    @TempDir
    Path tmp;
    Path data;
    Path prodConfig;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void productionFolderWithAQueuedOfflineDebit() throws Exception {
        data = tmp.resolve("data");
        prodConfig = tmp.resolve("prod.properties");
        Files.writeString(prodConfig, "reader=pcsc:Counter Reader 00\npsam=pcsc:PSAM Reader 01\ncenter.url=" + CENTER + "\n",
                StandardCharsets.UTF_8);
        assertEquals(0, run("queue", "list", "--config", prodConfig.toString(), "--data-dir", data.toString()), err.toString());
        try (Terminal t = production(true)) {
            SaleTicket ticket = t.queue().beginSale(SaleIntent.offline("10000000000000000007", id("11010519491231001"), 7, 1_250, 0,
                    "[{\"code\":\"XJ01CAA001\",\"qty\":1,\"price\":1250}]"));
            t.queue().recordCardDebit(ticket.saleId(), "0A0B0C0D");
            assertEquals(1, t.queue().summary().queuedDebits());
        }
    }

    private Terminal production(boolean offline) {
        TerminalConfig c = new ConfigLoader(data).load(prodConfig, Map.of("data.dir", data.toString())).config();
        return new Terminal(c, TrainingTerminals.CLOCK, new Terminal.Options(offline, false, "cashier01"));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return MedcardCli.create(new TerminalEnvironment(tmp.resolve("default-app-data"), TrainingTerminals.CLOCK,
                java.io.InputStream.nullInputStream()), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void theFolderRecordsItsCenterAndInstitution() throws Exception {
        String marker = Files.readString(data.resolve(DataFolderPurpose.FILE));
        assertTrue(marker.contains("purpose=production"), marker);
        assertTrue(marker.contains("center.url=" + CENTER), marker);
        assertTrue(marker.contains("institution.code=P11010100001"), marker);
    }

    @Test
    void forwardWithAConfigNamingNoFile_refusesInOneLine_andNothingLeavesTheQueue() {
        Path typo = tmp.resolve("typo.properties");
        int code = run("queue", "forward", "--config", typo.toString(), "--data-dir", data.toString());

        assertEquals(1, code);
        String e = err.toString().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("there is no file " + typo.toAbsolutePath()), e);
        assertTrue(e.contains("leave --config out"), "the next step: " + e);
        assertFalse(out.toString().contains("DONE"), out.toString());
        assertFalse(e.contains("TRAINING MODE"), "nothing was started: " + e);
        assertQueuedDebits(1);
    }

    @Test
    void noConfigurationOnAProductionFolder_refusesToStartInTrainingMode() {
        int code = run("queue", "forward", "--data-dir", data.toString());

        assertEquals(1, code);
        String e = err.toString().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.contains("holds production data (production for center " + CENTER + ", institution P11010100001)"), e);
        assertTrue(e.contains("there is no configuration file"), e);
        assertTrue(e.contains("give the production configuration (--config FILE)"), e);
        assertFalse(Files.exists(data.resolve("center.db")), "the embedded center was never started");
        assertQueuedDebits(1);
    }

    @Test
    void aTrainingConfiguration_anotherCenter_orAnotherInstitution_areRefused() throws Exception {
        assertEquals(1, run("queue", "list", "--data-dir", data.toString(), "--config", prodConfig.toString(), "--center", "embedded"));
        assertTrue(err.toString().contains("the configuration is TRAINING MODE"), err.toString());

        assertEquals(1, run("queue", "list", "--data-dir", data.toString(), "--config", prodConfig.toString(),
                "--center", "http://127.0.0.1:18399/"));
        assertTrue(err.toString().contains("was set up for center " + CENTER), err.toString());

        Path otherInstitution = tmp.resolve("other.properties");
        Files.writeString(otherInstitution, Files.readString(prodConfig) + "institution.code=P11010100002\n");
        assertEquals(1, run("queue", "list", "--data-dir", data.toString(), "--config", otherInstitution.toString()));
        assertTrue(err.toString().contains("institution P11010100002"), err.toString());

        assertEquals(1, run("config", "check", "--data-dir", data.toString(), "--center", "embedded"));
        assertTrue(out.toString().contains("NOT STARTED WITH THIS DATA FOLDER"), out.toString());

        assertEquals(0, run("queue", "list", "--data-dir", data.toString(), "--config", prodConfig.toString()), err.toString());
        assertEquals(0, run("queue", "list", "--data-dir", data.toString(), "--config", prodConfig.toString(),
                "--center", CENTER + "/"), "the same center, however its URL is written: " + err);
    }

    @Test
    void aTrainingFolder_refusesAProductionConfiguration() {
        Path training = tmp.resolve("training");
        assertEquals(0, run("queue", "list", "--data-dir", training.toString()), err.toString());
        assertEquals(1, run("queue", "list", "--data-dir", training.toString(), "--config", prodConfig.toString()));
        assertTrue(err.toString().contains("was set up for training"), err.toString());
        assertTrue(err.toString().contains("a data folder of its own"), err.toString());
    }

    @Test
    void aProductionFolderFromBeforeTheMarker_isRecognisedByItsData() throws Exception {
        Files.delete(data.resolve(DataFolderPurpose.FILE));
        assertEquals(1, run("queue", "list", "--data-dir", data.toString()));
        assertTrue(err.toString().contains("holds production data"), err.toString());
        assertEquals(0, run("queue", "list", "--data-dir", data.toString(), "--config", prodConfig.toString()), err.toString());
        assertTrue(Files.readString(data.resolve(DataFolderPurpose.FILE)).contains("center.url=" + CENTER));
    }

    @Test
    void evenPastTheFolderCheck_theEmbeddedCenterGetsNothingQueuedForTheRealCenter() {
        // as if the folder's record had been deleted and a training start forced on it
        TerminalConfig training = TrainingTerminals.config(data, Map.of());
        try (Terminal t = new Terminal(training, TrainingTerminals.CLOCK, new Terminal.Options(false, false, "cashier01"))) {
            assertTrue(t.embeddedCenter().isPresent());
            List<ForwardResult> sent = t.forwarder().orElseThrow().drainOnce();
            assertEquals(List.of(), sent, "nothing was sent to the embedded center");
            assertEquals(1, t.queue().summary().queuedDebits());
            assertEquals(1, t.queue().heldForOtherCenters());
        }
    }

    private void assertQueuedDebits(long n) {
        try (Terminal t = production(true)) {
            assertEquals(n, t.queue().summary().queuedDebits());
        }
    }

    /** An ID number with its check digit (GB 11643). */
    private static String id(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ((1 << (17 - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }
}
