package org.medcard.transport.serial;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One slot of a {@link SerialReader} as a {@link CardTransport}: APDUs go out as command {@code 13} with
 * the slot byte in front. Call {@link #powerOn()} once a card is in the slot (after a
 * {@link SerialReaderListener#cardInserted} event or a {@link #status()} that says so), before the first
 * APDU.
 *
 * <p>Threads as in {@link SerialReader}: the card worker thread, never the UI thread. {@link #close()}
 * powers the slot off but leaves the reader (shared with the other slot) open; its owner closes it.
 */
public final class SerialReaderTransport implements CardTransport {

    private static final Logger log = LoggerFactory.getLogger(SerialReaderTransport.class);

    private final SerialReader reader;
    private final int slot;

    SerialReaderTransport(SerialReader reader, int slot) {
        if (slot < 0 || slot > 0xFF) {
            throw new IllegalArgumentException("slot is not a byte: " + slot);
        }
        this.reader = reader;
        this.slot = slot;
    }

    public int slotNumber() {
        return slot;
    }

    /** Powers the card up (or resets it) and returns its ATR. */
    public byte[] powerOn() {
        return reader.powerOn(slot);
    }

    public void powerOff() {
        reader.powerOff(slot);
    }

    public SlotStatus status() {
        return reader.slotStatus(slot);
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        return reader.transmit(slot, command);
    }

    /** Asks the reader (command {@code 10}); a reader that cannot be asked counts as "no card". */
    @Override
    public boolean isCardPresent() {
        try {
            return status().hasCard();
        } catch (CardFault e) {
            log.debug("{}: slot status not available: {}", name(), e.getMessage());
            return false;
        }
    }

    @Override
    public String name() {
        return reader.name() + " slot " + slot + (slot == 0 ? " (card)" : slot == 1 ? " (PSAM)" : "");
    }

    /** Powers the slot off if the reader can be reached; never throws. */
    @Override
    public void close() {
        try {
            reader.powerOff(slot);
        } catch (CardFault e) {
            log.debug("{}: power off on close failed: {}", name(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SerialReaderTransport[" + name() + "]";
    }
}
