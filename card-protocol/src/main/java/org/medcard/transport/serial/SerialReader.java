package org.medcard.transport.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal side of one serial counter reader with two slots (0 the insured person's card, 1 the
 * PSAM): requests (slot status, power on/off, transmit APDU, reader info), the resend rule, unsolicited
 * card-presence events and the port coming and going.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>The <b>port thread</b> ({@code serial-port <name>}, one per reader, started by {@link #open}) is
 *       the only thread that reads the port. It decodes frames, hands answers to the waiting request,
 *       calls {@link SerialReaderListener}s for events {@code 80}/{@code 81} and for the port coming and
 *       going, and reopens a port that disappeared (every {@link SerialReaderConfig#reopenInterval()}).</li>
 *   <li>The request methods ({@link #transmit}, {@link #powerOn}, {@link #powerOff}, {@link #slotStatus},
 *       {@link #readerInfo}) are called by the terminal's card worker thread — never the UI thread, they
 *       block for up to twice the answer time-out. They are serialized by a lock (the protocol has one
 *       request outstanding at a time), so the card and PSAM transports may be used from different
 *       threads, one request after the other. A request made while the port is gone first tries to
 *       reopen it at once, so a reader that is back works on the next request without waiting for the
 *       background check.</li>
 *   <li>Listeners must not call request methods: the port thread would be waiting for itself.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * Answer {@code 01} is {@link CardFault.Kind#CARD_REMOVED}, {@code 02} {@link CardFault.Kind#CARD_MUTE},
 * {@code 04}/{@code 05} a {@link SerialReaderRejection}. A time-out or a frame error (our decoder's, or the
 * reader's code {@code 03}) is followed by one resend; if the second attempt also fails the reader is
 * faulty (business rule R11): {@link CardFault.Kind#TIMEOUT} when the last attempt timed out,
 * {@link CardFault.Kind#READER_UNAVAILABLE} when it was a frame error. A port that disappears fails the
 * request at once with {@link CardFault.Kind#READER_UNAVAILABLE}.
 *
 * <p>The protocol has no sequence numbers: an answer that comes after we gave up on it and resent is
 * taken as the answer to the resend (it is the same request); answers that arrive while nobody waits are
 * dropped. An APDU resent after a time-out or a garbled answer may reach the card twice: a second
 * DEBIT FOR PURCHASE then meets a finished purchase and gets {@code 6985}, which the card client must
 * treat as "outcome unknown" and settle with GET TRANSACTION PROVE, as after a tear.
 */
public final class SerialReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SerialReader.class);
    private static final int MAX_ATTEMPTS = 2;

    private final String name;
    private final SerialLinkOpener opener;
    private final SerialReaderConfig config;
    private final List<SerialReaderListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock requestLock = new ReentrantLock();
    private final Object linkMonitor = new Object();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final Thread portThread;
    /** Guarded by linkMonitor; null while the port is gone. */
    private SerialLink link;
    private volatile boolean awaitingAnswer;
    private volatile boolean resetDecoder;
    private volatile boolean closed;

    /** What the port thread hands to the waiting request. */
    private sealed interface Reply permits Answer, BrokenFrame, PortLost {
    }

    private record Answer(SerialFrame frame) implements Reply {
    }

    private record BrokenFrame(String detail) implements Reply {
    }

    private record PortLost(String reason) implements Reply {
    }

    private SerialReader(String name, SerialLinkOpener opener, SerialReaderConfig config) {
        this.name = Objects.requireNonNull(name, "name");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.config = Objects.requireNonNull(config, "config");
        this.portThread = new Thread(this::runPortThread, "serial-port " + name);
        this.portThread.setDaemon(true);
    }

    /**
     * Opens the port and starts the port thread. A port that is not there yet is not an error: requests
     * fail with {@link CardFault.Kind#READER_UNAVAILABLE} until it appears ({@link #isConnected()}).
     */
    public static SerialReader open(String name, SerialLinkOpener opener, SerialReaderConfig config) {
        SerialReader reader = new SerialReader(name, opener, config);
        synchronized (reader.linkMonitor) {
            reader.tryOpen("start");
        }
        reader.portThread.start();
        return reader;
    }

    public String name() {
        return name;
    }

    /** Whether the port is open now. */
    public boolean isConnected() {
        synchronized (linkMonitor) {
            return link != null;
        }
    }

    public void addListener(SerialReaderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(SerialReaderListener listener) {
        listeners.remove(listener);
    }

    /** The transport for one slot ({@code 0} card, {@code 1} PSAM); closing it powers the slot off. */
    public SerialReaderTransport slot(int slot) {
        return new SerialReaderTransport(this, slot);
    }

    // ---------------------------------------------------------------- requests (card worker thread)

    /** Command {@code 10}. */
    public SlotStatus slotStatus(int slot) {
        SerialFrame answer = request(RequestCode.GET_SLOT_STATUS, slot, new byte[] {slotByte(slot)});
        SlotStatus status = answer.length() == 1 ? SlotStatus.ofCode(answer.firstDataByte()) : null;
        if (status == null) {
            throw new CardFault(CardFault.Kind.MALFORMED, name + ": slot status answer of " + answer.length()
                    + " bytes is not one of 00, 01, 02");
        }
        return status;
    }

    /** Command {@code 11}: powers the card up (or resets it) and returns its ATR. */
    public byte[] powerOn(int slot) {
        SerialFrame answer = request(RequestCode.POWER_ON, slot, new byte[] {slotByte(slot)});
        if (answer.length() == 0) {
            throw new CardFault(CardFault.Kind.MALFORMED, name + ": power-on answer carries no ATR");
        }
        return answer.data();
    }

    /** Command {@code 12}. */
    public void powerOff(int slot) {
        request(RequestCode.POWER_OFF, slot, new byte[] {slotByte(slot)});
    }

    /** Command {@code 13}: one APDU to the card in {@code slot}. */
    public ResponseApdu transmit(int slot, CommandApdu command) {
        byte[] apdu = command.bytes();
        byte[] data = new byte[apdu.length + 1];
        data[0] = slotByte(slot);
        System.arraycopy(apdu, 0, data, 1, apdu.length);
        SerialFrame answer = request(RequestCode.TRANSMIT_APDU, slot, data);
        try {
            return ResponseApdu.parse(answer.data());
        } catch (MalformedResponseException e) {
            throw new CardFault(CardFault.Kind.MALFORMED, name + " slot " + slot + ": answer to "
                    + command.header() + " is not an R-APDU", e);
        }
    }

    /** Command {@code 14}: the reader's firmware/model string. */
    public String readerInfo() {
        return new String(request(RequestCode.READER_INFO, -1, new byte[0]).data(), StandardCharsets.US_ASCII);
    }

    private SerialFrame request(RequestCode code, int slot, byte[] data) {
        SerialFrame answer = exchange(new SerialFrame(code.code(), data), code);
        String where = slot < 0 ? name : name + " slot " + slot;
        AnswerCode result = AnswerCode.of(answer.code()).orElse(null);
        if (result == null || result.isEvent() || result == AnswerCode.FRAME_ERROR) {
            throw new CardFault(CardFault.Kind.MALFORMED, where + ": unexpected answer code "
                    + String.format("%02X", answer.code()) + " to " + code);
        }
        return switch (result) {
            case SUCCESS -> answer;
            case NO_CARD -> throw new CardFault(CardFault.Kind.CARD_REMOVED, "no card in " + where + " (" + code + ")");
            case CARD_MUTE -> throw new CardFault(CardFault.Kind.CARD_MUTE, "card in " + where + " does not answer (" + code + ")");
            case UNKNOWN_COMMAND -> throw new SerialReaderRejection(SerialReaderRejection.Reason.UNKNOWN_COMMAND,
                    code.code(), where + " does not know command " + code);
            case NO_SUCH_SLOT -> throw new SerialReaderRejection(SerialReaderRejection.Reason.NO_SUCH_SLOT,
                    code.code(), where + " does not exist (" + code + ")");
            default -> throw new IllegalStateException("unreachable: " + result);
        };
    }

    /** Sends a request and waits for its answer, resending once after a time-out or a frame error. */
    private SerialFrame exchange(SerialFrame request, RequestCode code) {
        byte[] wire = SerialFrameCodec.encode(request);
        requestLock.lock();
        try {
            String problem = null;
            boolean timedOut = false;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                SerialLink current = linkForRequest();
                replies.clear();
                awaitingAnswer = true;
                try {
                    current.write(wire);
                } catch (IOException e) {
                    portLost(current, e.getMessage());
                    throw new CardFault(CardFault.Kind.READER_UNAVAILABLE, name + ": cannot send " + code, e);
                }
                Reply reply = awaitReply(code);
                awaitingAnswer = false;
                if (reply instanceof Answer a && a.frame().code() != AnswerCode.FRAME_ERROR.code()) {
                    return a.frame();
                }
                if (reply instanceof PortLost lost) {
                    throw new CardFault(CardFault.Kind.READER_UNAVAILABLE, name + ": port lost during " + code
                            + " (" + lost.reason() + ")");
                }
                timedOut = reply == null;
                if (timedOut) {
                    problem = "no answer within " + config.answerTimeout().toMillis() + " ms";
                    resetDecoder = true;
                } else if (reply instanceof BrokenFrame broken) {
                    problem = "broken answer frame (" + broken.detail() + ")";
                } else {
                    problem = "the reader could not decode our frame (code 03)";
                }
                // After code 03 the reader never passed the request on; after a time-out or a garbled answer
                // the card may have executed it, and the resend reaches it a second time (see the class comment).
                boolean outcomeUnknown = !(reply instanceof Answer);
                log.warn("{}: {} attempt {} of {} failed: {}{}", name, code, attempt, MAX_ATTEMPTS, problem,
                        outcomeUnknown && code == RequestCode.TRANSMIT_APDU ? " (outcome of the first attempt unknown)" : "");
            }
            throw new CardFault(timedOut ? CardFault.Kind.TIMEOUT : CardFault.Kind.READER_UNAVAILABLE,
                    name + ": reader faulty, " + code + " failed twice; last: " + problem);
        } finally {
            awaitingAnswer = false;
            requestLock.unlock();
        }
    }

    private Reply awaitReply(RequestCode code) {
        try {
            return replies.poll(config.answerTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CardFault(CardFault.Kind.IO, name + ": interrupted while waiting for the answer to " + code, e);
        }
    }

    /** The open link, reopening the port at once if it is gone. */
    private SerialLink linkForRequest() {
        boolean reopened = false;
        SerialLink current;
        synchronized (linkMonitor) {
            if (closed) {
                throw new CardFault(CardFault.Kind.READER_UNAVAILABLE, name + " is closed");
            }
            if (link == null) {
                reopened = tryOpen("request");
            }
            current = link;
        }
        if (current == null) {
            throw new CardFault(CardFault.Kind.READER_UNAVAILABLE, name + ": serial port is not there"
                    + " (reader unplugged or switched off?)");
        }
        if (reopened) {
            announceAvailable();
        }
        return current;
    }

    // ---------------------------------------------------------------- port thread

    private void runPortThread() {
        byte[] buffer = new byte[512];
        SerialFrameCodec decoder = new SerialFrameCodec();
        SerialLink decoding = null;
        while (!closed) {
            SerialLink current = awaitLink();
            if (current == null) {
                continue;
            }
            if (current != decoding || resetDecoder) {
                decoder.reset();
                decoding = current;
                resetDecoder = false;
            }
            int n;
            try {
                n = current.read(buffer);
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    portLost(current, e.getMessage());
                }
                continue;
            }
            for (SerialFrameCodec.Decoded d : decoder.feed(buffer, 0, n)) {
                dispatch(d);
            }
        }
    }

    /** The open link; while there is none, tries to reopen it every reopen interval. Null when closed. */
    private SerialLink awaitLink() {
        while (true) {
            synchronized (linkMonitor) {
                if (closed || link != null) {
                    return link;
                }
                try {
                    linkMonitor.wait(Math.max(1, config.reopenInterval().toMillis()));
                } catch (InterruptedException e) {
                    // close() interrupts; the loop looks at 'closed' again
                }
                if (closed || link != null || !tryOpen("background check")) {
                    continue;
                }
            }
            announceAvailable();
        }
    }

    private void dispatch(SerialFrameCodec.Decoded decoded) {
        if (decoded instanceof SerialFrameCodec.FrameError error) {
            log.debug("{}: frame error {} ({})", name, error.kind(), error.detail());
            if (awaitingAnswer) {
                replies.offer(new BrokenFrame(error.kind() + ": " + error.detail()));
            }
            return;
        }
        SerialFrame frame = ((SerialFrameCodec.Received) decoded).frame();
        if (frame.code() == AnswerCode.CARD_INSERTED.code() || frame.code() == AnswerCode.CARD_REMOVED.code()) {
            deliverEvent(frame);
        } else if (awaitingAnswer) {
            replies.offer(new Answer(frame));
        } else {
            log.debug("{}: dropped {} that came when no request was waiting (late answer?)", name, frame);
        }
    }

    private void deliverEvent(SerialFrame frame) {
        if (frame.length() != 1) {
            log.warn("{}: card event {} without a one-byte slot number ignored", name, frame);
            return;
        }
        int slot = frame.firstDataByte();
        boolean inserted = frame.code() == AnswerCode.CARD_INSERTED.code();
        log.info("{}: card {} slot {}", name, inserted ? "inserted into" : "removed from", slot);
        for (SerialReaderListener l : listeners) {
            try {
                if (inserted) {
                    l.cardInserted(slot);
                } else {
                    l.cardRemoved(slot);
                }
            } catch (RuntimeException e) {
                log.warn("{}: listener {} failed on a card event", name, l, e);
            }
        }
    }

    // ---------------------------------------------------------------- link state (any thread, under linkMonitor)

    /** Tries once to open the port; call while holding linkMonitor. True when it opened it. */
    private boolean tryOpen(String why) {
        if (link != null || closed) {
            return false;
        }
        try {
            link = opener.open();
        } catch (IOException | RuntimeException e) {
            log.debug("{}: port not available ({}): {}", name, why, e.getMessage());
            return false;
        }
        log.info("{}: serial port {} open ({})", name, link.name(), why);
        linkMonitor.notifyAll();
        return true;
    }

    /** Tells listeners the port is back; called without holding linkMonitor. */
    private void announceAvailable() {
        for (SerialReaderListener l : listeners) {
            try {
                l.readerAvailable();
            } catch (RuntimeException e) {
                log.warn("{}: listener {} failed on readerAvailable", name, l, e);
            }
        }
    }

    private void portLost(SerialLink lost, String reason) {
        boolean wasCurrent;
        synchronized (linkMonitor) {
            wasCurrent = link == lost;
            if (wasCurrent) {
                link = null;
            }
        }
        lost.close();
        if (!wasCurrent) {
            return;
        }
        log.warn("{}: serial port {} lost: {}; reopening every {} ms", name, lost.name(), reason,
                config.reopenInterval().toMillis());
        if (awaitingAnswer) {
            replies.offer(new PortLost(reason));
        }
        for (SerialReaderListener l : listeners) {
            try {
                l.readerUnavailable(reason);
            } catch (RuntimeException e) {
                log.warn("{}: listener {} failed on readerUnavailable", name, l, e);
            }
        }
    }

    private static byte slotByte(int slot) {
        if (slot < 0 || slot > 0xFF) {
            throw new IllegalArgumentException("slot is not a byte: " + slot);
        }
        return (byte) slot;
    }

    /** Stops the port thread and closes the port; never throws. */
    @Override
    public void close() {
        SerialLink toClose;
        synchronized (linkMonitor) {
            closed = true;
            toClose = link;
            link = null;
            linkMonitor.notifyAll();
        }
        if (toClose != null) {
            toClose.close();
        }
        portThread.interrupt();
        try {
            portThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "SerialReader[" + name + (isConnected() ? "" : ", port gone") + "]";
    }
}
