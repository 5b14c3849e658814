package org.medcard.transport.pcsc;

import java.time.Duration;
import java.util.Arrays;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.NativeLongByReference;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One card session through {@link JnaPcsc}: its own PC/SC context and card handle, both released by
 * {@link #close()}. Raw, like {@link PcscTransport}: no GET RESPONSE or {@code 6CXX} handling (the decorators
 * {@link PcscReaders#open} adds do that, with {@code 00 C0}). <b>Closing resets the card</b>
 * ({@code SCARD_RESET_CARD}), for the reasons {@link PcscTransport} gives.
 *
 * <p>After the service restarted, every call answers a {@link CardFault} (NO_SERVICE): the session is gone and
 * the caller opens a new one, which reaches the new service.
 *
 * <p>Used by one thread at a time, the reader's worker thread.
 */
final class JnaCardSession implements CardTransport {

    private static final Logger log = LoggerFactory.getLogger(JnaCardSession.class);
    /** An extended APDU's largest answer (65536 data bytes) and its status word. */
    private static final int MAX_RESPONSE = 65538;

    private final JnaPcsc pcsc;
    private final Winscard lib;
    private final Pointer context;
    private final Pointer card;
    private final String reader;
    private final int protocol;
    private boolean closed;

    JnaCardSession(JnaPcsc pcsc, Winscard lib, Pointer context, Pointer card, String reader, int protocol) {
        this.pcsc = pcsc;
        this.lib = lib;
        this.context = context;
        this.card = card;
        this.reader = reader;
        this.protocol = protocol;
    }

    /** The protocol the card and the reader agreed on, {@code T=0} or {@code T=1}. */
    String protocol() {
        return protocol == Winscard.SCARD_PROTOCOL_T1 ? "T=1" : "T=0";
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        if (closed) {
            throw new CardFault(CardFault.Kind.CARD_REMOVED, "reader '" + reader + "': the card session was closed");
        }
        byte[] out = command.bytes();
        byte[] in = new byte[MAX_RESPONSE];
        NativeLongByReference length = new NativeLongByReference(new NativeLong(in.length));
        int rc = lib.SCardTransmit(card, new Winscard.IoRequest(protocol), out, new NativeLong(out.length), null, in, length)
                .intValue();
        String context = "reader '" + reader + "', command " + command.header();
        if (rc != Winscard.SCARD_S_SUCCESS) {
            CardFault fault = PcscFaults.ofCode(rc, context);
            if (fault.kind() == CardFault.Kind.READER_UNAVAILABLE) {
                fault = PcscFaults.ofCode(rc, context + "; readers present: " + pcsc.readersForMessage(this.context));
            }
            if (fault.kind() == CardFault.Kind.CARD_MUTE && cardGone()) {
                // A card pulled out during the exchange fails it like a mute card; the cashier must hear the right one.
                throw new CardFault(CardFault.Kind.CARD_REMOVED, context + ": the card left the reader during the exchange");
            }
            throw fault;
        }
        int n = (int) length.getValue().longValue();
        if (n < 2) {
            throw new CardFault(CardFault.Kind.CARD_MUTE, context + ": no status word in the card's answer");
        }
        return ResponseApdu.parse(Arrays.copyOf(in, n));
    }

    private boolean cardGone() {
        try {
            return !isCardPresent();
        } catch (CardFault e) {
            return false;
        }
    }

    @Override
    public boolean isCardPresent() {
        return pcsc.waitFor(reader, Duration.ofMillis(1), true);
    }

    @Override
    public String name() {
        return reader;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        int rc = lib.SCardDisconnect(card, new NativeLong(Winscard.SCARD_RESET_CARD)).intValue();
        if (rc != Winscard.SCARD_S_SUCCESS) {
            log.debug("closing {}: {}", reader, PcscFaults.nameOf(rc));
        }
        pcsc.release(context);
    }
}
