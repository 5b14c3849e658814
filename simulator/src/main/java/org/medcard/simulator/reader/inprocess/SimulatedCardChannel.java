package org.medcard.simulator.reader.inprocess;

import java.nio.ByteBuffer;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/** The basic channel (0) of a simulated card connection. APDUs pass unchanged: no automatic GET RESPONSE. */
final class SimulatedCardChannel extends CardChannel {

    private final SimulatedSmartCard card;

    SimulatedCardChannel(SimulatedSmartCard card) {
        this.card = card;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        card.checkConnected();
        return 0;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        byte[] response = card.transmit(command.getBytes());
        if (response.length < 2) {
            throw new CardException("transmit() failed: card answered " + response.length + " bytes, less than a status word");
        }
        return new ResponseAPDU(response);
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        if (command == response) {
            throw new IllegalArgumentException("command and response must not be the same buffer");
        }
        if (response.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        byte[] c = new byte[command.remaining()];
        command.get(c);
        byte[] r = card.transmit(c);
        if (response.remaining() < r.length) {
            throw new IllegalArgumentException("response buffer too small: " + response.remaining() + " < " + r.length);
        }
        response.put(r);
        return r.length;
    }

    @Override
    public void close() throws CardException {
        throw new IllegalStateException("Cannot close basic logical channel");
    }
}
