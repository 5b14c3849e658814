package org.medcard.terminal.device;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.medcard.psam.FileSequenceStore;
import org.medcard.psam.Psam;
import org.medcard.psam.PsamClient;
import org.medcard.psam.SoftPsam;
import org.medcard.psam.SoftPsamKeys;
import org.medcard.terminal.config.DeviceChoice;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.medcard.transport.ResponseChainingTransport;
import org.medcard.transport.TracingTransport;
import org.medcard.transport.pcsc.PcscReaders;
import org.medcard.transport.serial.JSerialCommLink;
import org.medcard.transport.serial.SerialPortSettings;
import org.medcard.transport.serial.SerialReader;
import org.medcard.transport.serial.SerialReaderConfig;
import org.medcard.transport.serial.SerialReaderTransport;

/**
 * The card reader and the PSAM the configuration names (PC/SC, the serial counter reader, or the simulator),
 * opened on demand. A card connection is opened per
 * card session (a pulled card ends it); the PSAM connection is kept and reopened after a fault.. Every transport
 * carries the APDU trace (DEBUG, masked) from the PC/SC adapter.
 *
 * <p>Used from the reader's worker thread only.
 */
public final class Devices implements AutoCloseable {

    private static final int SERIAL_CARD_SLOT = 0;
    private static final int SERIAL_PSAM_SLOT = 1;

    private final DeviceChoice readerChoice;
    private final DeviceChoice psamChoice;
    private final Optional<TrainingReader> training;
    private final Path dataDir;
    private PcscReaders systemPcsc;
    /** Serial counter readers by port path: the card (slot 0) and the PSAM (slot 1) may share one reader. */
    private final Map<String, SerialReader> serialReaders = new HashMap<>();
    private CardTransport psamTransport;
    private CardTransport cardTransport;
    private Psam psam;

    public Devices(DeviceChoice reader, DeviceChoice psam, Optional<TrainingReader> training, Path dataDir) {
        this.readerChoice = reader;
        this.psamChoice = psam;
        this.training = training;
        this.dataDir = dataDir;
        if ((reader.kind() == DeviceChoice.Kind.SIMULATOR || psam.kind() == DeviceChoice.Kind.SIMULATOR) && training.isEmpty()) {
            throw new IllegalArgumentException("the simulator is configured but no training reader was given");
        }
    }

    /** The training reader, when the simulator is in use. */
    public Optional<TrainingReader> training() {
        return training;
    }

    /** Whether anything simulated or soft is in use (TRAINING MODE). */
    public boolean trainingMode() {
        return readerChoice.isTraining() || psamChoice.isTraining();
    }

    /** Whether a card is in the card slot now. */
    public boolean cardPresent() {
        return switch (readerChoice.kind()) {
            case SIMULATOR -> training.orElseThrow().cardPresent();
            case PCSC -> system().waitForCard(readerChoice.target(), java.time.Duration.ofMillis(1));
            case SERIAL -> serial(readerChoice.target()).slotStatus(SERIAL_CARD_SLOT).hasCard();
            default -> throw unsupported(readerChoice);
        };
    }

    /**
     * Opens a connection to the card in the card slot, closing the previous card session first. The JDK's
     * PC/SC {@code CardTerminal.connect} hands back the cached {@code Card} of an earlier session that was
     * never disconnected; after that card was pulled (or swapped for the next patient's) its handle is dead
     * and every exchange fails with SCARD_E_NOT_TRANSACTED — for as long as the terminal runs.
     */
    public synchronized CardTransport connectCard() {
        closeCard();
        cardTransport = switch (readerChoice.kind()) {
            case SIMULATOR -> simulator().open(training.orElseThrow().name() + " card slot 0");
            case PCSC -> system().open(readerChoice.target());
            case SERIAL -> serialSlot(readerChoice.target(), SERIAL_CARD_SLOT);
            default -> throw unsupported(readerChoice);
        };
        return cardTransport;
    }

    private void closeCard() {
        if (cardTransport != null) {
            cardTransport.close();
            cardTransport = null;
        }
    }

    /**
     * A slot of the serial counter reader on {@code path} ({@code serial-reader.md}), powered on — a fresh card
     * session, as a PC/SC connect is — and wrapped like the PC/SC transport (APDU trace, GET RESPONSE chaining).
     */
    private CardTransport serialSlot(String path, int slot) {
        SerialReaderTransport transport = serial(path).slot(slot);
        transport.powerOn();
        return new ResponseChainingTransport(new TracingTransport(transport));
    }

    /** The serial reader on {@code path}, opened once (its port thread reopens a vanished port by itself). */
    private synchronized SerialReader serial(String path) {
        return serialReaders.computeIfAbsent(path, p -> SerialReader.open("serial " + p,
                JSerialCommLink.opener(SerialPortSettings.defaults(p)), SerialReaderConfig.defaults()));
    }

    /** The PSAM, opened on first use and after a fault. */
    public synchronized Psam psam() {
        if (psam == null) {
            psam = openPsam();
        }
        return psam;
    }

    /** Forgets the PSAM connection after a fault, so the next use reopens it. */
    public synchronized void psamFaulted() {
        if (psamTransport != null) {
            psamTransport.close();
        }
        psamTransport = null;
        psam = null;
    }

    private Psam openPsam() {
        switch (psamChoice.kind()) {
            case SOFT_PSAM:
                return new SoftPsam(SoftPsamKeys.load(Path.of(psamChoice.target())),
                        new FileSequenceStore(dataDir.resolve("soft-psam-sequence")));
            case SIMULATOR:
                psamTransport = simulator().open(training.orElseThrow().name() + " PSAM slot 1");
                return PsamClient.open(psamTransport);
            case PCSC:
                psamTransport = system().open(psamChoice.target());
                return PsamClient.open(psamTransport);
            case SERIAL:
                psamTransport = serialSlot(psamChoice.target(), SERIAL_PSAM_SLOT);
                return PsamClient.open(psamTransport);
            default:
                throw unsupported(psamChoice);
        }
    }

    private PcscReaders simulator() {
        return training.orElseThrow().pcsc();
    }

    private PcscReaders system() {
        if (systemPcsc == null) {
            systemPcsc = new PcscReaders();
        }
        return systemPcsc;
    }

    private static CardFault unsupported(DeviceChoice c) {
        return new CardFault(CardFault.Kind.READER_UNAVAILABLE, "reader kind " + c + " is not available in this build");
    }

    @Override
    public synchronized void close() {
        closeCard();
        if (psamTransport != null) {
            psamTransport.close();
        }
        serialReaders.values().forEach(SerialReader::close);
        serialReaders.clear();
    }
}
