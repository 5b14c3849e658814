package org.medcard.simulator.reader;

/** Told about what happens in a slot; readers use it for insert/remove events, the console for the APDU trace. */
public interface SlotListener {

    default void cardInserted(SimulatedSlot slot) {
    }

    default void cardRemoved(SimulatedSlot slot) {
    }

    /** One exchange; {@code response} is what the reader will deliver (after any injected corruption). */
    default void exchanged(SimulatedSlot slot, byte[] command, byte[] response, long nanos) {
    }
}
