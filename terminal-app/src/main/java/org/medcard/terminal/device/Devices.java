package org.medcard.terminal.device;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
import org.medcard.transport.pcsc.ReaderEvent;
import org.medcard.transport.pcsc.ReaderWatch;
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
 * <p><b>PC/SC readers are watched</b> ({@link ReaderWatch}: {@code SCardGetStatusChange} events on a thread of
 * their own, started on first use): {@link #cardPresent()} answers from the last event, and listeners
 * ({@link #addListener}) hear the reader turn faulty ("card service stopped — reconnecting…") and come back, and
 * cards come and go. When the PSAM's reader reports a fault or the PSAM leaves its slot, the PSAM session is
 * dropped at once, so the next purchase opens and selects it again instead of failing on a dead handle.
 *
 * <p>Used from the reader's worker thread; listeners are called on the watch threads.
 */
public final class Devices implements AutoCloseable {

    private static final int SERIAL_CARD_SLOT = 0;
    private static final int SERIAL_PSAM_SLOT = 1;
    /** How long the first question about the card waits for a new reader watch's first look. */
    private static final java.time.Duration FIRST_LOOK = java.time.Duration.ofSeconds(2);

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
    private final String pcscProvider;
    private ReaderWatch cardWatch;
    private ReaderWatch psamWatch;
    /** Cards presented so far in the card reader (a new value: a new card, or the same card after a fault). */
    private volatile long cardGeneration;
    private final List<Consumer<DeviceEvent>> listeners = new CopyOnWriteArrayList<>();

    public Devices(DeviceChoice reader, DeviceChoice psam, Optional<TrainingReader> training, Path dataDir) {
        this(reader, psam, training, dataDir, PcscReaders.PROVIDER_JNA);
    }

    /** @param pcscProvider {@code jna} (our binding, the default) or {@code sun} (the JDK's SunPCSC, the fallback) */
    public Devices(DeviceChoice reader, DeviceChoice psam, Optional<TrainingReader> training, Path dataDir,
            String pcscProvider) {
        this.pcscProvider = pcscProvider;
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
            case PCSC -> cardWatch().awaitFirstLook(FIRST_LOOK).cardPresent();
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
            if (psamChoice.kind() == DeviceChoice.Kind.PCSC) {
                psamWatch();
            }
        }
        return psam;
    }

    // ---------------------------------------------------------------- reader events

    /** Which reader an event is about. */
    public enum Role {
        CARD_READER,
        PSAM_READER
    }

    /** A reader event of the card's or the PSAM's reader. */
    public record DeviceEvent(Role role, ReaderEvent event) {
    }

    /** Adds a listener of reader events (called on a watch thread); the returned handle removes it. */
    public AutoCloseable addListener(Consumer<DeviceEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Starts watching the configured PC/SC readers now (a running terminal does, so the status bar follows them). */
    public synchronized void watchReaders() {
        if (readerChoice.kind() == DeviceChoice.Kind.PCSC) {
            cardWatch();
        }
        if (psamChoice.kind() == DeviceChoice.Kind.PCSC) {
            psamWatch();
        }
    }

    /** Counts the cards presented in the card reader: a change means "read the card again", even if it never looked absent. */
    public long cardGeneration() {
        return cardGeneration;
    }

    private synchronized ReaderWatch cardWatch() {
        if (cardWatch == null) {
            cardWatch = system().watch(readerChoice.target(), e -> {
                if (e.kind() == ReaderEvent.Kind.CARD_PRESENTED) {
                    cardGeneration++;
                }
                publish(new DeviceEvent(Role.CARD_READER, e));
            });
        }
        return cardWatch;
    }

    private synchronized void psamWatch() {
        if (psamWatch == null && !psamChoice.target().equals(readerChoice.kind() == DeviceChoice.Kind.PCSC ? readerChoice.target() : null)) {
            psamWatch = system().watch(psamChoice.target(), e -> {
                if (e.kind() == ReaderEvent.Kind.READER_FAULT || e.kind() == ReaderEvent.Kind.CARD_REMOVED) {
                    psamFaulted(); // the PSAM's handle died with the service or the slot: open it anew before the next use
                }
                publish(new DeviceEvent(Role.PSAM_READER, e));
            });
        }
    }

    private void publish(DeviceEvent e) {
        listeners.forEach(l -> l.accept(e));
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
            systemPcsc = PcscReaders.system(pcscProvider);
        }
        return systemPcsc;
    }

    private static CardFault unsupported(DeviceChoice c) {
        return new CardFault(CardFault.Kind.READER_UNAVAILABLE, "reader kind " + c + " is not available in this build");
    }

    @Override
    public void close() {
        ReaderWatch card;
        ReaderWatch psamSlot;
        synchronized (this) {
            card = cardWatch;
            psamSlot = psamWatch;
            cardWatch = null;
            psamWatch = null;
        }
        // Outside the lock: a watch thread may be waiting for it (psamFaulted) while we wait for the thread.
        if (card != null) {
            card.close();
        }
        if (psamSlot != null) {
            psamSlot.close();
        }
        closeDevices();
    }

    private synchronized void closeDevices() {
        closeCard();
        if (psamTransport != null) {
            psamTransport.close();
        }
        serialReaders.values().forEach(SerialReader::close);
        serialReaders.clear();
    }
}
