package org.medcard.simulator.conformance;

import java.io.IOException;
import java.time.Duration;

import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.serial.PtyPair;
import org.medcard.simulator.reader.serial.SerialReaderSimulator;
import org.medcard.testsupport.SystemParts;
import org.medcard.transport.CardTransport;
import org.medcard.transport.ResponseChainingTransport;
import org.medcard.transport.TracingTransport;
import org.medcard.transport.serial.JSerialCommLink;
import org.medcard.transport.serial.SerialPortSettings;
import org.medcard.transport.serial.SerialReader;
import org.medcard.transport.serial.SerialReaderConfig;
import org.medcard.transport.serial.SerialReaderTransport;

/**
 * A serial counter reader: the simulator's reader side on one end of a socat pty pair, card-protocol's
 * {@link SerialReader} (jSerialComm) on the other, speaking the framed protocol of {@code serial-reader.md}.
 */
final class SerialRig implements ReaderRig {

    private final SimulatedReader reader = new SimulatedReader("Conformance via serial");
    private final PtyPair pair;
    private final SerialReaderSimulator simulator;
    private final SerialReader serial;

    SerialRig() throws IOException, InterruptedException {
        SystemParts.needCommand("socat", "socat");
        pair = PtyPair.start();
        simulator = SerialReaderSimulator.onPort(reader, pair.readerEnd()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!simulator.isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        serial = SerialReader.open("conformance serial reader", JSerialCommLink.opener(SerialPortSettings.defaults(pair.terminalEnd())),
                SerialReaderConfig.defaults());
    }

    @Override
    public SimulatedReader reader() {
        return reader;
    }

    @Override
    public CardTransport connectCard() {
        return connect(SimulatedReader.CARD_SLOT);
    }

    @Override
    public CardTransport connectPsam() {
        return connect(SimulatedReader.PSAM_SLOT);
    }

    /** Powers the slot on (a fresh card session, as a PC/SC connect is) and wraps it like PC/SC's transport. */
    private CardTransport connect(int slot) {
        SerialReaderTransport transport = serial.slot(slot);
        transport.powerOn();
        return new ResponseChainingTransport(new TracingTransport(transport));
    }

    @Override
    public void close() {
        serial.close();
        simulator.close();
        pair.close();
    }
}
