package org.medcard.simulator.profile;

/** Sex as the card's tag {@code C3} codes it. */
public enum Sex {
    MALE(0x01), FEMALE(0x02);

    private final int code;

    Sex(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
