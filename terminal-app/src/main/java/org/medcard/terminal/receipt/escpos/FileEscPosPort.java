package org.medcard.terminal.receipt.escpos;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.medcard.terminal.receipt.PrintFault;

/**
 * A printer reached as a device file: a pty, a USB line printer ({@code /dev/usb/lp0}), a serial port already
 * configured by the system. Opened on construction, written as one block per job.
 */
public final class FileEscPosPort implements EscPosPort {

    private final Path device;
    private final OutputStream out;

    public FileEscPosPort(Path device) {
        this.device = device;
        try {
            // WRITE without CREATE: a mistyped device path must fail, not create a regular file.
            this.out = Files.newOutputStream(device, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new PrintFault("receipt printer " + device + " could not be opened: " + e.getMessage()
                    + " (check printer = escpos:DEVICE and the device's permissions)", e);
        }
    }

    @Override
    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new PrintFault("receipt printer " + device + " failed while printing " + bytes.length + " bytes: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return device.toString();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new PrintFault("closing receipt printer " + device + ": " + e.getMessage(), e);
        }
    }
}
