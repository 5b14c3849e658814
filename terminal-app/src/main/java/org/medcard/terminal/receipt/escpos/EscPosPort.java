package org.medcard.terminal.receipt.escpos;

import java.io.Closeable;

import org.medcard.terminal.receipt.PrintFault;

/**
 * Where ESC/POS bytes go. One thread per port: the printing thread owns it; the UI thread never writes.
 */
public interface EscPosPort extends Closeable {

    /**
     * Sends all bytes.
     *
     * @throws PrintFault when the port fails or takes only part of the job
     */
    void send(byte[] bytes);

    /** The port's name for messages (device path, COM port). */
    String name();

    @Override
    void close();

    /**
     * Opens the port a {@code printer = escpos:…} setting names: serial devices ({@code /dev/ttyS*},
     * {@code /dev/ttyUSB*}, {@code /dev/ttyACM*}, {@code COMn}) through jSerialComm at the given baud rate,
     * anything else (a pty, {@code /dev/usb/lp0}) as a plain device file.
     */
    static EscPosPort open(String device, int baud) {
        String d = device.trim();
        if (d.matches("/dev/tty(S|USB|ACM)\\d+") || d.matches("(?i)COM\\d+")) {
            return new SerialEscPosPort(d, baud);
        }
        return new FileEscPosPort(java.nio.file.Path.of(d));
    }
}
