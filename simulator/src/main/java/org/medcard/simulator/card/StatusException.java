package org.medcard.simulator.card;

/** A simulated card's early answer: the command ends with this status word and no data. Internal to the simulated cards. */
public final class StatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int sw;

    public StatusException(int sw) {
        super(String.format("SW %04X", sw), null, false, false);
        this.sw = sw;
    }

    public int sw() {
        return sw;
    }

    /** Throws a StatusException with {@code sw} unless {@code ok}. */
    public static void require(boolean ok, int sw) {
        if (!ok) {
            throw new StatusException(sw);
        }
    }
}
