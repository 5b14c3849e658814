package org.medcard.transport.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.smartcardio.CardException;

import org.junit.jupiter.api.Test;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/** {@link PcscReaders} over an injected provider: what it adds to javax.smartcardio, without pcscd. */
class PcscReadersTest {

    /** A card that wants GET RESPONSE for GET BALANCE, and refuses it with CLA 80 as real cards do. */
    private static byte[] card(byte[] apdu) {
        return switch (Hex.of(apdu)) {
            case "805C000204" -> Hex.parse("6104");
            case "00C0000004" -> Hex.parse("000027109000");
            case "80C0000004" -> Hex.parse("6E00");
            default -> Hex.parse("6D00");
        };
    }

    private final FakeSmartcardio.Reader cardReader = new FakeSmartcardio.Reader("Reader A 00 00", PcscReadersTest::card);
    private final FakeSmartcardio.Reader psamReader = new FakeSmartcardio.Reader("Reader A 00 01", null);
    private final FakeSmartcardio.Terminals terminals = new FakeSmartcardio.Terminals(List.of(cardReader, psamReader));
    private final PcscReaders readers = new PcscReaders(FakeSmartcardio.factory(terminals));

    @Test
    void readerNames_listsTheInjectedProvidersReaders() {
        assertEquals(List.of("Reader A 00 00", "Reader A 00 01"), readers.readerNames());
    }

    @Test
    void noReaders_isReaderUnavailable() {
        PcscReaders none = new PcscReaders(FakeSmartcardio.factory(new FakeSmartcardio.Terminals(List.of())));

        CardFault fault = assertThrows(CardFault.class, none::readerNames);

        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
    }

    @Test
    void serviceDown_isNoService() {
        terminals.failure = new CardException("list() failed", new Exception("SCARD_E_NO_SERVICE"));

        CardFault fault = assertThrows(CardFault.class, readers::readerNames);

        assertEquals(CardFault.Kind.NO_SERVICE, fault.kind());
    }

    @Test
    void open_returnsATransportThatChainsGetResponseWithClass00() {
        try (CardTransport t = readers.open("Reader A 00 00")) {
            ResponseApdu answer = t.transmit(CommandApdu.parse(Hex.parse("805C000204")));

            assertEquals("000027109000", Hex.of(answer.bytes()));
            assertEquals(List.of("805C000204", "00C0000004"), cardReader.received);
            assertEquals("Reader A 00 00", t.name());
        }
    }

    @Test
    void close_resetsTheCard() {
        readers.open("Reader A 00 00").close();

        assertTrue(cardReader.disconnectedWithReset);
    }

    @Test
    void unknownReader_faultNamesTheReadersPresent() {
        CardFault fault = assertThrows(CardFault.class, () -> readers.open("Reader B 00 00"));

        assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
        assertTrue(fault.getMessage().contains("[Reader A 00 00, Reader A 00 01]"), fault.getMessage());
    }

    @Test
    void emptyReader_connectIsCardRemoved() {
        CardFault fault = assertThrows(CardFault.class, () -> readers.open("Reader A 00 01"));

        assertEquals(CardFault.Kind.CARD_REMOVED, fault.kind());
        assertTrue(fault.getMessage().contains("Reader A 00 01"), fault.getMessage());
    }

    @Test
    void sharingViolationOnConnect_isSharingViolation() {
        cardReader.failure = new CardException("connect() failed", new Exception("SCARD_E_SHARING_VIOLATION"));

        CardFault fault = assertThrows(CardFault.class, () -> readers.open("Reader A 00 00"));

        assertEquals(CardFault.Kind.SHARING_VIOLATION, fault.kind());
    }

    @Test
    void cardPulledDuringSession_isCardRemoved_withTheCommandHeader() {
        try (CardTransport t = readers.open("Reader A 00 00")) {
            cardReader.card = null;

            CardFault fault = assertThrows(CardFault.class, () -> t.transmit(CommandApdu.parse(Hex.parse("805C000204"))));

            assertEquals(CardFault.Kind.CARD_REMOVED, fault.kind());
            assertTrue(fault.getMessage().contains("805C0002"), fault.getMessage());
            assertFalse(t.isCardPresent());
        }
    }

    @Test
    void notTransactedWhileTheCardIsStillThere_isCardMute() {
        try (CardTransport t = readers.open("Reader A 00 00")) {
            cardReader.failure = new CardException("transmit() failed", new Exception("SCARD_E_NOT_TRANSACTED"));

            CardFault fault = assertThrows(CardFault.class, () -> t.transmit(CommandApdu.parse(Hex.parse("805C000204"))));

            assertEquals(CardFault.Kind.CARD_MUTE, fault.kind());
        }
    }

    @Test
    void readerUnpluggedDuringSession_faultNamesTheReadersStillPresent() {
        try (CardTransport t = readers.open("Reader A 00 00")) {
            cardReader.failure = new CardException("transmit() failed", new Exception("SCARD_E_READER_UNAVAILABLE"));

            CardFault fault = assertThrows(CardFault.class, () -> t.transmit(CommandApdu.parse(Hex.parse("805C000204"))));

            assertEquals(CardFault.Kind.READER_UNAVAILABLE, fault.kind());
            assertTrue(fault.getMessage().contains("readers present: [Reader A 00 00, Reader A 00 01]"), fault.getMessage());
        }
    }

    @Test
    void waitForCard_answersFromTheReader() {
        assertTrue(readers.waitForCard("Reader A 00 00", Duration.ofMillis(10)));
        assertFalse(readers.waitForCard("Reader A 00 01", Duration.ofMillis(10)));
        assertTrue(readers.waitForCardAbsent("Reader A 00 01", Duration.ofMillis(10)));
    }

    @Test
    void waitForCard_rejectsAZeroTimeout_whichJavaxWouldTakeAsForever() {
        assertThrows(IllegalArgumentException.class, () -> readers.waitForCard("Reader A 00 00", Duration.ZERO));
    }
}
