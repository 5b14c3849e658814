package org.medcard.terminal.center;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.training.SimulatedCenter;

/**
 * Issue 15, "status that tells the truth within 2 s of a change, both ways": a running training terminal (its
 * background threads on, the embedded center on loopback) whose center closes its port and opens it again, with
 * nothing sent by anyone in between.
 */
class CenterTagWithinTwoSecondsTest {

    private static final Duration PROMISE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void centerDown_turnsTheTagRedWithin2s_andBackUp_turnsItGreenWithin2s_withNothingSent() throws Exception {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of("language", "en")), TrainingTerminals.CLOCK,
                new Terminal.Options(false, true, "cashier01"));
        SettlementCenter center = SimulatedCenter.of(terminal.embeddedCenter().orElseThrow());
        assertTrue(terminal.state().center().isOk(), terminal.state().center().toString());

        center.inject(Fault.always(FaultKind.DOWN));
        long red = millisUntil(() -> terminal.state().center().health() == PartState.Health.FAULT);
        assertTrue(red <= PROMISE.toMillis(), "red after " + red + " ms");
        assertTrue(terminal.state().center().reason().startsWith("center unreachable"), terminal.state().center().reason());

        center.faults().clearAll();
        long green = millisUntil(() -> terminal.state().center().isOk());
        assertTrue(green <= PROMISE.toMillis(), "green after " + green + " ms");
        assertEquals(PartState.Health.OK, terminal.state().center().health());
    }

    @Test
    void aCenterThatAcceptsConnectionsButAnswers500_staysRed_untilItAnswers() throws Exception {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of("language", "en")), TrainingTerminals.CLOCK,
                new Terminal.Options(false, true, "cashier01"));
        SettlementCenter center = SimulatedCenter.of(terminal.embeddedCenter().orElseThrow());
        center.inject(Fault.always(FaultKind.DOWN));
        millisUntil(() -> terminal.state().center().health() == PartState.Health.FAULT);

        center.faults().clearAll();
        center.inject(Fault.always(FaultKind.HTTP_500));
        Thread.sleep(3_000);
        assertEquals(PartState.Health.FAULT, terminal.state().center().health(),
                "an open port alone is not an answer: " + terminal.state().center());

        center.faults().clearAll();
        long green = millisUntil(() -> terminal.state().center().isOk());
        assertTrue(green <= 2 * PROMISE.toMillis(), "green after " + green + " ms (one real request per 2 s)");
    }

    @Test
    void anOfflineDebitWaitsWhileTheCenterIsDown_andIsSentAtOnceWhenItIsBack_tagGreenAndQueueEmptyWithin2s() throws Exception {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of("language", "en")), TrainingTerminals.CLOCK,
                new Terminal.Options(false, true, "cashier01"));
        SettlementCenter center = SimulatedCenter.of(terminal.embeddedCenter().orElseThrow());
        center.inject(Fault.always(FaultKind.DOWN));
        millisUntil(() -> terminal.state().center().health() == PartState.Health.FAULT);
        terminal.devices().training().orElseThrow().present("normal-3des");
        org.medcard.terminal.sale.SaleOutcome o = terminal.pharmacySale().sell(
                org.medcard.terminal.sale.SaleRequest.of(java.util.List.of(org.medcard.terminal.sale.SaleItem.parse("XJ01CAA001:1")),
                        () -> "123456".toCharArray(), "cashier01"));
        assertEquals(org.medcard.terminal.sale.SaleOutcome.Kind.OFFLINE_DEBITED, o.kind(), o.messageKey());
        Thread.sleep(2_500); // the forwarder tried and backs off
        assertEquals(1, terminal.queue().summary().queuedDebits(), "still waiting while the center is down");

        center.faults().clearAll();
        long drained = millisUntil(() -> terminal.state().center().isOk() && terminal.queue().summary().queuedDebits() == 0
                && terminal.queue().summary().pendingMessages() == 0);
        assertTrue(drained <= PROMISE.toMillis(), "center green and the queue empty after " + drained + " ms");
    }

    /** Polls every 20 ms for at most 10 s; the time it took (fails beyond 10 s). */
    private static long millisUntil(BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > 10_000_000_000L) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
