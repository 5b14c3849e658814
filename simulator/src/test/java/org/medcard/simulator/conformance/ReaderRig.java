package org.medcard.simulator.conformance;

import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.transport.CardTransport;

/**
 * One way of reaching a {@link SimulatedReader} from card-protocol's side: in-process smartcardio, a real
 * pcscd through vpcd, or a serial reader on a pty. The conformance suite runs unchanged over each.
 */
interface ReaderRig extends AutoCloseable {

    /** The simulated reader whose slots hold the virtual card and PSAM. */
    SimulatedReader reader();

    /**
     * A fresh connection to the card slot, made after the card is inserted (a card pulled mid-command
     * ends its connection, as with a real reader).
     */
    CardTransport connectCard();

    /** A connection to the PSAM slot. */
    CardTransport connectPsam();

    /**
     * Waits until the reader reports the card slot (and, with {@code psamToo}, the PSAM slot) empty: a real
     * PC/SC stack notices a removal a moment later, and a cashier re-inserts a card only after pulling it.
     */
    default void awaitEmpty(boolean psamToo) {
    }

    @Override
    void close();
}
