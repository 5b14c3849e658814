package org.medcard.simulator.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcard.apdu.Hex;
import org.medcard.card.ApplicationState;
import org.medcard.card.BlockMode;
import org.medcard.card.CancelReason;
import org.medcard.card.CardStatusCode;
import org.medcard.card.LoadIntent;
import org.medcard.card.LoadResult;
import org.medcard.card.MedicalCard;
import org.medcard.card.PendingDebit;
import org.medcard.card.PinResult;
import org.medcard.card.PurchaseIntent;
import org.medcard.card.PurchaseResult;
import org.medcard.card.PurseRefusal;
import org.medcard.card.TransactionLogRecord;
import org.medcard.card.TransactionProve;
import org.medcard.card.TransactionType;
import org.medcard.crypto.Algorithm;
import org.medcard.crypto.PurseCrypto;
import org.medcard.psam.PsamClient;
import org.medcard.psam.TacCheck;
import org.medcard.simulator.card.CardOptions;
import org.medcard.simulator.card.PurseState;
import org.medcard.simulator.card.Tear;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.profile.CardProfile;
import org.medcard.simulator.profile.CardProfiles;
import org.medcard.simulator.profile.SimulatorKeys;
import org.medcard.simulator.psam.VirtualPsam;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;

/**
 * card-protocol's client ({@link MedicalCard}, {@link PsamClient}) against the simulator's virtual card and
 * PSAM, through one kind of reader. Each subclass supplies the reader; the tests are the same for all three
 * (conventions: contract tests run against every implementation).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CardClientConformance {

    static final String TERMINAL_ID = "000000123456";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 15, 2);

    final CardProfiles profiles = CardProfiles.bundled();
    final SimulatorKeys keys = profiles.keys();
    final Clock clock = Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE);
    ReaderRig rig;
    VirtualPsam virtualPsam;
    CardTransport psamTransport;
    PsamClient psam;

    /** Starts the reader (and whatever system part it needs). */
    abstract ReaderRig openRig() throws Exception;

    @BeforeAll
    void startRig() throws Exception {
        rig = openRig();
    }

    @AfterAll
    void stopRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @BeforeEach
    void insertPsam() {
        virtualPsam = new VirtualPsam(keys, TERMINAL_ID);
        rig.reader().psamSlot().insert(virtualPsam);
        psamTransport = rig.connectPsam();
        psam = PsamClient.open(psamTransport);
    }

    @AfterEach
    void removeCards() {
        psamTransport.close();
        rig.reader().cardSlot().remove();
        rig.reader().psamSlot().remove();
        rig.awaitEmpty(true);
    }

    VirtualMedicalCard insert(String profileName) {
        CardProfile p = profiles.get(profileName);
        VirtualMedicalCard card = new VirtualMedicalCard(p, keys, PurseState.initial(p), clock, new Random(11), CardOptions.defaults(), null);
        rig.reader().cardSlot().insert(card);
        return card;
    }

    MedicalCard connect() {
        return new MedicalCard(rig.connectCard());
    }

    // ------------------------------------------------------------ identity and status

    @ParameterizedTest
    @ValueSource(strings = {"normal-3des", "normal-sm4", "employee-family", "out-of-region"})
    void readsIdentityStatusAndBalance(String profileName) {
        VirtualMedicalCard v = insert(profileName);
        CardProfile p = v.profile();
        MedicalCard card = connect();
        assertEquals(ApplicationState.USABLE, card.select().state());
        assertEquals(p.cardNo(), card.readCardInfo().cardNo().digits());
        assertEquals(p.cardRegion(), card.readCardInfo().region());
        assertTrue(card.readCardInfo().activated());
        assertEquals(p.psnCertNo(), card.readCardholder().idNumber().value());
        assertEquals(p.psnName(), card.readCardholder().name());
        assertEquals(CardStatusCode.NORMAL, card.readInsuranceStatus().status());
        assertEquals(p.balance(), card.getBalance());
        assertEquals(algorithm(p), card.select().fci().orElseThrow().algorithm());
    }

    @Test
    void rareNameWithAFourByteGb18030CharacterIsDecoded() {
        CardProfile p = insert("rare-name").profile();
        MedicalCard card = connect();
        card.select();
        String name = card.readCardholder().name();
        assertEquals(p.psnName(), name);
        assertTrue(name.codePoints().anyMatch(Character::isSupplementaryCodePoint), "the profile's name has a 4-byte character");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "suspended, SUSPENDED,",
        "frozen, FROZEN,",
        "lost, LOST,",
        "cancelled-abroad, CANCELLED, SETTLED_ABROAD",
        "cancelled-household, CANCELLED, HOUSEHOLD_REGISTRATION_CANCELLED",
        "cancelled-transfer, CANCELLED, TRANSFERRED_OUT",
        "cancelled-death, CANCELLED, DEATH"})
    void everyStatusProfileIsReportedAsItsStatus(String profileName, CardStatusCode status, CancelReason reason) {
        insert(profileName);
        MedicalCard card = connect();
        card.select();
        assertEquals(status, card.readInsuranceStatus().status());
        assertEquals(Optional.ofNullable(reason), card.readInsuranceStatus().cancelReason());
    }

    @Test
    void notActivatedCardSaysSo() {
        insert("not-activated");
        MedicalCard card = connect();
        card.select();
        assertFalse(card.readCardInfo().activated());
    }

    @Test
    void expiredCardHasItsExpiryBeforeToday() {
        insert("expired");
        MedicalCard card = connect();
        card.select();
        assertTrue(card.readCardInfo().isExpiredOn(NOW.toLocalDate()));
    }

    @Test
    void blockedProfileAnswersSelectWith6283() {
        insert("blocked");
        assertEquals(ApplicationState.BLOCKED, connect().select().state());
    }

    @Test
    void lowBalanceCardRefusesAPurchaseAboveItsBalance() {
        CardProfile p = insert("low-balance").profile();
        MedicalCard card = connect();
        card.select();
        PurseRefusal r = assertThrows(PurseRefusal.class, () -> card.initializePurchase(p.balance() + 1, psam.terminalId()));
        assertEquals(PurseRefusal.Reason.INSUFFICIENT_BALANCE, r.reason());
    }

    // ------------------------------------------------------------ PIN

    @Test
    void pinRightWrongAndBlocked() {
        insert("normal-3des");
        MedicalCard card = connect();
        card.select();
        assertEquals(new PinResult.WrongPin(2), card.verifyPin("654321".toCharArray()));
        assertInstanceOf(PinResult.Ok.class, card.verifyPin("123456".toCharArray()));
        assertEquals(new PinResult.WrongPin(2), card.verifyPin("000000".toCharArray()), "a right PIN resets the tries");
        assertEquals(new PinResult.WrongPin(1), card.verifyPin("000000".toCharArray()));
        assertInstanceOf(PinResult.Blocked.class, card.verifyPin("000000".toCharArray()));
        assertInstanceOf(PinResult.Blocked.class, card.verifyPin("123456".toCharArray()), "blocked stays blocked");
    }

    @Test
    void pinBlockedProfileAnswersBlocked() {
        insert("pin-blocked");
        MedicalCard card = connect();
        card.select();
        assertInstanceOf(PinResult.Blocked.class, card.verifyPin("123456".toCharArray()));
    }

    // ------------------------------------------------------------ purchase

    @ParameterizedTest
    @ValueSource(strings = {"normal-3des", "normal-sm4"})
    void purchaseIsProvenByMac2AndTac(String profileName) {
        CardProfile p = insert(profileName).profile();
        MedicalCard card = connect();
        card.select();
        PurchaseIntent intent = card.initializePurchase(1234, psam.terminalId());
        PurchaseResult result = card.debit(intent, psam, NOW);

        assertEquals(p.balance() - 1234, result.newBalance());
        assertEquals(p.balance() - 1234, card.getBalance());
        assertEquals(intent.offlineCounter(), result.record().offlineCounter());
        assertTrue(psam.verifyTac(tacCheck(p, result)), "the PSAM verifies the TAC");
        assertArrayEquals(expectedTac(p, result), result.record().tac(), "the TAC is the one the center will recompute");
        TransactionLogRecord newest = card.readTransactionLog().get(0);
        assertEquals(1234, newest.amount());
        assertEquals(TransactionType.PURCHASE, newest.type());
        assertEquals(intent.offlineCounter(), newest.counter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal-3des", "normal-sm4"})
    void tearBeforeDebit_proveSaysNotDebited_thenOneDebit(String profileName) {
        VirtualMedicalCard v = insert(profileName);
        long balance = v.profile().balance();
        MedicalCard card = connect();
        card.select();
        PurchaseIntent intent = card.initializePurchase(500, psam.terminalId());
        AtomicReference<PendingDebit> journal = new AtomicReference<>();
        v.arm(Tear.BEFORE_DEBIT);
        CardFault fault = assertThrows(CardFault.class, () -> card.debit(intent, psam, NOW, journal::set));
        assertNotNull(journal.get(), "the pending debit was journalled before DEBIT went out");
        assertFalse(rig.reader().cardSlot().isCardPresent(), "the tear took the card out: " + fault.kind());

        rig.awaitEmpty(false);
        rig.reader().cardSlot().insert(v);
        MedicalCard again = connect();
        again.select();
        assertEquals(Optional.empty(), again.recoverPurchase(journal.get(), psam));
        assertEquals(balance, again.getBalance(), "nothing was debited");

        PurchaseResult retried = again.debit(again.initializePurchase(500, psam.terminalId()), psam, NOW);
        assertEquals(balance - 500, again.getBalance());
        assertEquals(balance - 500, retried.newBalance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"normal-3des", "normal-sm4"})
    void tearAfterDebit_recoveredByTransactionProve_noSecondDebit(String profileName) {
        VirtualMedicalCard v = insert(profileName);
        long balance = v.profile().balance();
        MedicalCard card = connect();
        card.select();
        PurchaseIntent intent = card.initializePurchase(700, psam.terminalId());
        AtomicReference<PendingDebit> journal = new AtomicReference<>();
        v.arm(Tear.AFTER_DEBIT);
        assertThrows(CardFault.class, () -> card.debit(intent, psam, NOW, journal::set));

        rig.awaitEmpty(false);
        rig.reader().cardSlot().insert(v);
        MedicalCard again = connect();
        again.select();
        TransactionProve prove = again.getTransactionProve(intent.offlineCounter());
        assertInstanceOf(TransactionProve.Debited.class, prove);
        PurchaseResult recovered = again.recoverPurchase(journal.get(), psam).orElseThrow();
        assertTrue(recovered.recovered());
        assertTrue(psam.verifyTac(tacCheck(v.profile(), recovered)));
        assertArrayEquals(expectedTac(v.profile(), recovered), recovered.record().tac());
        assertEquals(balance - 700, again.getBalance(), "debited exactly once");
        List<TransactionLogRecord> log = again.readTransactionLog();
        assertEquals(1, log.stream().filter(r -> r.type() == TransactionType.PURCHASE && r.amount() == 700).count());
    }

    // ------------------------------------------------------------ load and block

    @ParameterizedTest
    @ValueSource(strings = {"normal-3des", "normal-sm4"})
    void loadWithTheCentersMac2CreditsTheCard(String profileName) {
        CardProfile p = insert(profileName).profile();
        MedicalCard card = connect();
        card.select();
        LoadIntent intent = card.initializeForLoad(10_000, psam.terminalId());
        Algorithm alg = intent.algorithm();
        byte[] dlk = keys.forCard(alg, intent.cardNo().diversification()).dlk();
        byte[] sk = PurseCrypto.loadSessionKey(alg, dlk, intent.cardRandom(), intent.onlineCounter());
        byte[] tid = Hex.parse(TERMINAL_ID);
        assertArrayEquals(PurseCrypto.loadMac1(alg, sk, p.balance(), 10_000, tid), intent.mac1(), "the card's MAC1 checks out at the center");
        byte[] date = Hex.parse("20261123");
        byte[] time = Hex.parse("101502");
        LoadResult result = card.creditForLoad(NOW, PurseCrypto.loadMac2(alg, sk, 10_000, tid, date, time));
        assertEquals(p.balance() + 10_000, result.newBalance());
        assertEquals(p.balance() + 10_000, card.getBalance());
        byte[] dtk = keys.forCard(alg, intent.cardNo().diversification()).dtk();
        assertArrayEquals(PurseCrypto.loadTac(alg, dtk, p.balance() + 10_000, intent.onlineCounter(), 10_000, tid, date, time), result.tac());
    }

    @Test
    void temporaryApplicationBlockThenSelectAnswers6283() {
        insert("normal-3des");
        MedicalCard card = connect();
        card.select();
        card.applicationBlock(BlockMode.TEMPORARY, psam);
        assertEquals(ApplicationState.BLOCKED, connect().select().state());
    }

    @Test
    void permanentApplicationBlockOnAnSm4CardThenSelectAnswers9303() {
        insert("normal-sm4");
        MedicalCard card = connect();
        card.select();
        card.applicationBlock(BlockMode.PERMANENT, psam);
        assertEquals(ApplicationState.LOCKED, connect().select().state());
    }

    // ------------------------------------------------------------ helpers

    private static TacCheck tacCheck(CardProfile p, PurchaseResult r) {
        var rec = r.record();
        return new TacCheck(algorithm(p), p.keyVersion(), rec.cardNo().diversification(), rec.amount(),
                rec.terminalId(), rec.terminalSeq(), rec.dateTime(), rec.tac());
    }

    private static Algorithm algorithm(CardProfile p) {
        return p.algorithm().equals("SM4") ? Algorithm.SM4 : Algorithm.TRIPLE_DES;
    }

    private byte[] expectedTac(CardProfile p, PurchaseResult r) {
        var rec = r.record();
        Algorithm alg = algorithm(p);
        byte[] dtk = keys.forCard(alg, rec.cardNo().diversification()).dtk();
        return PurseCrypto.purchaseTac(alg, dtk, rec.amount(), rec.terminalId().bytes(), PurseCrypto.u32(rec.terminalSeq()),
                org.medcard.apdu.Bcd.date(rec.dateTime().toLocalDate()), org.medcard.apdu.Bcd.time(rec.dateTime().toLocalTime()));
    }

    static LocalDate today() {
        return NOW.toLocalDate();
    }
}
