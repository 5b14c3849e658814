package org.medcard.transport;

import java.io.ByteArrayOutputStream;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;

/**
 * Completes the two ISO 7816-4 "ask again" answers so that callers only ever see a final answer:
 *
 * <ul>
 *   <li>{@code 61XX}: sends GET RESPONSE {@code 00 C0 00 00 XX} and joins the data, as often as the card
 *       keeps answering {@code 61XX}, but at most {@link #MAX_GET_RESPONSE_ROUNDS} times; a card that
 *       never stops is a {@link CardFault.Kind#MALFORMED} fault rather than an endless loop. GET RESPONSE
 *       always has CLA {@code 00}, whatever the CLA of the original command: the card application
 *       rejects {@code 80 C0} (this is exactly what the JDK's own PC/SC chaining gets wrong).</li>
 *   <li>{@code 6CXX}: sends the same command again with Le = XX, once. A second {@code 6CXX} is
 *       returned to the caller as it is.</li>
 * </ul>
 *
 * <p>Same threading rule as the transport it wraps: one thread at a time.
 */
public final class ResponseChainingTransport implements CardTransport {

    /** Enough for 16 × 256 bytes, far beyond any answer of the card application (at most 128 bytes). */
    public static final int MAX_GET_RESPONSE_ROUNDS = 16;

    private final CardTransport delegate;

    public ResponseChainingTransport(CardTransport delegate) {
        this.delegate = delegate;
    }

    /** Builds the GET RESPONSE for a {@code 61XX} answer ({@code XX = 00} means 256 bytes). */
    public static CommandApdu getResponse(int available) {
        return new CommandApdu(0x00, 0xC0, 0x00, 0x00, available == 0 ? 256 : available);
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        ResponseApdu response = delegate.transmit(command);
        if (response.sw().isWrongLe()) {
            response = delegate.transmit(command.withLe(response.sw2() == 0 ? 256 : response.sw2()));
        }
        if (!response.sw().isMoreData()) {
            return response;
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int rounds = 0;
        while (response.sw().isMoreData()) {
            if (rounds == MAX_GET_RESPONSE_ROUNDS) {
                throw new CardFault(CardFault.Kind.MALFORMED, delegate.name() + ": command " + command.header()
                        + " still answers 61XX after " + MAX_GET_RESPONSE_ROUNDS + " GET RESPONSE rounds ("
                        + joined.size() + " bytes so far)");
            }
            joined.writeBytes(response.data());
            response = delegate.transmit(getResponse(response.sw2()));
            rounds++;
        }
        joined.writeBytes(response.data());
        return new ResponseApdu(joined.toByteArray(), response.sw());
    }

    @Override
    public boolean isCardPresent() {
        return delegate.isCardPresent();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
