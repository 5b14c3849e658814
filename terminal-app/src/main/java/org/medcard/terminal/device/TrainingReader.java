package org.medcard.terminal.device;

import java.io.IOException;
import java.util.List;

import org.medcard.transport.pcsc.PcscReaders;

/**
 * The built-in simulated reader of TRAINING MODE, as the rest of the terminal sees it: a card slot the cashier
 * (F9) or {@code --sim-card} fills with a training card, and a PSAM slot. The implementation lives in
 * {@code org.medcard.terminal.training} (the only package that touches the simulator) and is reached through
 * {@link org.medcard.terminal.TrainingMode}; a build without it has no training reader.
 *
 * <p>Used from the reader's worker thread only.
 */
public interface TrainingReader {

    /** The simulated PSAM's terminal id (the simulator's default). */
    String TERMINAL_ID = "000000123456";

    /** A training card the cashier can present: its profile name, the holder's name and what it shows. */
    record Card(String profile, String name, String description) {
    }

    /** The reader's name; its slots are "NAME card slot 0" and "NAME PSAM slot 1". */
    String name();

    /** The simulated reader as PC/SC sees it. */
    PcscReaders pcsc();

    /** Whether a training card is in the card slot now. */
    boolean cardPresent();

    /** The training cards there are, in the order the simulator lists them. */
    List<Card> cards();

    /** Puts the training card of {@code profile} in the card slot (issued on first use, then read from its file). */
    void present(String profile) throws IOException;

    /** Takes the training card out. */
    void remove();
}
