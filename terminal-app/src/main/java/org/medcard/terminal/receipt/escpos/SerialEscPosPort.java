package org.medcard.terminal.receipt.escpos;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fazecast.jSerialComm.SerialPort;
import org.medcard.terminal.receipt.PrintFault;

/**
 * A printer on a serial port through jSerialComm: 8 data bits, no parity, one stop bit, blocking writes with a
 * timeout so a printer out of paper (holding CTS/busy) turns into a fault instead of a hang.
 */
public final class SerialEscPosPort implements EscPosPort {

    private static final int WRITE_TIMEOUT_MS = 5_000;

    private final SerialPort port;
    private final String name;

    public SerialEscPosPort(String device, int baud) {
        this.name = device;
        this.port = SerialPort.getCommPort(device);
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, WRITE_TIMEOUT_MS);
        if (!port.openPort()) {
            String present = Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath)
                    .collect(Collectors.joining(", "));
            throw new PrintFault("receipt printer port " + device + " could not be opened (error "
                    + port.getLastErrorCode() + "); serial ports present: " + (present.isEmpty() ? "none" : present));
        }
    }

    @Override
    public void send(byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - offset, offset);
            if (n <= 0) {
                throw new PrintFault("receipt printer " + name + " stopped taking data after " + offset + " of "
                        + bytes.length + " bytes (paper out, cable, or power?)");
            }
            offset += n;
        }
        drain();
    }

    /**
     * Waits until the driver has sent everything: jSerialComm has no tcdrain, and closing the port discards what is
     * still queued (so does flushIOBuffers), which would cut a receipt short.
     */
    private void drain() {
        long deadline = System.nanoTime() + WRITE_TIMEOUT_MS * 1_000_000L;
        while (port.bytesAwaitingWrite() > 0) {
            if (System.nanoTime() > deadline) {
                throw new PrintFault("receipt printer " + name + " did not take the last " + port.bytesAwaitingWrite()
                        + " bytes within " + WRITE_TIMEOUT_MS + " ms (paper out, cable, or flow control?)");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PrintFault("interrupted while printing on " + name, e);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
