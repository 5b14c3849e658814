package org.medcard.simulator.reader.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotFault;
import org.medcard.simulator.reader.SlotListener;
import org.medcard.transport.serial.AnswerCode;
import org.medcard.transport.serial.JSerialCommLink;
import org.medcard.transport.serial.RequestCode;
import org.medcard.transport.serial.SerialFrame;
import org.medcard.transport.serial.SerialFrameCodec;
import org.medcard.transport.serial.SerialLink;
import org.medcard.transport.serial.SerialLinkOpener;
import org.medcard.transport.serial.SerialPortSettings;
import org.medcard.transport.serial.SlotStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a serial counter reader on a port (normally one end of a {@code socat} pty pair): decodes the
 * terminal's requests, answers them from a {@link SimulatedReader}'s two slots, and sends the unsolicited
 * card-inserted ({@code 80}) and card-removed ({@code 81}) frames when a card goes in or out.
 *
 * <p>Answers: {@code 00} with data on success; {@code 01} no card; {@code 02} card mute; {@code 03} for a
 * request frame that did not decode; {@code 04} unknown command; {@code 05} no such slot (also for a
 * request without a slot byte). A slot whose reader is unplugged ({@link SimulatedReader#setUnplugged})
 * gives no answer at all, so the terminal times out.
 *
 * <p>Faults for tests and commissioning: {@link #corruptNextAnswers} (bad BCC), {@link #garbageBeforeNextAnswer},
 * {@link #dropNextAnswers} (forces the terminal's time-out and resend), and {@link #unplug()} /
 * {@link #plugIn()} (the reader switched off: it closes its end and answers nothing). The terminal's
 * port vanishing, as when a USB reader is pulled, is what stopping {@code socat} does ({@link PtyPair#close()}).
 *
 * <p>Threads: one simulator thread ({@code serial-reader-sim <name>}) reads and answers. Card events are
 * written by whichever thread inserts or removes the card (a console, a test), so they can arrive between
 * a request and its answer, as on a real reader; a lock keeps frames whole. The fault methods may be
 * called from any thread.
 */
public final class SerialReaderSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SerialReaderSimulator.class);
    public static final String DEFAULT_FIRMWARE = "MEDCARD-SIM SR-1 1.0";
    private static final Duration REOPEN_INTERVAL = Duration.ofMillis(200);

    private final SimulatedReader reader;
    private final SerialLinkOpener opener;
    private final String firmware;
    private final String name;
    private final Object linkMonitor = new Object();
    private final Object writeLock = new Object();
    private final AtomicInteger badBccAnswers = new AtomicInteger();
    private final AtomicInteger droppedAnswers = new AtomicInteger();
    private final AtomicReference<byte[]> garbage = new AtomicReference<>();
    private final AtomicIntegerArray powered = new AtomicIntegerArray(2);
    private final AtomicLong answered = new AtomicLong();
    private final SlotListener cardEvents = new SlotListener() {
        @Override
        public void cardInserted(SimulatedSlot slot) {
            sendEvent(AnswerCode.CARD_INSERTED, slot);
        }

        @Override
        public void cardRemoved(SimulatedSlot slot) {
            powered.set(slot.number(), 0);
            sendEvent(AnswerCode.CARD_REMOVED, slot);
        }
    };
    private final Thread thread;
    /** Guarded by linkMonitor; null while unplugged or while the port is not there. */
    private SerialLink link;
    private volatile boolean unplugged;
    private volatile boolean closed;
    private volatile boolean started;

    public SerialReaderSimulator(SimulatedReader reader, SerialLinkOpener opener, String firmware) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.firmware = Objects.requireNonNull(firmware, "firmware");
        this.name = reader.name();
        this.thread = new Thread(this::run, "serial-reader-sim " + name);
        this.thread.setDaemon(true);
    }

    /** A simulator on a pty (or serial port) path with the specification's line settings. */
    public static SerialReaderSimulator onPort(SimulatedReader reader, String path) {
        return new SerialReaderSimulator(reader, JSerialCommLink.opener(SerialPortSettings.defaults(path)), DEFAULT_FIRMWARE);
    }

    /** Opens the port (retrying in the background if it is not there yet) and starts answering. */
    public SerialReaderSimulator start() {
        if (started) {
            throw new IllegalStateException(name + " already started");
        }
        started = true;
        reader.slots().forEach(s -> s.addListener(cardEvents));
        thread.start();
        return this;
    }

    /** Whether the port is open (and the simulator answering). */
    public boolean isConnected() {
        synchronized (linkMonitor) {
            return link != null;
        }
    }

    /** The next {@code count} answers go out with a wrong BCC. */
    public void corruptNextAnswers(int count) {
        badBccAnswers.set(requireCount(count));
    }

    /** The next {@code count} answers are not sent at all (the request was "lost on the line"). */
    public void dropNextAnswers(int count) {
        droppedAnswers.set(requireCount(count));
    }

    /** Line noise: these bytes go out just before the next answer. */
    public void garbageBeforeNextAnswer(byte[] noise) {
        garbage.set(noise.clone());
    }

    /** The reader is switched off: its end of the line is closed and nothing is answered. */
    public void unplug() {
        SerialLink toClose;
        synchronized (linkMonitor) {
            unplugged = true;
            toClose = link;
            link = null;
        }
        if (toClose != null) {
            toClose.close();
        }
        log.info("{}: unplugged", name);
    }

    /** Switched back on: reopens its end and answers again. */
    public void plugIn() {
        synchronized (linkMonitor) {
            unplugged = false;
            linkMonitor.notifyAll();
        }
        log.info("{}: plugged in", name);
    }

    /** Answers sent so far (for the technician's console). */
    public long answered() {
        return answered.get();
    }

    // ---------------------------------------------------------------- simulator thread

    private void run() {
        SerialFrameCodec decoder = new SerialFrameCodec();
        byte[] buffer = new byte[512];
        SerialLink decoding = null;
        while (!closed) {
            SerialLink current = awaitLink();
            if (current == null) {
                continue;
            }
            if (current != decoding) {
                decoder.reset();
                decoding = current;
            }
            try {
                int n = current.read(buffer);
                for (SerialFrameCodec.Decoded d : decoder.feed(buffer, 0, n)) {
                    if (d instanceof SerialFrameCodec.Received r) {
                        answer(current, r.frame());
                    } else {
                        log.debug("{}: request frame error {}", name, d);
                        send(current, new SerialFrame(AnswerCode.FRAME_ERROR.code()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                lost(current, e);
            }
        }
    }

    private SerialLink awaitLink() {
        synchronized (linkMonitor) {
            while (link == null && !closed) {
                if (!unplugged) {
                    tryOpen();
                }
                if (link == null) {
                    try {
                        linkMonitor.wait(REOPEN_INTERVAL.toMillis());
                    } catch (InterruptedException e) {
                        return null;
                    }
                }
            }
            return link;
        }
    }

    /** Opens the port and throws away what the terminal sent while the reader was off. Holds linkMonitor. */
    private void tryOpen() {
        SerialLink opened;
        try {
            opened = opener.open();
        } catch (IOException | RuntimeException e) {
            log.debug("{}: port not available: {}", name, e.getMessage());
            return;
        }
        try {
            byte[] stale = new byte[512];
            for (int i = 0; i < 16 && opened.read(stale) > 0; i++) {
                log.debug("{}: discarded bytes sent while the reader was off", name);
            }
        } catch (IOException e) {
            opened.close();
            return;
        }
        link = opened;
        log.info("{}: answering on {}", name, opened.name());
    }

    private void lost(SerialLink current, Exception e) {
        synchronized (linkMonitor) {
            if (link == current) {
                link = null;
            }
        }
        current.close();
        if (!closed && !unplugged) {
            log.warn("{}: port {} lost ({}); reopening", name, current.name(), e.getMessage());
        }
    }

    private void answer(SerialLink current, SerialFrame request) throws IOException {
        SerialFrame answer;
        try {
            answer = handle(request);
        } catch (SlotFault fault) {
            answer = switch (fault.kind()) {
                case NO_CARD -> new SerialFrame(AnswerCode.NO_CARD.code());
                case MUTE -> new SerialFrame(AnswerCode.CARD_MUTE.code());
                case READER_UNPLUGGED -> null;
            };
            log.debug("{}: {} -> {}", name, request, fault.getMessage());
        } catch (RuntimeException broken) {
            // A card that throws on a command it cannot parse behaves, for the terminal, like a mute card.
            log.warn("{}: the simulated card failed on {}; answering 'card mute'", name, request, broken);
            answer = new SerialFrame(AnswerCode.CARD_MUTE.code());
        }
        if (answer == null) {
            log.debug("{}: no answer to {} (reader unplugged)", name, request);
            return;
        }
        if (droppedAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            log.info("{}: dropping the answer to {} (injected)", name, request);
            return;
        }
        send(current, answer);
        answered.incrementAndGet();
    }

    private SerialFrame handle(SerialFrame request) {
        RequestCode code = RequestCode.of(request.code()).orElse(null);
        if (code == null) {
            return new SerialFrame(AnswerCode.UNKNOWN_COMMAND.code());
        }
        if (code == RequestCode.READER_INFO) {
            if (reader.cardSlot().isUnplugged()) {
                throw new SlotFault(SlotFault.Kind.READER_UNPLUGGED, name + " is unplugged");
            }
            return success(firmware.getBytes(StandardCharsets.US_ASCII));
        }
        SimulatedSlot slot = reader.slot(request.firstDataByte());
        if (slot == null) {
            return new SerialFrame(AnswerCode.NO_SUCH_SLOT.code());
        }
        byte[] data = request.data();
        return switch (code) {
            case GET_SLOT_STATUS -> success(new byte[] {(byte) status(slot).code()});
            case POWER_ON -> {
                byte[] atr = slot.powerOn();
                powered.set(slot.number(), 1);
                yield success(atr);
            }
            case POWER_OFF -> {
                requireCard(slot);
                slot.powerOff();
                powered.set(slot.number(), 0);
                yield success(new byte[0]);
            }
            case TRANSMIT_APDU -> success(slot.transmit(java.util.Arrays.copyOfRange(data, 1, data.length)));
            default -> throw new IllegalStateException("unreachable: " + code);
        };
    }

    private SlotStatus status(SimulatedSlot slot) {
        if (slot.isUnplugged()) {
            throw new SlotFault(SlotFault.Kind.READER_UNPLUGGED, slot.name() + " is unplugged");
        }
        if (!slot.isCardPresent()) {
            return SlotStatus.NO_CARD;
        }
        return powered.get(slot.number()) == 1 ? SlotStatus.CARD_POWERED : SlotStatus.CARD_PRESENT;
    }

    private static void requireCard(SimulatedSlot slot) {
        if (slot.isUnplugged()) {
            throw new SlotFault(SlotFault.Kind.READER_UNPLUGGED, slot.name() + " is unplugged");
        }
        if (!slot.isCardPresent()) {
            throw new SlotFault(SlotFault.Kind.NO_CARD, "no card in " + slot.name());
        }
    }

    private static SerialFrame success(byte[] data) {
        return new SerialFrame(AnswerCode.SUCCESS.code(), data);
    }

    /** Writes one answer, with any injected noise or damage. */
    private void send(SerialLink current, SerialFrame frame) throws IOException {
        byte[] wire = SerialFrameCodec.encode(frame);
        if (badBccAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            wire[wire.length - 2] ^= (byte) 0xA5;
            log.info("{}: answer {} sent with a bad BCC (injected)", name, frame);
        }
        byte[] noise = garbage.getAndSet(null);
        synchronized (writeLock) {
            if (noise != null) {
                current.write(noise);
            }
            current.write(wire);
        }
    }

    /** Called on the thread that moved the card. */
    private void sendEvent(AnswerCode event, SimulatedSlot slot) {
        SerialLink current;
        synchronized (linkMonitor) {
            current = link;
        }
        if (current == null || slot.isUnplugged()) {
            return;
        }
        byte[] wire = SerialFrameCodec.encode(new SerialFrame(event.code(), new byte[] {(byte) slot.number()}));
        try {
            synchronized (writeLock) {
                current.write(wire);
            }
            log.debug("{}: sent {} for slot {}", name, event, slot.number());
        } catch (IOException e) {
            log.debug("{}: could not send {}: {}", name, event, e.getMessage());
        }
    }

    private static int requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        return count;
    }

    /** Stops answering, closes the port and forgets the slots' listener; never throws. */
    @Override
    public void close() {
        SerialLink toClose;
        synchronized (linkMonitor) {
            closed = true;
            toClose = link;
            link = null;
            linkMonitor.notifyAll();
        }
        reader.slots().forEach(s -> s.removeListener(cardEvents));
        if (toClose != null) {
            toClose.close();
        }
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SerialReaderSimulator[" + name + (unplugged ? ", unplugged" : "") + "]";
    }
}
