package org.medcard.simulator.conformance;

import java.time.Duration;

import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.vpcd.PrivatePcscd;
import org.medcard.simulator.reader.vpcd.VpcdBridge;
import org.medcard.transport.CardTransport;
import org.medcard.transport.pcsc.PcscReaders;

/**
 * The stock PC/SC stack: a real pcscd with vsmartcard's vpcd driver, the simulator's vpcd bridges for the
 * card (slot 0) and the PSAM (slot 1), and card-protocol's {@link PcscReaders} on the JDK's own provider.
 */
final class PcscdRig implements ReaderRig {

    static final String CARD_READER = "Virtual PCD 00 00";
    static final String PSAM_READER = "Virtual PCD 00 01";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SimulatedReader reader = new SimulatedReader("Conformance via pcscd");
    private final PrivatePcscd pcscd;
    private final VpcdBridge cardBridge;
    private final VpcdBridge psamBridge;
    private final PcscReaders readers = new PcscReaders();

    PcscdRig() throws Exception {
        pcscd = PrivatePcscd.startOrReuse();
        cardBridge = VpcdBridge.local(reader.cardSlot());
        psamBridge = VpcdBridge.local(reader.psamSlot());
        cardBridge.start();
        psamBridge.start();
    }

    @Override
    public SimulatedReader reader() {
        return reader;
    }

    @Override
    public CardTransport connectCard() {
        return open(CARD_READER);
    }

    @Override
    public CardTransport connectPsam() {
        return open(PSAM_READER);
    }

    @Override
    public void awaitEmpty(boolean psamToo) {
        if (!readers.waitForCardAbsent(CARD_READER, WAIT) || psamToo && !readers.waitForCardAbsent(PSAM_READER, WAIT)) {
            throw new IllegalStateException("pcscd still shows a card after it was removed");
        }
    }

    private CardTransport open(String name) {
        if (!readers.waitForCard(name, WAIT)) {
            throw new IllegalStateException("pcscd does not show the card in " + name + " within " + WAIT);
        }
        return readers.open(name);
    }

    @Override
    public void close() {
        cardBridge.close();
        psamBridge.close();
        try {
            pcscd.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping pcscd", e);
        }
    }
}
