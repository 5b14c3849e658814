package org.medcard.transport.serial;

import java.io.IOException;

/**
 * A byte pipe to a serial reader: what {@link SerialReader} needs from a serial port, and nothing more,
 * so the protocol is testable without hardware ({@link InMemorySerialLink}) and jSerialComm stays in one
 * class ({@link JSerialCommLink}).
 *
 * <p>One thread reads; one thread at a time writes (they may be different threads); {@link #close()} may
 * be called from any thread and makes a blocked {@link #read(byte[])} return soon.
 */
public interface SerialLink extends AutoCloseable {

    /**
     * Waits until at least one byte is there or the link's short poll time (at most a few hundred
     * milliseconds) has passed, and returns how many bytes were put into {@code buffer} (0 when none came).
     *
     * @throws IOException when the port is gone (device unplugged, pty closed) or the link was closed
     */
    int read(byte[] buffer) throws IOException;

    /** Writes all of {@code bytes}; throws when the port is gone. */
    void write(byte[] bytes) throws IOException;

    /** The port's name (path), for messages. */
    String name();

    /** Closes the port; never throws; idempotent. */
    @Override
    void close();
}
