package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.medcard.card.CardScript.CARD_NO;
import static org.medcard.card.CardScript.GET_CHALLENGE;
import static org.medcard.card.CardScript.READ_CARD_INFO;
import static org.medcard.card.CardScript.SELECT;
import static org.medcard.card.CardScript.cardInfo;
import static org.medcard.card.CardScript.fci;
import static org.medcard.card.CardScript.ok;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.psam.FileSequenceStore;
import org.medcard.psam.SoftPsam;
import org.medcard.psam.SoftPsamKeys;
import org.medcard.psam.TerminalId;
import org.medcard.testsupport.ScriptedTransport;
import org.medcard.testsupport.TestVectors;

/** Loads (load_vectors[0]) and APPLICATION BLOCK (block_vectors) through the client. */
class MedicalCardLoadAndBlockTest {

    @TempDir
    Path dir;

    private final ScriptedTransport card = new ScriptedTransport("scripted card");

    @Test
    void loadVector0_centerChecksCardMac1_cardAcceptsCenterMac2_andAnswersTac() {
        JsonNode v = TestVectors.group("load_vectors").get(0);
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)))
                .expect("805000020B 01 00002710 000000123456 10", ok("000004D2 0003 01 02 0A0B0C0D FE1D1392"))
                .expect("805200000B 20261201 080000 6B97E8C5 04", ok("8776046D"));
        MedicalCard client = new MedicalCard(card);

        LoadIntent intent = client.initializeForLoad(10_000, TerminalId.parse("000000123456"));
        assertEquals(1234, intent.oldBalance());
        assertEquals(3, intent.onlineCounter());
        assertEquals(Algorithm.TRIPLE_DES, intent.algorithm());

        // What the center does with the intent (it holds MLK): check MAC1, compute MAC2.
        Algorithm alg = TestVectors.algorithm(v);
        byte[] dlk = PurseCrypto.diversify(alg, TestVectors.bytes(v, "mlk"), intent.cardNo().diversification());
        byte[] sk = PurseCrypto.loadSessionKey(alg, dlk, intent.cardRandom(), intent.onlineCounter());
        assertArrayEquals(PurseCrypto.loadMac1(alg, sk, intent.oldBalance(), intent.amount(), intent.terminalId().bytes()), intent.mac1());
        byte[] mac2 = PurseCrypto.loadMac2(alg, sk, intent.amount(), intent.terminalId().bytes(), Hex.parse("20261201"), Hex.parse("080000"));
        assertEquals(TestVectors.hex(v, "mac2"), Hex.of(mac2));

        LoadResult result = client.creditForLoad(LocalDate.of(2026, 12, 1), LocalTime.of(8, 0), mac2);
        card.assertAllConsumed();
        assertEquals(TestVectors.number(v, "new_balance"), result.newBalance());
        assertEquals(TestVectors.hex(v, "tac"), Hex.of(result.tac()));
        assertEquals(LocalDateTime.of(2026, 12, 1, 8, 0), result.dateTime());
    }

    @Test
    void loadWithWrongMac2_isATypedRefusal() {
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)))
                .expect("805000020B 01 00002710 000000123456 10", ok("000004D2 0003 01 02 0A0B0C0D FE1D1392"))
                .expect("805200000B 20261201 080000 00000000 04", "9302");
        MedicalCard client = new MedicalCard(card);
        client.initializeForLoad(10_000, TerminalId.parse("000000123456"));
        assertEquals(PurseRefusal.Reason.MAC_INVALID, assertThrows(PurseRefusal.class,
                () -> client.creditForLoad(LocalDateTime.of(2026, 12, 1, 8, 0), new byte[4])).reason());
    }

    @Test
    void creditForLoadWithoutInitialize_isAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> new MedicalCard(card).creditForLoad(LocalDateTime.now(), new byte[4]));
    }

    @Test
    void initializeForLoadShortAnswer_isMalformed() {
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)))
                .expect("805000020B 01 00002710 000000123456 10", ok("000004D2 0003 01 02 0A0B0C0D FE1D13"));
        assertThrows(org.medcard.apdu.MalformedResponseException.class,
                () -> new MedicalCard(card).initializeForLoad(10_000, TerminalId.parse("000000123456")));
    }

    static Stream<JsonNode> blockVectors() {
        return TestVectors.group("block_vectors").stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("blockVectors")
    void applicationBlock_macFromSoftPsamMatchesVector(JsonNode v) {
        String alg = TestVectors.algorithm(v) == Algorithm.SM4 ? "04" : "02";
        String p2 = TestVectors.hex(v, "p2");
        card.expect(SELECT, ok(fci(alg)))
                .expect(READ_CARD_INFO, ok(cardInfo(TestVectors.hex(v, "card_no"))))
                .expect(GET_CHALLENGE, ok(TestVectors.hex(v, "challenge")))
                .expect("841E00" + p2 + "04" + TestVectors.hex(v, "mac"), "9000");
        SoftPsam psam = new SoftPsam(SoftPsamKeys.testKeys(), new FileSequenceStore(dir.resolve("seq")));
        MedicalCard client = new MedicalCard(card);
        client.select();
        client.applicationBlock(p2.equals("01") ? BlockMode.PERMANENT : BlockMode.TEMPORARY, psam);
        card.assertAllConsumed();
    }

    @Test
    void applicationBlockRefused_isARefusal() {
        card.expect(SELECT, ok(fci("02")))
                .expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)))
                .expect(GET_CHALLENGE, ok("0102030405060708"))
                .expect("841E000004 1BBFC8C5", "6985");
        SoftPsam psam = new SoftPsam(SoftPsamKeys.testKeys(), new FileSequenceStore(dir.resolve("seq")));
        assertEquals(0x6985, assertThrows(CardRefusal.class,
                () -> new MedicalCard(card).applicationBlock(BlockMode.TEMPORARY, psam)).sw().value());
        card.assertAllConsumed();
    }

    @Test
    void getChallengeShortAnswer_isMalformed() {
        card.expect(GET_CHALLENGE, ok("01020304"));
        assertThrows(org.medcard.apdu.MalformedResponseException.class, () -> new MedicalCard(card).getChallenge());
    }
}
