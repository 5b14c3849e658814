package org.medcard.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.cli.MedcardCli;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;

/**
 * Issue 16: card readers come back by themselves. pcscd is killed and started again, or the whole reader (both
 * vpcd slots) is unplugged and plugged in again, while ONE terminal JVM keeps running: the status bar says what
 * happened, and the next card is read and the next sale settles without restarting anything.
 */
class ReadersComeBackThroughPcscdIT {

    private static final String SERVICE_STOPPED = "card service stopped \u2014 reconnecting\u2026";

    @TempDir
    Path dir;

    private final SaleRequest request = SaleRequest.of(List.of(SaleItem.parse("XB05XAL013:1")), () -> "123456".toCharArray(), "cashier01");

    private Terminal terminal() {
        Terminal t = TrainingTerminals.open(dir.resolve("terminal"), Map.of(
                "reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER));
        t.devices().watchReaders();
        return t;
    }

    @Test
    void pcscdKilledAndStarted_readerFaultWithPlainReason_thenTheNextSaleSettles_sameJvm() throws Exception {
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            VirtualMedicalCard card = rig.present("normal-sm4");
            try (Terminal t = terminal()) {
                assertEquals(SaleOutcome.Kind.SETTLED, SaleView.of(t, t.pharmacySale().sell(request)).kind(), "a sale before the restart");
                long before = card.state().balance();

                rig.killPcscd();
                awaitTrue(() -> t.state().reader().health() == PartState.Health.FAULT, "reader shown at fault");
                assertEquals(SERVICE_STOPPED, t.state().reader().reason());
                awaitTrue(() -> t.state().psam().health() == PartState.Health.FAULT, "PSAM shown at fault");

                rig.startPcscd();
                awaitTrue(() -> t.state().reader().health() == PartState.Health.OK
                        && t.state().psam().health() == PartState.Health.OK, "reader and PSAM back by themselves");
                assertTrue(rig.cardVisible(Duration.ofSeconds(10)), "the card still in the slot is seen again");

                SaleView next = SaleView.of(t, t.pharmacySale().sell(request));
                assertEquals(SaleOutcome.Kind.SETTLED, next.kind(), "the first sale after the restart: " + next.message());
                assertEquals(before - 290, card.state().balance(), "debited once");
            }
        }
    }

    @Test
    void readerUnpluggedAndPluggedIn_psamReopenedBeforeTheNextSale_noSaleLost() throws Exception {
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            VirtualMedicalCard card = rig.present("normal-sm4");
            try (Terminal t = terminal()) {
                assertEquals(SaleOutcome.Kind.SETTLED, SaleView.of(t, t.pharmacySale().sell(request)).kind());
                long before = card.state().balance();

                rig.replugReader(Duration.ofSeconds(1));
                awaitTrue(() -> t.state().psam().health() == PartState.Health.OK, "PSAM reopened by itself");
                assertTrue(rig.cardVisible(Duration.ofSeconds(10)));

                SaleView first = SaleView.of(t, t.pharmacySale().sell(request));
                assertEquals(SaleOutcome.Kind.SETTLED, first.kind(), "the first sale after the replug: " + first.message());
                assertEquals(before - 290, card.state().balance());
            }
        }
    }

    /** The "done when": card watch prints a new card line within 10 s of the card presented after the restart. */
    @Test
    void cardWatch_pcscdKilledAndStarted_newCardLineWithin10s_sameProcess() throws Exception {
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            rig.present("normal-sm4");
            LineQueue lines = new LineQueue();
            StringWriter err = new StringWriter();
            TerminalEnvironment env = new TerminalEnvironment(dir.resolve("watch"), TrainingTerminals.CLOCK, System.in);
            Thread watch = new Thread(() -> MedcardCli.create(env, new PrintWriter(lines, true), new PrintWriter(err, true))
                    .execute("card", "watch", "--json", "--reader", PcscdRig.CARD_READER, "--psam-reader", PcscdRig.PSAM_READER),
                    "card-watch");
            watch.start();
            try {
                JsonNode ok = lines.next(n -> n.get("event").asText().equals("reader"), Duration.ofSeconds(10), err);
                assertEquals("OK", ok.get("state").asText());
                assertEquals(PcscdRig.CARD_READER, ok.get("reader").asText());
                JsonNode first = lines.next(n -> n.get("event").asText().equals("card"), Duration.ofSeconds(10), err);
                assertEquals("presented", first.get("state").asText(), first.toString());
                assertTrue(first.get("card_no").asText().contains("*"), "masked: " + first);
                assertEquals("NORMAL", first.get("status").asText(), first.toString());
                assertFalse(first.get("name").asText().isEmpty());

                rig.killPcscd();
                JsonNode fault = lines.next(n -> n.get("event").asText().equals("reader"), Duration.ofSeconds(10), err);
                assertEquals("FAULT", fault.get("state").asText());
                assertEquals(SERVICE_STOPPED, fault.get("reason").asText());

                rig.startPcscd();
                rig.present("normal-sm4");
                long t0 = System.nanoTime();
                JsonNode again = lines.next(n -> n.get("event").asText().equals("card") && n.get("state").asText().equals("presented"),
                        Duration.ofSeconds(10), err);
                assertEquals(first.get("card_no").asText(), again.get("card_no").asText());
                assertEquals("NORMAL", again.get("status").asText(), again.toString());
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos());
            } finally {
                watch.interrupt();
                watch.join(10_000);
            }
            assertFalse(watch.isAlive(), "card watch stops when interrupted");
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(20);
        }
    }

    /** A writer that hands each complete line to the test as JSON. */
    private static final class LineQueue extends Writer {
        private final StringBuilder partial = new StringBuilder();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ObjectMapper json = new ObjectMapper();

        @Override
        public synchronized void write(char[] cbuf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (cbuf[i] == '\n') {
                    lines.add(partial.toString());
                    partial.setLength(0);
                } else if (cbuf[i] != '\r') {
                    partial.append(cbuf[i]);
                }
            }
        }

        JsonNode next(Predicate<JsonNode> wanted, Duration within, StringWriter err) throws Exception {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertNotNull(line, "no such line within " + within + "; stderr: " + err);
                JsonNode n = json.readTree(line);
                if (wanted.test(n)) {
                    return n;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
