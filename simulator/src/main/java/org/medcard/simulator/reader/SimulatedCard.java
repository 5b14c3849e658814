package org.medcard.simulator.reader;

/**
 * Anything that sits in a simulated slot and answers APDUs: the virtual medical card, the virtual PSAM,
 * or a scripted card in a test. Readers (in-process, vpcd, serial) only move bytes to and from it.
 *
 * <p>Called by one reader thread at a time; implementations synchronize their own state if a
 * technician's console may inspect it concurrently.
 */
public interface SimulatedCard {

    /** The answer to reset. */
    byte[] atr();

    /**
     * Processes one command APDU and returns the response bytes (data followed by SW1 SW2).
     *
     * @throws CardTornException when an injected tear cuts the power during this command; the card has
     *         kept whatever state it reached atomically, and the slot treats the card as pulled
     */
    byte[] process(byte[] command);

    /** Power cycle: forgets the selected application, PIN verification and any purchase in progress. */
    void reset();

    /** A short description for the technician (profile and card number, masked). */
    String describe();
}
