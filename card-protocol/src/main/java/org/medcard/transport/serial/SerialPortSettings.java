package org.medcard.transport.serial;

import java.util.Objects;

/**
 * Where a serial reader is and how its line is set: by default 115200 baud, 8 data bits, no parity,
 * 1 stop bit, no flow control, as the specification says.
 *
 * @param path       {@code /dev/ttyUSB0}, {@code /dev/ttyACM0}, {@code /dev/pts/5}, a symlink to one, or {@code COM3}
 * @param pollMillis how long one {@link SerialLink#read(byte[])} waits for a byte before returning 0
 */
public record SerialPortSettings(String path, int baudRate, int dataBits, Parity parity, StopBits stopBits,
                                 boolean rtsCtsFlowControl, int pollMillis) {

    public static final int DEFAULT_BAUD_RATE = 115_200;
    public static final int DEFAULT_POLL_MILLIS = 100;

    public enum Parity { NONE, ODD, EVEN }

    public enum StopBits { ONE, TWO }

    public SerialPortSettings {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("serial port path missing");
        }
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8: " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        if (pollMillis < 1 || pollMillis > 1000) {
            throw new IllegalArgumentException("poll time must be 1..1000 ms: " + pollMillis);
        }
    }

    /** The specification's line settings (115200 8N1, no flow control) on {@code path}. */
    public static SerialPortSettings defaults(String path) {
        return new SerialPortSettings(path, DEFAULT_BAUD_RATE, 8, Parity.NONE, StopBits.ONE, false, DEFAULT_POLL_MILLIS);
    }

    public SerialPortSettings withBaudRate(int newBaudRate) {
        return new SerialPortSettings(path, newBaudRate, dataBits, parity, stopBits, rtsCtsFlowControl, pollMillis);
    }

    /** E.g. {@code /dev/ttyUSB0 115200 8N1}. */
    public String describe() {
        return path + " " + baudRate + " " + dataBits + parity.name().charAt(0) + (stopBits == StopBits.ONE ? "1" : "2")
                + (rtsCtsFlowControl ? " RTS/CTS" : "");
    }
}
