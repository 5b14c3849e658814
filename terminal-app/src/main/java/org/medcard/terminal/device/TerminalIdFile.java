package org.medcard.terminal.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.medcard.psam.Psam;
import org.medcard.terminal.status.PartListener;
import org.medcard.terminal.status.PartListener.Part;
import org.medcard.transport.CardFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PSAM's terminal id names every sale and entry in the queue. It is remembered in {@code terminal.id} so the
 * queue still opens (for recovery, export, forwarding) on a day the PSAM fails.
 */
public final class TerminalIdFile {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalIdFile.class);
    /** The id of a terminal whose PSAM never answered and that has no {@code terminal.id} yet. */
    static final String UNKNOWN_TERMINAL_ID = "000000000000";

    private TerminalIdFile() {
    }

    /** Reads the id from the PSAM (reporting the PSAM's state), else the remembered one. */
    public static String read(Devices devices, Path file, PartListener parts) {
        try {
            Psam psam = devices.psam();
            String id = psam.terminalId().hex();
            parts.ok(Part.PSAM, "PSAM " + id + (psam.isSoftware() ? " (software, TRAINING MODE)" : ""));
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.US_ASCII).trim().equalsIgnoreCase(id)) {
                Files.writeString(file, id, StandardCharsets.US_ASCII);
            }
            return id;
        } catch (CardFault | org.medcard.apdu.CardRefusal e) {
            parts.fault(Part.PSAM, "PSAM unusable: " + e.getMessage());
            LOG.error("PSAM unusable at start: {}", e.getMessage());
            devices.psamFaulted();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).trim() : UNKNOWN_TERMINAL_ID;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
