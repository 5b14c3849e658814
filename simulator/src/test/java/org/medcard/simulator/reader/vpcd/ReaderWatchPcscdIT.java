package org.medcard.simulator.reader.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.testsupport.SystemParts;
import org.medcard.transport.CardTransport;
import org.medcard.transport.pcsc.PcscReaders;
import org.medcard.transport.pcsc.ReaderEvent;
import org.medcard.transport.pcsc.ReaderWatch;

/**
 * {@link ReaderWatch} on a real pcscd + vpcd: events within 300 ms, and recovery in this one JVM when pcscd is
 * killed and started again, and when the vpcd link (the "reader") is unplugged and plugged in again.
 */
class ReaderWatchPcscdIT {

    static final String CARD_READER = "Virtual PCD 00 00";
    private static final String SELECT = "00A4040009F04D4544434152440100";
    private static final String FCI = "6F0E8409F04D45444341524401A5009000";

    private PrivatePcscd pcscd;
    private final SimulatedReader reader = new SimulatedReader("watch-it");
    private VpcdBridge bridge;
    private final PcscReaders readers = new PcscReaders();
    private final BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();
    private ScriptedCard card;

    @BeforeEach
    void start() throws Exception {
        pcscd = PrivatePcscd.startOrReuse();
        bridge = VpcdBridge.local(reader.cardSlot());
        bridge.start();
        card = new ScriptedCard("card").on(SELECT, FCI);
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        if (pcscd != null) {
            pcscd.close();
        }
    }

    private ReaderEvent next(ReaderEvent.Kind kind, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ReaderEvent e = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            assertNotNull(e, "no " + kind + " within " + within);
            if (e.kind() == kind) {
                return e;
            }
        }
    }

    private void readCard() {
        try (CardTransport t = readers.open(CARD_READER)) {
            assertEquals(FCI, Hex.of(t.transmit(CommandApdu.parse(Hex.parse(SELECT))).bytes()));
        }
    }

    /**
     * pcscd polls the vpcd driver for card presence every 400 ms (vpcd has no interrupt-driven events), so a change
     * reaches PC/SC up to 400 ms after the simulated slot changed; what we answer for is the 300 ms after that.
     */
    private static final long PCSCD_POLL_MS = 400;

    @Test
    void cardInsertedAndRemoved_reportedWithin300msOfPcscdSeeingIt() throws Exception {
        reader.cardSlot().remove();
        try (ReaderWatch watch = readers.watch(CARD_READER, events::add)) {
            next(ReaderEvent.Kind.READER_OK, Duration.ofSeconds(5));
            Thread.sleep(200);
            events.clear();

            long t0 = System.nanoTime();
            reader.cardSlot().insert(card);
            next(ReaderEvent.Kind.CARD_PRESENTED, Duration.ofSeconds(2));
            long insertMs = (System.nanoTime() - t0) / 1_000_000;

            t0 = System.nanoTime();
            reader.cardSlot().remove();
            next(ReaderEvent.Kind.CARD_REMOVED, Duration.ofSeconds(2));
            long removeMs = (System.nanoTime() - t0) / 1_000_000;

            assertTrue(insertMs <= PCSCD_POLL_MS + 300, "card presented after " + insertMs + " ms");
            assertTrue(removeMs <= PCSCD_POLL_MS + 300, "card removed after " + removeMs + " ms");
        }
    }

    @Test
    void pcscdKilledAndStartedAgain_faultThenTheCardIsReadAgain_noJvmRestart() throws Exception {
        SystemParts.need(pcscd.owned(), "a pcscd this test may stop (one not started by this test is running)",
                "stop the system's pcscd first: systemctl stop pcscd.socket pcscd");
        reader.cardSlot().insert(card);
        try (ReaderWatch watch = readers.watch(CARD_READER, events::add)) {
            next(ReaderEvent.Kind.CARD_PRESENTED, Duration.ofSeconds(5));
            readCard();

            pcscd.stop();
            ReaderEvent fault = next(ReaderEvent.Kind.READER_FAULT, Duration.ofSeconds(5));
            assertEquals("card service stopped \u2014 reconnecting\u2026", fault.reason());

            pcscd.start();
            next(ReaderEvent.Kind.READER_OK, Duration.ofSeconds(10));
            next(ReaderEvent.Kind.CARD_PRESENTED, Duration.ofSeconds(10));
            readCard();
            assertTrue(watch.cardPresent());
        }
    }

    @Test
    void vpcdLinkUnpluggedAndPluggedIn_cardRemovedThenPresentedAgain() throws Exception {
        reader.cardSlot().insert(card);
        try (ReaderWatch watch = readers.watch(CARD_READER, events::add)) {
            next(ReaderEvent.Kind.CARD_PRESENTED, Duration.ofSeconds(5));

            bridge.close();
            next(ReaderEvent.Kind.CARD_REMOVED, Duration.ofSeconds(5));

            bridge = VpcdBridge.local(reader.cardSlot());
            bridge.start();
            next(ReaderEvent.Kind.CARD_PRESENTED, Duration.ofSeconds(5));
            readCard();
        }
    }
}
