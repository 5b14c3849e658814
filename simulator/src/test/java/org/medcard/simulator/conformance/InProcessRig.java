package org.medcard.simulator.conformance;

import java.security.NoSuchAlgorithmException;

import javax.smartcardio.TerminalFactory;

import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.inprocess.SimulatorProvider;
import org.medcard.transport.CardTransport;
import org.medcard.transport.pcsc.PcscReaders;

/** card-protocol's PC/SC adapter over the simulator's in-process smartcardio provider: no system service. */
final class InProcessRig implements ReaderRig {

    private final SimulatedReader reader = new SimulatedReader("Conformance");
    private final PcscReaders readers;

    InProcessRig() {
        try {
            readers = new PcscReaders(TerminalFactory.getInstance(SimulatorProvider.TYPE, reader, new SimulatorProvider()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public SimulatedReader reader() {
        return reader;
    }

    @Override
    public CardTransport connectCard() {
        return readers.open(reader.name() + " card slot 0");
    }

    @Override
    public CardTransport connectPsam() {
        return readers.open(reader.name() + " PSAM slot 1");
    }

    @Override
    public void close() {
        // nothing to stop: the provider lives in this JVM
    }
}
