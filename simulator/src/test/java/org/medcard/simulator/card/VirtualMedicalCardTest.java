package org.medcard.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.profile.SimulatorKeys;
import org.medcard.simulator.reader.CardTornException;

/** Card-level behaviour straight through {@code process()}: load tears, tears with a card file, and the file as commit point. */
class VirtualMedicalCardTest {

    private static final String SELECT = "00A4040009F04D4544434152440100";
    private static final byte[] TID = Hex.parse("000000123456");
    private static final byte[] DATE = Hex.parse("20261123");
    private static final byte[] TIME = Hex.parse("120000");

    private final CardProfiles profiles = CardProfiles.bundled();
    private final SimulatorKeys keys = profiles.keys();
    private final CardProfile p = profiles.get("normal-3des");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneOffset.UTC);

    private VirtualMedicalCard card(Path file) {
        return new VirtualMedicalCard(p, keys, PurseState.initial(p), clock, new Random(3), CardOptions.defaults(), file);
    }

    private static String send(VirtualMedicalCard card, String hex) {
        return Hex.of(card.process(Hex.parse(hex)));
    }

    /** INITIALIZE FOR LOAD and the center's MAC2; returns the CREDIT FOR LOAD APDU. */
    private String prepareLoad(VirtualMedicalCard card, long amount) {
        send(card, SELECT);
        byte[] init = Hex.parse(send(card, "805000020B01" + Hex.of(PurseCrypto.u32(amount)) + Hex.of(TID) + "10"));
        int online = ((init[4] & 0xFF) << 8) | (init[5] & 0xFF);
        byte[] dlk = PurseCrypto.diversify(Algorithm.TRIPLE_DES, keys.mlkBytes(), p.diversification());
        byte[] sk = PurseCrypto.loadSessionKey(Algorithm.TRIPLE_DES, dlk, Arrays.copyOfRange(init, 8, 12), online);
        byte[] mac2 = PurseCrypto.loadMac2(Algorithm.TRIPLE_DES, sk, amount, TID, DATE, TIME);
        return "805200000B" + Hex.of(DATE) + Hex.of(TIME) + Hex.of(mac2) + "04";
    }

    @Test
    void tearBeforeLoad_nothingChanges() {
        VirtualMedicalCard card = card(null);
        String credit = prepareLoad(card, 35000);
        card.tearBeforeLoadApplied();
        assertThrows(CardTornException.class, () -> send(card, credit));
        assertEquals(PurseState.initial(p), card.state());
    }

    @Test
    void tearAfterLoad_loadCommittedWhole_andSessionGone() {
        VirtualMedicalCard card = card(null);
        String credit = prepareLoad(card, 35000);
        card.tearAfterLoadApplied();
        assertThrows(CardTornException.class, () -> send(card, credit));
        assertEquals(p.balance() + 35000, card.state().balance());
        assertEquals(p.onlineCounter() + 1, card.state().onlineCounter());
        assertEquals(1, card.state().log().size());
        assertEquals("6985", send(card, "805C000204"), "after the power loss nothing is selected");
    }

    @Test
    void tearAfterDebit_withCardFile_fileHoldsTheDebit_beforeHoldsNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("card.json");
        VirtualMedicalCard card = card(file);
        card.saveTo(file);
        purchaseWithTear(card, Tear.BEFORE_DEBIT);
        assertEquals(p.balance(), CardFile.read(file).state().balance());
        purchaseWithTear(card, Tear.AFTER_DEBIT);
        PurseState onDisk = CardFile.read(file).state();
        assertEquals(p.balance() - 100, onDisk.balance());
        assertEquals(p.offlineCounter() + 1, onDisk.offlineCounter());
        assertEquals(p.offlineCounter(), onDisk.proofs().get(0).counter());
    }

    private void purchaseWithTear(VirtualMedicalCard card, Tear tear) {
        card.reset();
        send(card, SELECT);
        byte[] init = Hex.parse(send(card, "805001020B01" + "00000064" + Hex.of(TID) + "0F"));
        int counter = ((init[4] & 0xFF) << 8) | (init[5] & 0xFF);
        byte[] seq = Hex.parse("00000009");
        byte[] dpk = PurseCrypto.diversify(Algorithm.TRIPLE_DES, keys.mpkBytes(), p.diversification());
        byte[] sk = PurseCrypto.purchaseSessionKey(Algorithm.TRIPLE_DES, dpk, Arrays.copyOfRange(init, 11, 15), counter, seq);
        byte[] mac1 = PurseCrypto.purchaseMac1(Algorithm.TRIPLE_DES, sk, 100, TID, DATE, TIME);
        card.arm(tear);
        assertThrows(CardTornException.class,
                () -> send(card, "805401000F" + Hex.of(seq) + Hex.of(DATE) + Hex.of(TIME) + Hex.of(mac1) + "08"));
    }

    @Test
    void cardFileUnwritable_answers6581_andStateUnchanged(@TempDir Path dir) throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        VirtualMedicalCard card = card(notADirectory.resolve("card.json"));
        send(card, SELECT);
        assertEquals("6581", send(card, "0020000003111111"), "the wrong-PIN count could not be written");
        assertEquals(3, card.state().pinTriesLeft());
    }

    @Test
    void tearOnNextCommand_firesOnce() {
        VirtualMedicalCard card = card(null);
        card.arm(Tear.NEXT_COMMAND);
        assertThrows(CardTornException.class, () -> send(card, SELECT));
        assertTrue(send(card, SELECT).endsWith("9000"));
    }

    @Test
    void atr_isT1_withValidTck() {
        byte[] atr = Atr.medicalCard();
        assertEquals("3B989581" + "31FE45" + "4D454443415244" + "01", Hex.of(atr, 0, atr.length - 1));
        int x = 0;
        for (int i = 1; i < atr.length; i++) {
            x ^= atr[i] & 0xFF;
        }
        assertEquals(0, x, "TCK makes the XOR of T0..TCK zero");
    }
}
