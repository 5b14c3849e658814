package org.medcard.psam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.transport.CardFault;

class SoftPsamTest {

    private static final byte[] DIV = Hex.parse("0020261122000017");
    private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 22, 10, 15, 2);

    @TempDir
    Path dir;

    private SoftPsam psamWithLastSeq(long last) throws IOException {
        Path seq = dir.resolve("seq");
        Files.writeString(seq, String.format("%08X%n", last));
        return new SoftPsam(SoftPsamKeys.testKeys(), new FileSequenceStore(seq));
    }

    private static SamPurchaseRequest vector1(Algorithm alg) {
        return new SamPurchaseRequest(Hex.parse("1A2B3C4D"), 5, 0x4D2, WHEN, 1, alg, DIV);
    }

    @Test
    void testKeyFile_isMarkedAndAdvertisesSoftware() throws IOException {
        try (InputStream in = SoftPsamKeys.class.getResourceAsStream(SoftPsamKeys.TEST_KEYS_RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("TEST KEYS — NOT FOR PRODUCTION"));
        }
        SoftPsam psam = psamWithLastSeq(0);
        assertTrue(psam.isSoftware());
        assertEquals(TerminalId.parse("000000123456"), psam.terminalId());
        assertTrue(SoftPsamKeys.testKeys().keys(1, Algorithm.SM4).isPresent());
        assertFalse(SoftPsamKeys.testKeys().toString().contains("4041"), "keys never printed");
    }

    @Test
    void vector1_tripleDes_mac1AndMac2() throws IOException {
        SoftPsam psam = psamWithLastSeq(0x100);
        SamPurchaseProof proof = psam.initSamForPurchase(vector1(Algorithm.TRIPLE_DES));
        assertEquals(0x101, proof.terminalSeq());
        assertEquals("05BFA012", Hex.of(proof.mac1()));
        assertTrue(psam.creditSamForPurchase(Hex.parse("D64A8A19")));
    }

    @Test
    void vector3_sm4_mac1AndMac2() throws IOException {
        SoftPsam psam = psamWithLastSeq(0x100);
        SamPurchaseProof proof = psam.initSamForPurchase(vector1(Algorithm.SM4));
        assertEquals("C1CDBC87", Hex.of(proof.mac1()));
        assertTrue(psam.creditSamForPurchase(Hex.parse("C3C66217")));
    }

    @Test
    void wrongMac2_isNotVerified_andEndsTheSession() throws IOException {
        SoftPsam psam = psamWithLastSeq(0x100);
        psam.initSamForPurchase(vector1(Algorithm.TRIPLE_DES));
        assertFalse(psam.creditSamForPurchase(Hex.parse("D64A8A18")));
        CardRefusal e = assertThrows(CardRefusal.class, () -> psam.creditSamForPurchase(Hex.parse("D64A8A19")));
        assertEquals(0x6985, e.sw().value());
    }

    @Test
    void creditWithoutSession_isConditionsNotSatisfied() throws IOException {
        assertEquals(0x6985, assertThrows(CardRefusal.class,
                () -> psamWithLastSeq(0).creditSamForPurchase(new byte[4])).sw().value());
    }

    @Test
    void verifyTac_vector1AndVector3() throws IOException {
        SoftPsam psam = psamWithLastSeq(0);
        TerminalId t = psam.terminalId();
        assertTrue(psam.verifyTac(new TacCheck(Algorithm.TRIPLE_DES, 1, DIV, 0x4D2, t, 0x101, WHEN, Hex.parse("6FBC1D52"))));
        assertTrue(psam.verifyTac(new TacCheck(Algorithm.SM4, 1, DIV, 0x4D2, t, 0x101, WHEN, Hex.parse("90AA9930"))));
        assertFalse(psam.verifyTac(new TacCheck(Algorithm.TRIPLE_DES, 1, DIV, 0x4D3, t, 0x101, WHEN, Hex.parse("6FBC1D52"))));
        assertFalse(psam.verifyTac(new TacCheck(Algorithm.TRIPLE_DES, 1, DIV, 0x4D2, t, 0x102, WHEN, Hex.parse("6FBC1D52"))));
    }

    @Test
    void applicationBlockMac_blockVectors() throws IOException {
        SoftPsam psam = psamWithLastSeq(0);
        assertEquals("1BBFC8C5", Hex.of(psam.macForApplicationBlock(Algorithm.TRIPLE_DES, 1, DIV, Hex.parse("0102030405060708"), 0)));
        assertEquals("95CF77AB", Hex.of(psam.macForApplicationBlock(Algorithm.SM4, 1, DIV, Hex.parse("0102030405060708"), 1)));
        assertThrows(CardRefusal.class, () -> psam.macForApplicationBlock(Algorithm.SM4, 1, DIV, new byte[8], 2));
    }

    @Test
    void unknownKeyVersion_isRefusedLikeACard9403() throws IOException {
        SoftPsam psam = psamWithLastSeq(0);
        SamPurchaseRequest v2 = new SamPurchaseRequest(Hex.parse("1A2B3C4D"), 5, 0x4D2, WHEN, 2, Algorithm.SM4, DIV);
        assertEquals(0x9403, assertThrows(CardRefusal.class, () -> psam.initSamForPurchase(v2)).sw().value());
        assertEquals("00000000", Files.readString(dir.resolve("seq")).strip(), "no sequence number spent on a refusal");
    }

    @Test
    void sequence_isPersistedBeforeUse_andNeverRepeatsAfterRestart() throws IOException {
        Path seq = dir.resolve("fresh-seq");
        SoftPsam first = new SoftPsam(SoftPsamKeys.testKeys(), new FileSequenceStore(seq));
        assertEquals(1, first.initSamForPurchase(vector1(Algorithm.TRIPLE_DES)).terminalSeq());
        assertEquals(2, first.initSamForPurchase(vector1(Algorithm.TRIPLE_DES)).terminalSeq());
        assertEquals("00000002", Files.readString(seq).strip());

        SoftPsam restarted = new SoftPsam(SoftPsamKeys.testKeys(), new FileSequenceStore(seq));
        assertEquals(3, restarted.initSamForPurchase(vector1(Algorithm.TRIPLE_DES)).terminalSeq());
        assertFalse(Files.exists(dir.resolve("fresh-seq.tmp")), "temporary file renamed into place");
    }

    @Test
    void corruptSequenceFile_stopsInsteadOfRestartingAtZero() throws IOException {
        Path seq = dir.resolve("seq");
        Files.writeString(seq, "garbage");
        assertThrows(IllegalStateException.class, () -> new FileSequenceStore(seq));
    }

    @Test
    void exhaustedSequence_isAFault() throws IOException {
        Path seq = dir.resolve("seq");
        Files.writeString(seq, "FFFFFFFF\n");
        FileSequenceStore store = new FileSequenceStore(seq);
        assertEquals(CardFault.Kind.IO, assertThrows(CardFault.class, store::reserveNext).kind());
    }

    @Test
    void unwritableSequenceFile_isAFaultAndSpendsNothing() throws IOException {
        Path seq = dir.resolve("no-such-dir").resolve("seq");
        FileSequenceStore store = new FileSequenceStore(seq);
        assertThrows(CardFault.class, store::reserveNext);
        assertEquals(0, store.last());
    }

    @Test
    void keyFileWithTypoOrMissingKey_isRejected() throws IOException {
        Path typo = dir.resolve("typo.properties");
        Files.writeString(typo, "terminal_id=000000123456\nkey.01.3DES.mkp=404142434445464748494A4B4C4D4E4F\n");
        assertThrows(IllegalArgumentException.class, () -> SoftPsamKeys.load(typo));
        Path incomplete = dir.resolve("incomplete.properties");
        Files.writeString(incomplete, "terminal_id=000000123456\nkey.01.3DES.mpk=404142434445464748494A4B4C4D4E4F\n");
        assertThrows(IllegalArgumentException.class, () -> SoftPsamKeys.load(incomplete));
        Path noTerminal = dir.resolve("noterminal.properties");
        Files.writeString(noTerminal, "# nothing\n");
        assertThrows(IllegalArgumentException.class, () -> SoftPsamKeys.load(noTerminal));
    }

    @Test
    void keySetCopiesItsKeys() {
        byte[] k = new byte[16];
        SoftPsamKeys.KeySet set = new SoftPsamKeys.KeySet(k, k, k);
        k[0] = 1;
        assertArrayEquals(new byte[16], set.mpk());
    }
}
