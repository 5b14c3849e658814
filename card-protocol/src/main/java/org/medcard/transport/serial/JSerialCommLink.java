package org.medcard.transport.serial;

import java.io.IOException;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

/**
 * A {@link SerialLink} on a real port through jSerialComm: the only class that imports it.
 *
 * <p>Ports are opened by path ({@link SerialPort#getCommPort(String)}), which also works for
 * pseudo-terminals that {@code getCommPorts()} does not list; jSerialComm resolves symlinks at that
 * moment, so a reopen after the target changed (a new {@code socat}) finds the new device. Opening a pty
 * makes jSerialComm log error 25 (no modem lines); it works all the same.
 *
 * <p>jSerialComm unpacks its native library into {@code java.io.tmpdir}; where that is mounted
 * {@code noexec}, start the JVM with {@code -DjSerialComm.library.path=<dir>} (a directory holding the
 * unpacked library, or a writable, executable directory for it).
 */
public final class JSerialCommLink implements SerialLink {

    private final SerialPort port;
    private final SerialPortSettings settings;

    private JSerialCommLink(SerialPort port, SerialPortSettings settings) {
        this.port = port;
        this.settings = settings;
    }

    /** An opener for {@link SerialReader}: each call opens the port afresh. */
    public static SerialLinkOpener opener(SerialPortSettings settings) {
        return () -> open(settings);
    }

    /** Opens and configures the port, or throws with the path and jSerialComm's error code. */
    public static JSerialCommLink open(SerialPortSettings settings) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.path());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + settings.path() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(settings.baudRate(), settings.dataBits(),
                settings.stopBits() == SerialPortSettings.StopBits.ONE ? SerialPort.ONE_STOP_BIT : SerialPort.TWO_STOP_BITS,
                switch (settings.parity()) {
                    case NONE -> SerialPort.NO_PARITY;
                    case ODD -> SerialPort.ODD_PARITY;
                    case EVEN -> SerialPort.EVEN_PARITY;
                });
        port.setFlowControl(settings.rtsCtsFlowControl()
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        // Semi-blocking: a read returns as soon as one byte is there, or after the poll time with 0.
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                settings.pollMillis(), 0);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + settings.describe() + " (jSerialComm error "
                    + port.getLastErrorCode() + " at line " + port.getLastErrorLocation() + ")");
        }
        return new JSerialCommLink(port, settings);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0 || !port.isOpen()) {
            throw new IOException("serial port " + settings.path() + " is gone (jSerialComm error "
                    + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        int done = 0;
        while (done < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - done, done);
            if (n <= 0) {
                throw new IOException("cannot write to serial port " + settings.path() + " (jSerialComm error "
                        + port.getLastErrorCode() + ")");
            }
            done += n;
        }
    }

    @Override
    public String name() {
        return settings.path();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
