package org.medcard.simulator.reader.vpcd;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import jdk.net.ExtendedSocketOptions;

import org.medcard.simulator.reader.SimulatedCard;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotFault;
import org.medcard.simulator.reader.SlotListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one {@link SimulatedSlot} behind vsmartcard's vpcd driver inside a real pcscd, so that any PC/SC
 * program (our terminal, {@code pcsc_scan}, {@code scriptor}) sees the simulated card in the reader
 * "Virtual PCD 00 00" (slot 0, TCP 35963) or "Virtual PCD 00 01" (slot 1, TCP 35964).
 *
 * <p><b>Protocol.</b> vpcd listens; the bridge connects. Every message in both directions is a 2-byte
 * big-endian length and a payload. A 1-byte payload from vpcd is a control message: {@code 00} power off,
 * {@code 01} power on, {@code 02} reset (no answer to any of these), {@code 04} "send the ATR" (answered
 * with the ATR). Any longer payload is a command APDU, answered with the response APDU.
 *
 * <p><b>Card presence is the connection.</b> vpcd reports a card while a peer is connected and answers
 * its ATR requests (pcscd polls them several times a second); so the bridge is connected exactly while
 * the slot holds a card and the reader is plugged in. Removing the card (or unplugging the reader) closes
 * the connection; inserting it connects again.
 *
 * <p><b>Faults.</b> A mute card ({@link SlotFault.Kind#MUTE}) still answers ATR requests (it sits in the
 * reader) but answers a command with an empty message. vpcd has no receive time-out, so staying silent
 * would block pcscd's reader thread, and every program using it, for ever; the empty message instead makes
 * vpcd drop the link and pcscd fail the exchange at once, which our {@code PcscTransport} reports as
 * {@code CARD_MUTE}. The bridge then connects again after {@link #RETRY_DELAY}, so the card reappears as a
 * fresh card (as after a real reader's power cycle). A delay ({@code setDelayMillis}) delays the answer;
 * corruption and tears are applied by the slot.
 *
 * <p><b>Threads.</b> {@link #start()} starts one daemon thread that owns the socket; slot listeners (any
 * thread) only close the socket or wake that thread. When pcscd is not running or restarts, the thread
 * keeps trying to connect every {@link #RETRY_DELAY}. {@link #close()} stops it and waits for it.
 */
public final class VpcdBridge implements AutoCloseable {

    /** vpcd's port for slot 0; slot n listens on {@code DEFAULT_PORT + n}. */
    public static final int DEFAULT_PORT = 35963;
    static final Duration RETRY_DELAY = Duration.ofMillis(200);
    /**
     * How long a removed card stays away at least. pcscd learns of a removal only when it next polls the
     * card (every 400 ms); a card taken out and put back within that time would look as if it never left,
     * and the program using the old session would not be told. A real card swap takes longer anyway.
     */
    static final Duration REMOVAL_HOLD = Duration.ofMillis(1000);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    static final int CTRL_OFF = 0x00;
    static final int CTRL_ON = 0x01;
    static final int CTRL_RESET = 0x02;
    static final int CTRL_ATR = 0x04;

    private static final Logger log = LoggerFactory.getLogger(VpcdBridge.class);
    private static final boolean QUICK_ACK_SUPPORTED = quickAckSupported();

    private final SimulatedSlot slot;
    private final String host;
    private final int port;
    private final Object lock = new Object();
    private final SlotListener listener = new SlotListener() {
        @Override
        public void cardInserted(SimulatedSlot s) {
            wake();
        }

        @Override
        public void cardRemoved(SimulatedSlot s) {
            synchronized (lock) {
                removals++;
                absentUntilNanos = System.nanoTime() + REMOVAL_HOLD.toNanos();
            }
            disconnect("card removed");
        }
    };
    private Thread thread;
    private Socket socket;
    private volatile boolean running;
    private volatile boolean connected;
    private volatile long absentUntilNanos = System.nanoTime();
    /** Counts removals, so that a connection made while the card was taken out (and put back) is dropped. */
    private int removals;

    public VpcdBridge(SimulatedSlot slot, String host, int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
        this.slot = slot;
        this.host = host;
        this.port = port;
    }

    /** The bridge for {@code slot} on the local pcscd's vpcd, on the port of the slot's number. */
    public static VpcdBridge local(SimulatedSlot slot) {
        return new VpcdBridge(slot, "localhost", DEFAULT_PORT + slot.number());
    }

    public void start() {
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException("already started");
            }
            running = true;
            slot.addListener(listener);
            thread = new Thread(this::run, "vpcd-bridge-" + port);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether vpcd has the card now (connected to its port). */
    public boolean isConnected() {
        return connected;
    }

    public String describe() {
        return slot.name() + " -> vpcd " + host + ":" + port + (connected ? " (connected)" : " (waiting)");
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            running = false;
            t = thread;
            slot.removeListener(listener);
            lock.notifyAll();
        }
        disconnect("bridge closed");
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            if (!slot.isCardPresent() || System.nanoTime() - absentUntilNanos < 0) {
                pause();
                continue;
            }
            int removalsBefore;
            synchronized (lock) {
                removalsBefore = removals;
            }
            Socket s = new Socket();
            try {
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
                if (!adopt(s, removalsBefore)) {
                    continue;
                }
                log.info("{}: card presented to vpcd at {}:{}", slot.name(), host, port);
                serve(s, s.getInputStream(), s.getOutputStream());
            } catch (RuntimeException e) {
                // A fault in the simulated card must not end the bridge: the card is withdrawn and comes back.
                log.error("{}: the simulated card failed; link to vpcd closed", slot.name(), e);
            } catch (IOException e) {
                if (running && connected) {
                    log.info("{}: vpcd link lost ({}); reconnecting", slot.name(), e.getMessage());
                } else {
                    log.debug("{}: vpcd at {}:{} not reachable: {}", slot.name(), host, port, e.getMessage());
                }
            } finally {
                disconnect(null);
            }
            pause();
        }
    }

    /** Makes {@code s} the current connection, unless the card left or the bridge closed meanwhile. */
    private boolean adopt(Socket s, int removalsBefore) throws IOException {
        synchronized (lock) {
            if (!running || !slot.isCardPresent() || removals != removalsBefore || System.nanoTime() - absentUntilNanos < 0) {
                s.close();
                return false;
            }
            socket = s;
            connected = true;
            return true;
        }
    }

    private void serve(Socket s, InputStream rawIn, OutputStream rawOut) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        DataOutputStream out = new DataOutputStream(rawOut);
        while (running) {
            byte[] request;
            try {
                request = readMessage(in, () -> quickAck(s));
            } catch (EOFException eof) {
                log.info("{}: vpcd closed the link", slot.name());
                return;
            }
            if (!answer(request, out)) {
                return;
            }
        }
    }

    /**
     * Reads one message from vpcd: a 2-byte big-endian length, then that many bytes.
     * Package-private so the fuzz test can drive the framing without a socket.
     *
     * @param beforeRead runs before each of the two reads (the quick ACK)
     * @throws EOFException when the stream ends before or inside a message
     */
    static byte[] readMessage(DataInputStream in, Runnable beforeRead) throws IOException {
        beforeRead.run();
        byte[] message = new byte[in.readUnsignedShort()];
        beforeRead.run();
        in.readFully(message);
        return message;
    }

    /**
     * Answers one message from vpcd: a 1-byte control message or a command APDU. Package-private so the
     * fuzz test can drive it without a socket.
     *
     * @return {@code false} when the link must close
     */
    boolean answer(byte[] request, DataOutputStream out) throws IOException {
        return request.length == 1 ? control(request[0] & 0xFF, out) : command(request, out);
    }

    /** Handles a control message; {@code false} when the card is gone and the link must close. */
    private boolean control(int code, DataOutputStream out) throws IOException {
        switch (code) {
            case CTRL_OFF -> slot.powerOff();
            case CTRL_ON, CTRL_RESET -> {
                try {
                    slot.powerOn();
                } catch (SlotFault f) {
                    log.debug("{}: power on: {}", slot.name(), f.getMessage());
                }
            }
            case CTRL_ATR -> {
                Optional<SimulatedCard> card = slot.isCardPresent() ? slot.card() : Optional.empty();
                if (card.isEmpty()) {
                    return false;
                }
                send(out, card.get().atr());
            }
            default -> log.warn("{}: unknown vpcd control message {}", slot.name(), code);
        }
        return true;
    }

    /** Answers a command APDU; {@code false} when the link must close. */
    private boolean command(byte[] apdu, DataOutputStream out) throws IOException {
        try {
            send(out, slot.transmit(apdu));
            return true;
        } catch (SlotFault fault) {
            log.info("{}: {}", slot.name(), fault.getMessage());
            if (fault.kind() == SlotFault.Kind.MUTE) {
                send(out, new byte[0]);
            }
            return false;
        } catch (RuntimeException bug) {
            // A bug in a simulated card: answer "no precise diagnosis" and keep the card in the reader.
            log.error("{}: the simulated card failed on {}", slot.name(), HexFormat.of().withUpperCase().formatHex(apdu, 0, Math.min(4, apdu.length)), bug);
            send(out, new byte[] {0x6F, 0x00});
            return true;
        }
    }

    /**
     * Debian's vpcd writes a message's length and its payload separately; with Nagle's algorithm on its
     * side, the payload waits for our ACK of the length, which Linux delays by up to 40 ms. Asking for
     * an immediate ACK before every read (Linux only; the kernel forgets it, hence every time) removes
     * that wait.
     */
    private static void quickAck(Socket s) {
        if (QUICK_ACK_SUPPORTED) {
            try {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                log.trace("TCP_QUICKACK: {}", e.getMessage());
            }
        }
    }

    private static boolean quickAckSupported() {
        try (Socket probe = new Socket()) {
            return probe.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        } catch (IOException e) {
            return false;
        }
    }

    private static void send(DataOutputStream out, byte[] payload) throws IOException {
        if (payload.length > 0xFFFF) {
            // The 2-byte length cannot say it; a cut length would desynchronise vpcd for the rest of the link.
            throw new IOException("answer of " + payload.length + " bytes does not fit vpcd's 2-byte length");
        }
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }

    private void disconnect(String why) {
        Socket s;
        synchronized (lock) {
            s = socket;
            socket = null;
            connected = false;
        }
        if (s != null) {
            if (why != null) {
                log.info("{}: {}; card withdrawn from vpcd", slot.name(), why);
            }
            try {
                s.close();
            } catch (IOException e) {
                log.debug("closing vpcd link: {}", e.getMessage());
            }
        }
    }

    private void wake() {
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private void pause() {
        synchronized (lock) {
            if (!running) {
                return;
            }
            try {
                lock.wait(RETRY_DELAY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
