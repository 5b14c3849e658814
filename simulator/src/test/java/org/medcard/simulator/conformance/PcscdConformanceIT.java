package org.medcard.simulator.conformance;

/** The conformance suite through a real pcscd and vpcd (skips on a laptop without them; CI requires them). */
class PcscdConformanceIT extends CardClientConformance {
    @Override
    ReaderRig openRig() throws Exception {
        return new PcscdRig();
    }
}
