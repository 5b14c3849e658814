package org.medcard.transport.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardFault.Kind;

class PcscFaultsTest {

    /** What SunPCSC throws: a CardException around an exception whose message is the bare PC/SC code. */
    private static CardException sunPcsc(String what, String code) {
        return new CardException(what, new Exception(code));
    }

    @ParameterizedTest
    @CsvSource({
            "SCARD_E_NO_SERVICE, NO_SERVICE",
            "SCARD_E_SERVICE_STOPPED, NO_SERVICE",
            "SCARD_W_REMOVED_CARD, CARD_REMOVED",
            "SCARD_E_NO_SMARTCARD, CARD_REMOVED",
            "SCARD_W_RESET_CARD, CARD_REMOVED",
            "SCARD_E_SHARING_VIOLATION, SHARING_VIOLATION",
            "SCARD_E_READER_UNAVAILABLE, READER_UNAVAILABLE",
            "SCARD_E_UNKNOWN_READER, READER_UNAVAILABLE",
            "SCARD_E_NO_READERS_AVAILABLE, READER_UNAVAILABLE",
            "SCARD_W_UNRESPONSIVE_CARD, CARD_MUTE",
            "SCARD_E_NOT_TRANSACTED, CARD_MUTE",
            "SCARD_E_TIMEOUT, TIMEOUT",
            "SCARD_F_COMM_ERROR, IO",
            "SCARD_E_SOMETHING_NEW, IO"})
    void pcscCodeInTheCause_givesTheKind(String code, Kind kind) {
        assertEquals(kind, PcscFaults.kindOf(sunPcsc("transmit() failed", code)));
    }

    @Test
    void codeInTheOuterMessage_isFoundToo() {
        assertEquals(Kind.CARD_MUTE, PcscFaults.kindOf(new CardException("connect() failed: SCARD_W_UNRESPONSIVE_CARD")));
    }

    @Test
    void cardNotPresentException_isCardRemoved() {
        assertEquals(Kind.CARD_REMOVED, PcscFaults.kindOf(new CardNotPresentException("No card present")));
    }

    @Test
    void illegalStateOfAClosedSession_isCardRemoved() {
        assertEquals(Kind.CARD_REMOVED, PcscFaults.kindOf(new IllegalStateException("Card has been disconnected")));
    }

    @Test
    void unknownException_isIo() {
        assertEquals(Kind.IO, PcscFaults.kindOf(new CardException("something odd")));
    }

    @Test
    void translatedFault_carriesContextCodeExplanationAndCause() {
        CardException e = sunPcsc("transmit() failed", "SCARD_W_REMOVED_CARD");

        CardFault fault = PcscFaults.translate(e, "reader 'Virtual PCD 00 00', command 80540100");

        assertEquals(Kind.CARD_REMOVED, fault.kind());
        assertTrue(fault.getMessage().contains("reader 'Virtual PCD 00 00', command 80540100"), fault.getMessage());
        assertTrue(fault.getMessage().contains("SCARD_W_REMOVED_CARD (the card was removed)"), fault.getMessage());
        assertSame(e, fault.getCause());
    }
}
