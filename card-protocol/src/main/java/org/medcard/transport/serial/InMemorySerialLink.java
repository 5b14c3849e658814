package org.medcard.transport.serial;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One end of an in-memory serial line: what one end writes, the other reads, in the same chunks. For
 * tests and for wiring a simulated reader into a terminal in one process. {@link #unplug()} makes both
 * ends fail as a port does when its USB reader is pulled.
 *
 * <p>Thread-safe in the way {@link SerialLink} asks: one reader thread, writers one at a time.
 */
public final class InMemorySerialLink implements SerialLink {

    private static final byte[] WAKE_UP = new byte[0];

    private final String name;
    private final BlockingQueue<byte[]> incoming;
    private final BlockingQueue<byte[]> outgoing;
    private final int pollMillis;
    private final Line line;
    private volatile boolean closed;
    private byte[] pending = new byte[0];
    private int pendingOffset;

    /** Shared by both ends: unplugging the line breaks both. */
    private static final class Line {
        volatile boolean unplugged;
    }

    private InMemorySerialLink(String name, BlockingQueue<byte[]> incoming, BlockingQueue<byte[]> outgoing,
                               int pollMillis, Line line) {
        this.name = name;
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.pollMillis = pollMillis;
        this.line = line;
    }

    /** Two connected ends: {@code [0]} for the terminal, {@code [1]} for the reader. */
    public static InMemorySerialLink[] pair(String name, int pollMillis) {
        BlockingQueue<byte[]> toReader = new LinkedBlockingQueue<>();
        BlockingQueue<byte[]> toTerminal = new LinkedBlockingQueue<>();
        Line line = new Line();
        return new InMemorySerialLink[] {
            new InMemorySerialLink(name + " (terminal end)", toTerminal, toReader, pollMillis, line),
            new InMemorySerialLink(name + " (reader end)", toReader, toTerminal, pollMillis, line)
        };
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        checkUsable();
        if (pendingOffset >= pending.length) {
            byte[] next;
            try {
                next = incoming.poll(pollMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + name, e);
            }
            checkUsable();
            if (next == null || next.length == 0) {
                return 0;
            }
            pending = next;
            pendingOffset = 0;
        }
        int n = Math.min(buffer.length, pending.length - pendingOffset);
        System.arraycopy(pending, pendingOffset, buffer, 0, n);
        pendingOffset += n;
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        checkUsable();
        outgoing.add(bytes.clone());
    }

    @Override
    public String name() {
        return name;
    }

    /** Pulls the cable: both ends throw from now on. */
    public void unplug() {
        line.unplugged = true;
        incoming.offer(WAKE_UP);
        outgoing.offer(WAKE_UP);
    }

    @Override
    public void close() {
        closed = true;
        incoming.offer(WAKE_UP);
    }

    private void checkUsable() throws IOException {
        if (closed) {
            throw new IOException(name + " is closed");
        }
        if (line.unplugged) {
            throw new IOException(name + " is unplugged");
        }
    }
}
