package org.medcard.terminal.device;

import java.util.ArrayList;
import java.util.List;

import com.fazecast.jSerialComm.SerialPort;
import org.medcard.transport.pcsc.PcscReaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card-reader choices this machine offers, in the configuration's own form: {@code simulator}, one
 * {@code pcsc:NAME} per PC/SC reader, one {@code serial:PATH} per serial port. For the settings screen; call it
 * on a worker thread (PC/SC and the serial library may take a moment, and the UI thread never touches a device).
 * A missing PC/SC service or serial library leaves its part of the list empty rather than failing.
 */
public final class DeviceListing {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceListing.class);

    public List<String> readerChoices() {
        List<String> out = new ArrayList<>();
        out.add("simulator");
        try {
            new PcscReaders().readerNames().forEach(n -> out.add("pcsc:" + n));
        } catch (RuntimeException e) {
            // CardFault when pcscd is not running; plain runtime exceptions from the JDK when libpcsclite is missing.
            LOG.info("No PC/SC readers listed: {}", e.getMessage());
        }
        try {
            for (SerialPort p : SerialPort.getCommPorts()) {
                out.add("serial:" + p.getSystemPortPath());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.info("No serial ports listed: {}", e.toString());
        }
        return out;
    }
}
