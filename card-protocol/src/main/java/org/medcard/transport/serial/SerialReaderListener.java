package org.medcard.transport.serial;

/**
 * Told about card presence events and about the port coming and going.
 *
 * <p>Card events are called on the reader's port thread; {@link #readerAvailable()} and
 * {@link #readerUnavailable(String)} on whichever thread noticed (the port thread, or a request thread
 * that reopened the port or failed to write). Return quickly, and never call the reader's request methods
 * from here (the port thread is the one that would have to read their answers); hand the event to the
 * card worker thread instead. A listener that throws is logged and otherwise ignored.
 */
public interface SerialReaderListener {

    /** The reader reported (code {@code 80}) a card put into {@code slot}. */
    default void cardInserted(int slot) {
    }

    /** The reader reported (code {@code 81}) the card taken out of {@code slot}. */
    default void cardRemoved(int slot) {
    }

    /** The port disappeared (USB reader unplugged, pty closed); requests fail until it is back. */
    default void readerUnavailable(String reason) {
    }

    /** The port was (re)opened. */
    default void readerAvailable() {
    }
}
