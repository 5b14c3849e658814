package org.medcard.simulator.profile;

/** Insurance scheme ({@code insutype} of host 1101), as the card's tag {@code C5} codes it. */
public enum Scheme {
    EMPLOYEE(0x01), RESIDENT(0x02), RURAL(0x03);

    private final int code;

    Scheme(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
