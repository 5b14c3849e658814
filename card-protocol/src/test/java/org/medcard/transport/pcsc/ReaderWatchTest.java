package org.medcard.transport.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.medcard.transport.CardFault;
import org.medcard.transport.pcsc.PcscBackend.Slot;
import org.medcard.transport.pcsc.PcscBackend.SlotState;

/** {@link ReaderWatch} over a scripted slot: which events it reports, and that it comes back after the service. */
class ReaderWatchTest {

    /** A slot whose next looks the test scripts: a state, or a fault thrown (e.g. the service going away). */
    static final class ScriptedSlot implements PcscBackend.SlotWatcher {
        final BlockingQueue<Object> next = new LinkedBlockingQueue<>();
        volatile SlotState last = new SlotState(Slot.EMPTY, 0);
        volatile int closes;

        @Override
        public SlotState await(SlotState known, Duration timeout) {
            try {
                Object o = next.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (o instanceof CardFault f) {
                    throw f;
                }
                if (o instanceof SlotState s) {
                    last = s;
                }
                return last;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private final ScriptedSlot slot = new ScriptedSlot();
    private final BlockingQueue<ReaderEvent> events = new LinkedBlockingQueue<>();

    private ReaderEvent next() throws InterruptedException {
        ReaderEvent e = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(e, "an event within 5 s");
        return e;
    }

    private List<ReaderEvent.Kind> kinds(int n) throws InterruptedException {
        List<ReaderEvent.Kind> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next().kind());
        }
        return out;
    }

    private ReaderWatch start() {
        ReaderWatch w = new ReaderWatch("Reader A", slot, events::add);
        w.start();
        return w;
    }

    @Test
    void cardInTheSlotAtStart_readerOkThenCardPresented() throws Exception {
        slot.next.add(new SlotState(Slot.CARD, 1));
        try (ReaderWatch w = start()) {
            assertEquals(List.of(ReaderEvent.Kind.READER_OK, ReaderEvent.Kind.CARD_PRESENTED), kinds(2));
            assertTrue(w.cardPresent());
        }
    }

    @Test
    void serviceStopped_faultWithPlainReason_thenReaderAndCardComeBack() throws Exception {
        slot.next.add(new SlotState(Slot.CARD, 1));
        try (ReaderWatch w = start()) {
            kinds(2);
            slot.next.add(new CardFault(CardFault.Kind.NO_SERVICE, "SCARD_E_NO_SERVICE"));
            slot.next.add(new CardFault(CardFault.Kind.NO_SERVICE, "SCARD_E_NO_SERVICE"));

            assertEquals(ReaderEvent.Kind.CARD_REMOVED, next().kind());
            ReaderEvent fault = next();
            assertEquals(ReaderEvent.Kind.READER_FAULT, fault.kind());
            assertEquals("card service stopped \u2014 reconnecting\u2026", fault.reason());
            assertFalse(w.readerOk());
            assertEquals(fault, w.fault().orElseThrow());

            slot.next.add(new SlotState(Slot.CARD, 0));
            assertEquals(List.of(ReaderEvent.Kind.READER_OK, ReaderEvent.Kind.CARD_PRESENTED), kinds(2));
            assertTrue(w.cardPresent());
            assertTrue(slot.closes >= 2, "the context is dropped after each failed look: " + slot.closes);
        }
        assertTrue(events.isEmpty(), "the second fault in a row is not reported again: " + events);
    }

    @Test
    void readerUnpluggedAndPluggedIn() throws Exception {
        slot.next.add(new SlotState(Slot.CARD, 1));
        try (ReaderWatch w = start()) {
            kinds(2);
            slot.next.add(new SlotState(Slot.NO_READER, 0));
            assertEquals(ReaderEvent.Kind.CARD_REMOVED, next().kind());
            ReaderEvent fault = next();
            assertEquals(ReaderEvent.READER_UNPLUGGED, fault.reason());

            slot.next.add(new SlotState(Slot.EMPTY, 0));
            assertEquals(ReaderEvent.Kind.READER_OK, next().kind());
            assertFalse(w.cardPresent());
        }
    }

    @Test
    void cardSwappedBetweenTwoLooks_reportedAsRemovedAndPresented() throws Exception {
        slot.next.add(new SlotState(Slot.CARD, 1));
        try (ReaderWatch w = start()) {
            kinds(2);
            slot.next.add(new SlotState(Slot.CARD, 3));
            assertEquals(List.of(ReaderEvent.Kind.CARD_REMOVED, ReaderEvent.Kind.CARD_PRESENTED), kinds(2));
        }
    }
}
