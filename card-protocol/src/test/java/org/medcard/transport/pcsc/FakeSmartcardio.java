package org.medcard.transport.pcsc;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;

import org.medcard.apdu.Hex;

/**
 * A minimal {@code javax.smartcardio} provider for unit tests of {@link PcscReaders}: readers whose card
 * answers through a function (raw bytes in, raw bytes out) or whose calls throw what the test says.
 * Not a simulator: only what those tests need.
 */
final class FakeSmartcardio {

    /** A reader; {@code card == null} means empty. */
    static final class Reader extends CardTerminal {
        final String name;
        volatile UnaryOperator<byte[]> card;
        volatile CardException failure;
        final List<String> received = new ArrayList<>();
        boolean disconnectedWithReset;

        Reader(String name, UnaryOperator<byte[]> card) {
            this.name = name;
            this.card = card;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Card connect(String protocol) throws CardException {
            if (failure != null) {
                throw failure;
            }
            if (card == null) {
                throw new javax.smartcardio.CardNotPresentException("No card present");
            }
            return new FakeCard(this);
        }

        @Override
        public boolean isCardPresent() {
            return card != null;
        }

        @Override
        public boolean waitForCardPresent(long timeout) {
            return card != null;
        }

        @Override
        public boolean waitForCardAbsent(long timeout) {
            return card == null;
        }
    }

    private static final class FakeCard extends Card {
        private final Reader reader;

        FakeCard(Reader reader) {
            this.reader = reader;
        }

        @Override
        public ATR getATR() {
            return new ATR(Hex.parse("3B800181"));
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            return new CardChannel() {
                @Override
                public Card getCard() {
                    return FakeCard.this;
                }

                @Override
                public int getChannelNumber() {
                    return 0;
                }

                @Override
                public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                    if (reader.failure != null) {
                        throw reader.failure;
                    }
                    UnaryOperator<byte[]> c = reader.card;
                    if (c == null) {
                        throw new CardException("transmit() failed", new Exception("SCARD_W_REMOVED_CARD"));
                    }
                    synchronized (reader.received) {
                        reader.received.add(Hex.of(command.getBytes()));
                    }
                    return new ResponseAPDU(c.apply(command.getBytes()));
                }

                @Override
                public int transmit(ByteBuffer command, ByteBuffer response) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public CardChannel openLogicalChannel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginExclusive() {
        }

        @Override
        public void endExclusive() {
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void disconnect(boolean reset) {
            reader.disconnectedWithReset = reset;
        }
    }

    static final class Terminals extends CardTerminals {
        final List<Reader> readers;
        volatile CardException failure;

        Terminals(List<Reader> readers) {
            this.readers = readers;
        }

        @Override
        public List<CardTerminal> list(State state) throws CardException {
            if (failure != null) {
                throw failure;
            }
            return List.copyOf(readers);
        }

        @Override
        public boolean waitForChange(long timeout) {
            return false;
        }
    }

    /** Loaded by the JCA through the provider below; {@code params} is the {@link Terminals}. */
    public static final class Spi extends TerminalFactorySpi {
        private final Terminals terminals;

        public Spi(Object params) {
            this.terminals = (Terminals) params;
        }

        @Override
        protected CardTerminals engineTerminals() {
            return terminals;
        }
    }

    private static final class FakeProvider extends Provider {
        FakeProvider() {
            super("MedCardFakeSmartcardio", "1", "test provider");
            put("TerminalFactory.Fake", Spi.class.getName());
        }
    }

    private FakeSmartcardio() {
    }

    static TerminalFactory factory(Terminals terminals) {
        try {
            return TerminalFactory.getInstance("Fake", terminals, new FakeProvider());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
