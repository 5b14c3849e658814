package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.card.CardScript.CARD_NO;
import static org.medcard.card.CardScript.READ_CARD_INFO;
import static org.medcard.card.CardScript.cardInfo;
import static org.medcard.card.CardScript.ok;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medcard.apdu.Hex;
import org.medcard.crypto.Algorithm;
import org.medcard.psam.FileSequenceStore;
import org.medcard.psam.SoftPsam;
import org.medcard.psam.SoftPsamKeys;
import org.medcard.psam.TerminalId;
import org.medcard.testsupport.ScriptedTransport;
import org.medcard.testsupport.TestVectors;
import org.medcard.transport.CardFault;

/**
 * Purchases through {@link MedicalCard} and a {@link SoftPsam}, against a scripted card that checks the
 * exact MAC1 of the spec's test vectors and answers with their TAC and MAC2.
 */
class MedicalCardPurchaseTest {

    /** Vector 1: 3DES, amount 000004D2 (12.34), terminal 000000123456, seq 00000101, 2026-11-22 10:15:02, counter 0005. */
    private static final TerminalId TERMINAL = TerminalId.parse("000000123456");
    private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 22, 10, 15, 2);
    private static final String INITIALIZE = "805001020B 01 000004D2 000000123456 0F";
    private static final String INITIALIZE_ANSWER_3DES = "00002710 0005 000000 01 02 1A2B3C4D";
    private static final String DEBIT_3DES = "805401000F 00000101 20261122 101502 05BFA012 08";
    private static final String PROVE = "805A000602 0005 08";

    @TempDir
    Path dir;

    private final ScriptedTransport card = new ScriptedTransport("scripted card");

    /** The TEST key file's soft PSAM, its sequence file saying 00000100 was the last number used. */
    private SoftPsam testPsam() throws IOException {
        Path seq = dir.resolve("terminal-seq");
        Files.writeString(seq, "00000100\n", StandardCharsets.US_ASCII);
        return new SoftPsam(SoftPsamKeys.testKeys(), new FileSequenceStore(seq));
    }

    private void initialized(String answer) {
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO))).expect(INITIALIZE, ok(answer));
    }

    @Test
    void purchaseVector1_macOneMatchesAndTacIsReturned() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        card.expect(DEBIT_3DES, ok("6FBC1D52 D64A8A19"));
        MedicalCard client = new MedicalCard(card);

        PurchaseIntent intent = client.initializePurchase(1234, psam.terminalId());
        assertEquals(10_000, intent.oldBalance());
        assertEquals(5, intent.offlineCounter());
        assertEquals(1, intent.keyVersion());
        assertEquals(Algorithm.TRIPLE_DES, intent.algorithm());
        assertEquals("1A2B3C4D", Hex.of(intent.cardRandom()));

        PurchaseResult result = client.debit(intent, psam, WHEN);
        card.assertAllConsumed();
        PurseRecord r = result.record();
        assertEquals(CARD_NO, r.cardNo().digits());
        assertEquals(5, r.offlineCounter());
        assertEquals(1234, r.amount());
        assertEquals(TransactionType.PURCHASE, r.type());
        assertEquals(6, r.type().code());
        assertEquals(TERMINAL, r.terminalId());
        assertEquals(0x101, r.terminalSeq());
        assertEquals(WHEN, r.dateTime());
        assertEquals("6FBC1D52", Hex.of(r.tac()));
        assertEquals(10_000 - 1234, result.newBalance());
        assertFalse(result.recovered());
    }

    @Test
    void purchaseSm4Vector3_usesTheAlgorithmTheCardAnnounced() throws IOException {
        SoftPsam psam = testPsam();
        initialized("00002710 0005 000000 01 04 1A2B3C4D");
        card.expect("805401000F 00000101 20261122 101502 C1CDBC87 08", ok("90AA9930 C3C66217"));
        MedicalCard client = new MedicalCard(card);
        PurchaseResult result = client.debit(client.initializePurchase(1234, TERMINAL), psam, WHEN);
        card.assertAllConsumed();
        assertEquals("90AA9930", Hex.of(result.record().tac()));
    }

    static Stream<JsonNode> purchaseVectors() {
        return TestVectors.group("vectors").stream();
    }

    /** Every purchase vector, with a key file holding that vector's master keys. */
    @ParameterizedTest(name = "vector {index}: {0}")
    @MethodSource("purchaseVectors")
    void everyPurchaseVector_roundTripsThroughClientAndSoftPsam(JsonNode v) throws IOException {
        String alg = TestVectors.algorithm(v) == Algorithm.SM4 ? "SM4" : "3DES";
        Path keys = dir.resolve("keys.properties");
        Files.writeString(keys, "terminal_id=" + TestVectors.hex(v, "terminal_id") + "\n"
                + "key.01." + alg + ".mpk=" + TestVectors.hex(v, "mpk") + "\n"
                + "key.01." + alg + ".mtk=" + TestVectors.hex(v, "mtk") + "\n"
                + "key.01." + alg + ".mamk=707172737475767778797A7B7C7D7E7F\n", StandardCharsets.UTF_8);
        Path seq = dir.resolve("seq");
        Files.writeString(seq, String.format("%08X%n", TestVectors.number(v, "terminal_seq") - 1));
        SoftPsam psam = new SoftPsam(SoftPsamKeys.load(keys), new FileSequenceStore(seq));

        String cardNo = TestVectors.hex(v, "card_no");
        long amount = TestVectors.number(v, "amount");
        String date = TestVectors.hex(v, "date");
        String time = TestVectors.hex(v, "time");
        card.expect(READ_CARD_INFO, ok(cardInfo(cardNo)))
                .expect("805001020B 01" + TestVectors.hex(v, "amount") + TestVectors.hex(v, "terminal_id") + "0F",
                        ok("FFFFFFFF" + TestVectors.hex(v, "offline_counter") + "000000 01 "
                                + (alg.equals("SM4") ? "04" : "02") + TestVectors.hex(v, "card_random")))
                .expect("805401000F" + TestVectors.hex(v, "terminal_seq") + date + time + TestVectors.hex(v, "mac1") + "08",
                        ok(TestVectors.hex(v, "tac") + TestVectors.hex(v, "mac2")));
        MedicalCard client = new MedicalCard(card);
        LocalDateTime when = LocalDateTime.of(org.medcard.apdu.Bcd.toDate(Hex.parse(date), 0, "date"),
                org.medcard.apdu.Bcd.toTime(Hex.parse(time), 0, "time"));
        PurchaseResult result = client.debit(client.initializePurchase(amount, psam.terminalId()), psam, when);
        card.assertAllConsumed();
        assertEquals(TestVectors.hex(v, "tac"), Hex.of(result.record().tac()));
        assertEquals(TestVectors.number(v, "terminal_seq"), result.record().terminalSeq());
    }

    @Test
    void purchaseWithAPsamCard_twoScriptedSlots_sameApdusAsTheSpec() {
        ScriptedTransport sam = new ScriptedTransport("scripted PSAM")
                .expect("00A4040009 F04D45444341524450 00", "9000")
                .expect("00B0960006", ok("000000123456"))
                .expect("807000001C 1A2B3C4D 0005 000004D2 06 20261122 101502 01 02 0020261122000017 08", ok("00000101 05BFA012"))
                .expect("8072000004 D64A8A19", "9000");
        initialized(INITIALIZE_ANSWER_3DES);
        card.expect(DEBIT_3DES, ok("6FBC1D52 D64A8A19"));
        org.medcard.psam.PsamClient psam = org.medcard.psam.PsamClient.open(sam);
        MedicalCard client = new MedicalCard(card);
        PurchaseResult result = client.debit(client.initializePurchase(1234, psam.terminalId()), psam, WHEN);
        card.assertAllConsumed();
        sam.assertAllConsumed();
        assertEquals("6FBC1D52", Hex.of(result.record().tac()));
    }

    @Test
    void forgedMac2_isAForgedCardAndNoSale() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        card.expect(DEBIT_3DES, ok("6FBC1D52 D64A8A18"));
        MedicalCard client = new MedicalCard(card);
        PurchaseIntent intent = client.initializePurchase(1234, TERMINAL);
        ForgedCardException e = assertThrows(ForgedCardException.class, () -> client.debit(intent, psam, WHEN));
        card.assertAllConsumed();
        assertEquals(0x101, e.debit().terminalSeq());
        assertTrue(e.getMessage().contains("110*************0017"), e.getMessage());
        assertFalse(e.getMessage().contains(CARD_NO), "the card number is masked in the message");
    }

    @Test
    void journalIsWrittenBeforeTheDebitIsSent() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        card.expect(DEBIT_3DES, ok("6FBC1D52 D64A8A19"));
        MedicalCard client = new MedicalCard(card);
        PurchaseIntent intent = client.initializePurchase(1234, TERMINAL);
        List<Integer> commandsAtJournalTime = new ArrayList<>();
        client.debit(intent, psam, WHEN, pending -> {
            assertEquals(0x101, pending.terminalSeq());
            assertEquals(5, pending.intent().offlineCounter());
            commandsAtJournalTime.add(card.commandsSeen());
        });
        assertEquals(List.of(2), commandsAtJournalTime, "journal called after INITIALIZE, before DEBIT");
    }

    @Test
    void failingJournal_meansNoDebitIsSent() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        MedicalCard client = new MedicalCard(card);
        PurchaseIntent intent = client.initializePurchase(1234, TERMINAL);
        assertThrows(IllegalStateException.class, () -> client.debit(intent, psam, WHEN, pending -> {
            throw new IllegalStateException("disk full");
        }));
        card.assertAllConsumed();
    }

    @Test
    void tearAfterDebit_recoveredByTransactionProve_noSecondDebit() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        card.expectFault(DEBIT_3DES, CardFault.Kind.CARD_REMOVED);
        MedicalCard first = new MedicalCard(card);
        AtomicReference<PendingDebit> journal = new AtomicReference<>();
        PurchaseIntent intent = first.initializePurchase(1234, TERMINAL);
        CardFault fault = assertThrows(CardFault.class, () -> first.debit(intent, psam, WHEN, journal::set));
        assertEquals(CardFault.Kind.CARD_REMOVED, fault.kind());
        card.assertAllConsumed();
        assertNotNull(journal.get());

        // The card comes back: a new session. The script has no DEBIT: a second debit would fail the test.
        ScriptedTransport again = new ScriptedTransport("card re-inserted")
                .expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)))
                .expect(PROVE, ok("D64A8A19 6FBC1D52"));
        Optional<PurchaseResult> recovered = new MedicalCard(again).recoverPurchase(journal.get(), psam);
        again.assertAllConsumed();
        PurchaseResult r = recovered.orElseThrow();
        assertTrue(r.recovered());
        assertEquals("6FBC1D52", Hex.of(r.record().tac()), "TAC is the second half of the PROVE answer");
        assertEquals(0x101, r.record().terminalSeq());
        assertEquals(8766, r.newBalance());
        assertEquals("00000101", Files.readString(dir.resolve("terminal-seq")).strip(), "the PSAM took one sequence number only");
    }

    @Test
    void tearBeforeDebit_transactionProve9406_saysNotDebited() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        card.expectFault(DEBIT_3DES, CardFault.Kind.CARD_MUTE);
        AtomicReference<PendingDebit> journal = new AtomicReference<>();
        MedicalCard first = new MedicalCard(card);
        PurchaseIntent intent = first.initializePurchase(1234, TERMINAL);
        assertThrows(CardFault.class, () -> first.debit(intent, psam, WHEN, journal::set));

        ScriptedTransport again = new ScriptedTransport("card re-inserted")
                .expect(READ_CARD_INFO, ok(cardInfo(CARD_NO)))
                .expect(PROVE, "9406");
        assertEquals(Optional.empty(), new MedicalCard(again).recoverPurchase(journal.get(), psam));
        again.assertAllConsumed();
    }

    @Test
    void getTransactionProve_answersMac2ThenTac() {
        card.expect(PROVE, ok("D64A8A19 6FBC1D52"));
        TransactionProve.Debited d = assertInstanceOf(TransactionProve.Debited.class, new MedicalCard(card).getTransactionProve(5));
        assertEquals("D64A8A19", Hex.of(d.mac2()));
        assertEquals("6FBC1D52", Hex.of(d.tac()));
    }

    @Test
    void recoveredTacThatFailsVerification_isAForgedCard() throws IOException {
        SoftPsam psam = testPsam();
        PurchaseIntent intent = new PurchaseIntent(new CardNumber(CARD_NO), 1234, TERMINAL, 10_000, 5, 1, Algorithm.TRIPLE_DES,
                Hex.parse("1A2B3C4D"));
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO))).expect(PROVE, ok("D64A8A19 6FBC1D53"));
        assertThrows(ForgedCardException.class,
                () -> new MedicalCard(card).recoverPurchase(new PendingDebit(intent, 0x101, WHEN), psam));
    }

    @Test
    void recoveryOnAnotherCard_isRefusedWithoutAskingIt() throws IOException {
        SoftPsam psam = testPsam();
        PurchaseIntent intent = new PurchaseIntent(new CardNumber(CARD_NO), 1234, TERMINAL, 10_000, 5, 1, Algorithm.TRIPLE_DES,
                Hex.parse("1A2B3C4D"));
        card.expect(READ_CARD_INFO, ok(cardInfo("31000019990101004242")));
        assertThrows(IllegalArgumentException.class,
                () -> new MedicalCard(card).recoverPurchase(new PendingDebit(intent, 0x101, WHEN), psam));
        card.assertAllConsumed();
    }

    @Test
    void insufficientBalance9401_isATypedRefusal() {
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO))).expect(INITIALIZE, "9401");
        PurseRefusal e = assertThrows(PurseRefusal.class, () -> new MedicalCard(card).initializePurchase(1234, TERMINAL));
        assertEquals(PurseRefusal.Reason.INSUFFICIENT_BALANCE, e.reason());
        assertTrue(e.getMessage().contains("INITIALIZE FOR PURCHASE"));
    }

    @Test
    void conditionsNotSatisfied6985_isATypedRefusal() {
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO))).expect(INITIALIZE, "6985");
        assertEquals(PurseRefusal.Reason.CONDITIONS_NOT_SATISFIED,
                assertThrows(PurseRefusal.class, () -> new MedicalCard(card).initializePurchase(1234, TERMINAL)).reason());
    }

    @Test
    void mac1Invalid9302_onDebit_isATypedRefusal() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        card.expect(DEBIT_3DES, "9302");
        MedicalCard client = new MedicalCard(card);
        PurchaseIntent intent = client.initializePurchase(1234, TERMINAL);
        assertEquals(PurseRefusal.Reason.MAC_INVALID,
                assertThrows(PurseRefusal.class, () -> client.debit(intent, psam, WHEN)).reason());
    }

    @Test
    void initializeAnswerTooShort_isMalformed() {
        initialized("00002710 0005 000000 01 02 1A2B3C");
        assertThrows(org.medcard.apdu.MalformedResponseException.class, () -> new MedicalCard(card).initializePurchase(1234, TERMINAL));
    }

    @Test
    void initializeAnswerWithUnknownAlgorithm_isMalformed() {
        initialized("00002710 0005 000000 01 03 1A2B3C4D");
        assertThrows(org.medcard.apdu.MalformedResponseException.class, () -> new MedicalCard(card).initializePurchase(1234, TERMINAL));
    }

    @Test
    void debitAnswerTooShort_isMalformed() throws IOException {
        SoftPsam psam = testPsam();
        initialized(INITIALIZE_ANSWER_3DES);
        card.expect(DEBIT_3DES, ok("6FBC1D52 D64A8A"));
        MedicalCard client = new MedicalCard(card);
        PurchaseIntent intent = client.initializePurchase(1234, TERMINAL);
        assertThrows(org.medcard.apdu.MalformedResponseException.class, () -> client.debit(intent, psam, WHEN));
    }

    @Test
    void psamOfAnotherTerminal_isRejectedBeforeAnyDebit() throws IOException {
        SoftPsam psam = testPsam();
        card.expect(READ_CARD_INFO, ok(cardInfo(CARD_NO))).expect("805001020B 01 000004D2 000000999999 0F", ok(INITIALIZE_ANSWER_3DES));
        MedicalCard client = new MedicalCard(card);
        PurchaseIntent intent = client.initializePurchase(1234, TerminalId.parse("000000999999"));
        assertThrows(IllegalArgumentException.class, () -> client.debit(intent, psam, WHEN));
        card.assertAllConsumed();
    }

    @Test
    void nonPositiveAmount_isRejectedBeforeSending() {
        MedicalCard client = new MedicalCard(card);
        assertThrows(IllegalArgumentException.class, () -> client.initializePurchase(0, TERMINAL));
        assertThrows(IllegalArgumentException.class, () -> client.initializePurchase(-5, TERMINAL));
        assertEquals(0, card.commandsSeen());
    }
}
