package org.medcard.psam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.Hex;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.crypto.Algorithm;
import org.medcard.testsupport.ScriptedTransport;

/** The PSAM's APDUs exactly as the spec lists them, against a scripted PSAM. */
class PsamClientTest {

    private static final String SELECT = "00A4040009 F04D45444341524450 00";
    private static final String READ_TERMINAL_ID = "00B0960006";
    private static final byte[] DIV = Hex.parse("0020261122000017");
    private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 22, 10, 15, 2);

    private final ScriptedTransport sam = new ScriptedTransport("scripted PSAM")
            .expect(SELECT, "9000")
            .expect(READ_TERMINAL_ID, "000000123456 9000");

    @AfterEach
    void allSent() {
        sam.assertAllConsumed();
    }

    @Test
    void open_selectsAndReadsTerminalId() {
        PsamClient psam = PsamClient.open(sam);
        assertEquals(TerminalId.parse("000000123456"), psam.terminalId());
        assertFalse(psam.isSoftware());
    }

    @Test
    void initSamForPurchase_sendsTheVectorFieldsInSpecOrder() {
        sam.expect("807000001C 1A2B3C4D 0005 000004D2 06 20261122 101502 01 02 0020261122000017 08", "00000101 05BFA012 9000");
        SamPurchaseProof proof = PsamClient.open(sam).initSamForPurchase(
                new SamPurchaseRequest(Hex.parse("1A2B3C4D"), 5, 0x4D2, WHEN, 1, Algorithm.TRIPLE_DES, DIV));
        assertEquals(0x101, proof.terminalSeq());
        assertEquals("05BFA012", Hex.of(proof.mac1()));
    }

    @Test
    void initSamForPurchase_highSequenceNumbersStayUnsigned() {
        sam.expect("807000001C 1A2B3C4D 0005 000004D2 06 20261122 101502 01 04 0020261122000017 08", "FFFFFFFE 00000000 9000");
        assertEquals(0xFFFF_FFFEL, PsamClient.open(sam).initSamForPurchase(
                new SamPurchaseRequest(Hex.parse("1A2B3C4D"), 5, 0x4D2, WHEN, 1, Algorithm.SM4, DIV)).terminalSeq());
    }

    @Test
    void creditSamForPurchase_9000Verified_9302Not() {
        sam.expect("8072000004 D64A8A19", "9000").expect("8072000004 D64A8A18", "9302");
        PsamClient psam = PsamClient.open(sam);
        assertTrue(psam.creditSamForPurchase(Hex.parse("D64A8A19")));
        assertFalse(psam.creditSamForPurchase(Hex.parse("D64A8A18")));
    }

    @Test
    void verifyTac_sendsEveryListedField_withTheAlgorithmInP1() {
        sam.expect("807A020022 0020261122000017 000004D2 06 000000123456 00000101 20261122 101502 6FBC1D52", "9000")
                .expect("807A020022 0020261122000017 000004D2 06 000000123456 00000101 20261122 101502 6FBC1D53", "9302");
        PsamClient psam = PsamClient.open(sam);
        TerminalId t = psam.terminalId();
        assertTrue(psam.verifyTac(new TacCheck(Algorithm.TRIPLE_DES, 1, DIV, 0x4D2, t, 0x101, WHEN, Hex.parse("6FBC1D52"))));
        assertFalse(psam.verifyTac(new TacCheck(Algorithm.TRIPLE_DES, 1, DIV, 0x4D2, t, 0x101, WHEN, Hex.parse("6FBC1D53"))));
    }

    @Test
    void macForApplicationBlock_namesTheAlgorithmInP1_andReturnsFourBytes() {
        sam.expect("807C040110 0020261122000017 0102030405060708 04", "95CF77AB 9000");
        assertEquals("95CF77AB", Hex.of(PsamClient.open(sam).macForApplicationBlock(Algorithm.SM4, 1, DIV,
                Hex.parse("0102030405060708"), 1)));
    }

    @Test
    void unknownKey9403_isARefusal() {
        sam.expect("807000001C 1A2B3C4D 0005 000004D2 06 20261122 101502 07 02 0020261122000017 08", "9403");
        CardRefusal e = assertThrows(CardRefusal.class, () -> PsamClient.open(sam).initSamForPurchase(
                new SamPurchaseRequest(Hex.parse("1A2B3C4D"), 5, 0x4D2, WHEN, 7, Algorithm.TRIPLE_DES, DIV)));
        assertEquals(0x9403, e.sw().value());
    }

    @Test
    void shortAnswers_areMalformed() {
        sam.expect("807000001C 1A2B3C4D 0005 000004D2 06 20261122 101502 01 02 0020261122000017 08", "00000101 05BF 9000");
        PsamClient psam = PsamClient.open(sam);
        assertThrows(MalformedResponseException.class, () -> psam.initSamForPurchase(
                new SamPurchaseRequest(Hex.parse("1A2B3C4D"), 5, 0x4D2, WHEN, 1, Algorithm.TRIPLE_DES, DIV)));
    }

    @Test
    void shortTerminalId_isMalformed() {
        ScriptedTransport other = new ScriptedTransport("PSAM with short SFI 16").expect(SELECT, "9000")
                .expect(READ_TERMINAL_ID, "0000001234 9000");
        assertThrows(MalformedResponseException.class, () -> PsamClient.open(other));
        other.assertAllConsumed();
        PsamClient.open(sam);
    }

    @Test
    void missingPsamApplication_isARefusal() {
        ScriptedTransport other = new ScriptedTransport("not a PSAM").expect(SELECT, "6A82");
        assertEquals(0x6A82, assertThrows(CardRefusal.class, () -> PsamClient.open(other)).sw().value());
        PsamClient.open(sam);
    }
}
