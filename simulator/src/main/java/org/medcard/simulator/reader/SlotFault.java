package org.medcard.simulator.reader;

/** Why a simulated slot could not answer; each reader maps it to its own protocol (PC/SC error, serial code, vpcd silence). */
public class SlotFault extends RuntimeException {

    public enum Kind {
        /** No card in the slot (never inserted, removed, or torn out mid-command). */
        NO_CARD,
        /** The card is there but does not answer. */
        MUTE,
        /** The whole reader is unplugged. */
        READER_UNPLUGGED
    }

    private final Kind kind;

    public SlotFault(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
