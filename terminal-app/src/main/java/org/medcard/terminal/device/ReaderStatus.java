package org.medcard.terminal.device;

import java.util.function.Consumer;

import org.medcard.terminal.status.PartListener.Part;
import org.medcard.terminal.status.PartStates;
import org.medcard.transport.pcsc.ReaderEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the readers' events (on the watch thread) into part states: the status bar follows the card reader and the
 * PSAM's reader, and a PSAM back in its slot (after a service restart or a replug) is opened and selected again now,
 * before the next purchase needs it.
 */
public final class ReaderStatus implements Consumer<Devices.DeviceEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderStatus.class);

    private final PartStates parts;
    private final Runnable reopenPsam;

    /** @param reopenPsam opens the PSAM again and reports its state (the card session's {@code psam()}) */
    public ReaderStatus(PartStates parts, Runnable reopenPsam) {
        this.parts = parts;
        this.reopenPsam = reopenPsam;
    }

    @Override
    public void accept(Devices.DeviceEvent d) {
        ReaderEvent e = d.event();
        boolean psamReader = d.role() == Devices.Role.PSAM_READER;
        switch (e.kind()) {
            case READER_FAULT -> {
                if (psamReader) {
                    parts.fault(Part.PSAM, "PSAM reader: " + e.reason());
                } else {
                    parts.fault(Part.READER, e.reason());
                    parts.none(Part.CARD, "no card");
                }
            }
            case READER_OK -> {
                if (!psamReader) {
                    parts.ok(Part.READER, e.reader());
                }
            }
            case CARD_REMOVED -> {
                if (psamReader) {
                    parts.fault(Part.PSAM, "PSAM removed \u2014 reconnecting\u2026");
                } else {
                    parts.none(Part.CARD, "no card");
                }
            }
            case CARD_PRESENTED -> {
                if (psamReader && !parts.of(Part.PSAM).isOk()) {
                    try {
                        reopenPsam.run();
                    } catch (RuntimeException ex) {
                        LOG.warn("PSAM not usable after it came back: {}", ex.getMessage());
                    }
                }
            }
        }
        parts.changed();
    }
}
