package org.medcard.transport.pcsc;

import java.util.function.Supplier;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One card session on a PC/SC reader, over the basic logical channel. Raw: no GET RESPONSE or
 * {@code 6CXX} handling (the JDK's is switched off by {@link PcscReaders#configureJdkPcsc()}); use the
 * transport {@link PcscReaders#open} returns, which wraps this one in our decorators.
 *
 * <p><b>Closing resets the card</b> ({@code disconnect(true)}, {@code SCARD_RESET_CARD}): the PIN
 * verification and any purchase in progress must not survive into the next program's (or the next
 * customer's) session. Nothing the terminal needs later is lost by a reset: GET TRANSACTION PROVE works
 * after a power cycle.
 *
 * <p>Used by one thread at a time, the reader's worker thread; never the UI thread (PC/SC calls block).
 */
public final class PcscTransport implements CardTransport {

    private static final Logger log = LoggerFactory.getLogger(PcscTransport.class);

    private final CardTerminal terminal;
    private final Card card;
    private final CardChannel channel;
    private final String readerName;
    private final Supplier<String> readersPresent;

    PcscTransport(CardTerminal terminal, Card card, Supplier<String> readersPresent) {
        this.terminal = terminal;
        this.card = card;
        this.readersPresent = readersPresent;
        this.channel = card.getBasicChannel();
        this.readerName = terminal.getName();
    }

    /** The protocol the card and reader agreed on, {@code T=0} or {@code T=1}. */
    public String protocol() {
        return card.getProtocol();
    }

    /** The card's answer to reset. */
    public byte[] atr() {
        return card.getATR().getBytes();
    }

    @Override
    public ResponseApdu transmit(CommandApdu command) {
        try {
            ResponseAPDU answer = channel.transmit(new CommandAPDU(command.bytes()));
            return ResponseApdu.parse(answer.getBytes());
        } catch (CardException | IllegalStateException e) {
            String context = "reader '" + readerName + "', command " + command.header();
            if (PcscFaults.kindOf(e) == CardFault.Kind.READER_UNAVAILABLE) {
                context += "; readers present: " + readersPresent.get();
            }
            CardFault fault = PcscFaults.translate(e, context);
            if (fault.kind() == CardFault.Kind.CARD_MUTE && cardGone()) {
                // A card pulled out during the exchange fails it like a mute card (SCARD_E_NOT_TRANSACTED);
                // the reader knows the difference, and the cashier must be told the right one.
                throw new CardFault(CardFault.Kind.CARD_REMOVED, context + ": the card left the reader during the exchange", e);
            }
            throw fault;
        } catch (IllegalArgumentException e) {
            // javax.smartcardio.ResponseAPDU refuses fewer than two bytes: the card gave no status word.
            throw new CardFault(CardFault.Kind.CARD_MUTE, "reader '" + readerName + "', command " + command.header()
                    + ": no status word in the card's answer", e);
        }
    }

    private boolean cardGone() {
        try {
            return !terminal.isCardPresent();
        } catch (CardException e) {
            return false;
        }
    }

    @Override
    public boolean isCardPresent() {
        try {
            return terminal.isCardPresent();
        } catch (CardException e) {
            throw PcscFaults.translate(e, "reader '" + readerName + "', card presence");
        }
    }

    @Override
    public String name() {
        return readerName;
    }

    @Override
    public void close() {
        try {
            card.disconnect(true);
        } catch (CardException | IllegalStateException e) {
            CardFault fault = PcscFaults.translate(e, "reader '" + readerName + "', disconnect");
            log.debug("closing {}: {}", readerName, fault.getMessage());
        }
    }
}
