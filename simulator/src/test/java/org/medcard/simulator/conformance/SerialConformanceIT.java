package org.medcard.simulator.conformance;

/** The conformance suite through a serial reader on a real pty (needs socat; CI requires it). */
class SerialConformanceIT extends CardClientConformance {
    @Override
    ReaderRig openRig() throws Exception {
        return new SerialRig();
    }
}
