package org.medcard.simulator.center.rules;

/** Insurance scheme, with the pooling ratio the simulated center applies, in basis points. */
public enum Insutype {
    EMPLOYEE(7000),
    RESIDENT(5000),
    RURAL(5000);

    private final int poolingRatioBp;

    Insutype(int poolingRatioBp) {
        this.poolingRatioBp = poolingRatioBp;
    }

    /** The fund's share of the pooled amount, in basis points (7000 = 0.70). */
    public int poolingRatioBp() {
        return poolingRatioBp;
    }
}
