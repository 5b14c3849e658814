package org.medcard.transport.pcsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.transport.CardFault;

/** The JNA binding's pure parts: return codes into faults, PC/SC multi-strings into names. */
class JnaPcscCodesTest {

    @Test
    void noService_isNoServiceFault_andMeansANewContext() {
        CardFault f = PcscFaults.ofCode(0x8010001D, "listing readers");

        assertEquals(CardFault.Kind.NO_SERVICE, f.kind());
        assertTrue(f.getMessage().contains("SCARD_E_NO_SERVICE"), f.getMessage());
        assertTrue(PcscFaults.serviceGone(0x8010001D));
    }

    @Test
    void invalidHandleAfterARestart_isNoService() {
        assertEquals(CardFault.Kind.NO_SERVICE, PcscFaults.ofCode(0x80100003, "x").kind());
        assertTrue(PcscFaults.serviceGone(0x80100003));
    }

    @Test
    void removedCard_isCardRemoved_andKeepsTheService() {
        assertEquals(CardFault.Kind.CARD_REMOVED, PcscFaults.ofCode(0x80100069, "x").kind());
        assertFalse(PcscFaults.serviceGone(0x80100069));
    }

    @Test
    void unknownCode_namedInHex() {
        assertEquals("PC/SC error 0x80100099", PcscFaults.nameOf(0x80100099));
        assertEquals(CardFault.Kind.IO, PcscFaults.ofCode(0x80100099, "x").kind());
    }

    @Test
    void multiString_splitsAtNulAndStopsAtTheEmptyName() {
        byte[] b = "Virtual PCD 00 00\0Virtual PCD 00 01\0\0garbage".getBytes(StandardCharsets.US_ASCII);

        assertEquals(List.of("Virtual PCD 00 00", "Virtual PCD 00 01"), JnaPcsc.multiString(b, b.length));
        assertEquals(List.of(), JnaPcsc.multiString(new byte[] {0}, 1));
    }
}
