package org.medcard.simulator.reader;

import java.util.List;

/**
 * A simulated counter reader with two slots: slot 0 for the insured person's card and slot 1 for the
 * PSAM, as the serial protocol and the vpcd bridge number them. The in-process, vpcd and serial readers
 * all present one of these.
 */
public final class SimulatedReader {

    public static final int CARD_SLOT = 0;
    public static final int PSAM_SLOT = 1;

    private final String name;
    private final SimulatedSlot cardSlot;
    private final SimulatedSlot psamSlot;

    public SimulatedReader(String name) {
        this.name = name;
        this.cardSlot = new SimulatedSlot(CARD_SLOT, name + " card slot");
        this.psamSlot = new SimulatedSlot(PSAM_SLOT, name + " PSAM slot");
    }

    public String name() {
        return name;
    }

    public SimulatedSlot cardSlot() {
        return cardSlot;
    }

    public SimulatedSlot psamSlot() {
        return psamSlot;
    }

    /** The slot with that number, or {@code null} when it does not exist. */
    public SimulatedSlot slot(int number) {
        return switch (number) {
            case CARD_SLOT -> cardSlot;
            case PSAM_SLOT -> psamSlot;
            default -> null;
        };
    }

    public List<SimulatedSlot> slots() {
        return List.of(cardSlot, psamSlot);
    }

    /** Unplugs or plugs back the whole reader. */
    public void setUnplugged(boolean unplugged) {
        cardSlot.setUnplugged(unplugged);
        psamSlot.setUnplugged(unplugged);
    }

    @Override
    public String toString() {
        return name + " [" + cardSlot + "; " + psamSlot + "]";
    }
}
