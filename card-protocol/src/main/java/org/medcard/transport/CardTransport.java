package org.medcard.transport;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;

/**
 * One card slot: send a command APDU, get its response APDU.
 *
 * <p>Everything else (GET RESPONSE chaining, {@code 6CXX} resends, tracing) is a decorator around this
 * interface; PC/SC, serial and the simulator are implementations. A transport is used by one thread at
 * a time (the reader's worker thread, never the UI thread); implementations need not be thread-safe
 * unless they say so.
 *
 * <p>Failures of the link (reader gone, card removed, card mute, time-out, garbage) are thrown as
 * {@link CardFault}. A status word other than {@code 9000} is <em>not</em> a failure of the transport:
 * it is returned, and the caller decides whether it is a refusal.
 */
public interface CardTransport extends AutoCloseable {

    /** Sends one command and returns the card's answer. */
    ResponseApdu transmit(CommandApdu command);

    /** Whether a card is in the slot now, as far as the reader can tell. */
    boolean isCardPresent();

    /** A human-readable name (the reader and slot), for messages and logs. */
    String name();

    /** Releases the card and the reader; never throws. */
    @Override
    void close();
}
