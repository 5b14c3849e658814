package org.medcard.simulator.conformance;

/** The conformance suite over the in-process smartcardio reader (no system parts). */
class InProcessConformanceTest extends CardClientConformance {
    @Override
    ReaderRig openRig() {
        return new InProcessRig();
    }
}
