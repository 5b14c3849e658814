package org.medcard.terminal.status;

import org.medcard.transport.CardFault;

/**
 * Where the services report how the terminal's parts are doing — the reader, the PSAM, the card in the slot
 * and the center (R11: the terminal always knows which fault it is in). The composition root keeps the states
 * for the status bar and {@code --json}; a service only says what it saw. Called on the reader's worker thread
 * and the forwarder's thread.
 */
public interface PartListener {

    /** The parts the status bar shows. */
    enum Part { READER, PSAM, CARD, CENTER }

    /** Ignores every report (tests of a service that do not look at the status bar). */
    PartListener IGNORE = new PartListener() {
        @Override
        public void ok(Part part, String reason) {
        }

        @Override
        public void fault(Part part, String reason) {
        }

        @Override
        public void none(Part part, String reason) {
        }
    };

    /** The part works ({@link Part#CENTER}: it answered, and counts only while the terminal is signed in). */
    void ok(Part part, String reason);

    /** The part failed; a PSAM fault also makes the next use reopen it. */
    void fault(Part part, String reason);

    /** The part is not in use (no card in the slot, the center switched off). */
    void none(Part part, String reason);

    /**
     * A card fault is the reader's when the reader itself is gone, otherwise the card's. The reason is what happened,
     * without the kind's enum name: the status bar shows it after the fault's name in words (the log has the kind).
     */
    default void cardFault(CardFault e) {
        boolean reader = e.kind() == CardFault.Kind.READER_UNAVAILABLE || e.kind() == CardFault.Kind.NO_SERVICE;
        fault(reader ? Part.READER : Part.CARD, e.detail());
    }
}
