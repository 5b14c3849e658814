package org.medcard.transport.pcsc;

import java.time.Duration;
import java.util.List;

import org.medcard.transport.CardTransport;

/**
 * What {@link PcscReaders} needs from a PC/SC implementation: our JNA binding ({@link JnaPcsc}, the default) or
 * a {@code javax.smartcardio} provider ({@link SmartcardioPcsc}: the JDK's SunPCSC as a fallback, the simulator's
 * in-process provider in training mode). Every method may block in PC/SC; failures are
 * {@link org.medcard.transport.CardFault}s.
 */
interface PcscBackend {

    /** A short name for messages ("JNA PC/SC", "SunPCSC", "simulator"). */
    String type();

    /** The readers connected now, possibly none. */
    List<String> readerNames();

    /** Waits until {@code reader} holds a card ({@code present}) or is empty; false when the time ran out. */
    boolean waitFor(String reader, Duration timeout, boolean present);

    /** A raw session (no GET RESPONSE handling, no trace) on the card in {@code reader}. */
    CardTransport open(String reader, String protocol);

    /** A watcher of one reader's slot, for {@link ReaderWatch}; used by one thread. */
    SlotWatcher watcher(String reader);

    /** What a reader's slot holds. */
    enum Slot {
        /** The reader is not connected (unplugged, or not known to the service). */
        NO_READER,
        EMPTY,
        CARD
    }

    /**
     * One observation of a slot: what it holds and the service's event count for it (a card pulled and put back
     * between two looks changes the count, not the slot).
     */
    record SlotState(Slot slot, long events) {
    }

    /** Blocks until a slot's state changes; owns whatever PC/SC context it needs. */
    interface SlotWatcher extends AutoCloseable {

        /**
         * Returns the slot's state as soon as it differs from {@code known} (at once when {@code known} is null),
         * or the unchanged state after {@code timeout}.
         */
        SlotState await(SlotState known, Duration timeout);

        /** Wakes a thread blocked in {@link #await} (from any thread). */
        void cancel();

        /** Releases the context; never throws. */
        @Override
        void close();
    }
}
