package org.medcard.transport.serial;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * The reader end of an in-memory line, for unit tests of {@link SerialReader}: decodes each request and
 * writes whatever raw bytes the test's script returns for it (frames, broken frames, events, nothing).
 * Also an opener that hands the terminal a fresh in-memory line each time, unless the test has
 * "unplugged" the reader.
 */
final class ScriptedReaderEnd implements AutoCloseable {

    private final Function<SerialFrame, List<byte[]>> script;
    private final List<SerialFrame> requests = new CopyOnWriteArrayList<>();
    private final BlockingQueue<InMemorySerialLink> lines = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile InMemorySerialLink terminalEnd;
    private volatile InMemorySerialLink readerEnd;
    private volatile boolean plugged = true;
    private volatile boolean closed;

    ScriptedReaderEnd(Function<SerialFrame, List<byte[]>> script) {
        this.script = script;
        this.thread = new Thread(this::run, "scripted serial reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static byte[] frame(int code, byte... data) {
        return SerialFrameCodec.encode(new SerialFrame(code, data));
    }

    static byte[] withBadBcc(byte[] wire) {
        byte[] bad = wire.clone();
        bad[bad.length - 2] ^= 0x5A;
        return bad;
    }

    /** Opens a new in-memory line, or fails while unplugged. */
    SerialLinkOpener opener() {
        return () -> {
            if (!plugged) {
                throw new IOException("test reader is unplugged");
            }
            InMemorySerialLink[] pair = InMemorySerialLink.pair("test line", 20);
            terminalEnd = pair[0];
            lines.add(pair[1]);
            return pair[0];
        };
    }

    /** Pulls the cable: the current line breaks and no new one can be opened. */
    void unplug() {
        plugged = false;
        InMemorySerialLink t = terminalEnd;
        if (t != null) {
            t.unplug();
        }
    }

    void plugIn() {
        plugged = true;
    }

    /** Sends raw bytes to the terminal now, outside any request (events). */
    void send(byte[] wire) throws IOException {
        readerEnd.write(wire);
    }

    List<SerialFrame> requests() {
        return requests;
    }

    private void run() {
        SerialFrameCodec decoder = new SerialFrameCodec();
        byte[] buffer = new byte[512];
        while (!closed) {
            InMemorySerialLink link = readerEnd;
            InMemorySerialLink fresh;
            try {
                fresh = link == null ? lines.poll(20, java.util.concurrent.TimeUnit.MILLISECONDS) : lines.poll();
            } catch (InterruptedException e) {
                return;
            }
            if (fresh != null) {
                readerEnd = fresh;
                link = fresh;
                decoder.reset();
            }
            if (link == null) {
                continue;
            }
            try {
                int n = link.read(buffer);
                for (SerialFrameCodec.Decoded d : decoder.feed(buffer, 0, n)) {
                    List<byte[]> answer = d instanceof SerialFrameCodec.Received r
                            ? answer(r.frame())
                            : List.of(frame(AnswerCode.FRAME_ERROR.code()));
                    for (byte[] bytes : answer) {
                        link.write(bytes);
                    }
                }
            } catch (IOException e) {
                readerEnd = null;
            }
        }
    }

    private List<byte[]> answer(SerialFrame request) {
        requests.add(request);
        return script.apply(request);
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
