package org.medcard.card;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.medcard.apdu.Bcd;
import org.medcard.apdu.CardRefusal;
import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.apdu.ResponseApdu;
import org.medcard.apdu.StatusWord;
import org.medcard.crypto.PurseCrypto;
import org.medcard.psam.Psam;
import org.medcard.psam.SamPurchaseProof;
import org.medcard.psam.SamPurchaseRequest;
import org.medcard.psam.TacCheck;
import org.medcard.psam.TerminalId;
import org.medcard.transport.CardFault;
import org.medcard.transport.CardTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal side of the medical-insurance card application ({@code card-application.md}), over any
 * {@link CardTransport}.
 *
 * <p>One instance per card session (per insertion). It remembers the FCI of {@link #select()} and the
 * card information of {@link #readCardInfo()}, which the purse commands need (algorithm,
 * diversification data, card number), and reads them itself if the caller has not. Within the session a
 * second {@link #select()} or {@link #readCardInfo()} answers from memory: tear recovery, the R15 loads and the
 * card check each ask, and neither the application's state nor the issuer file changes during a session except
 * by {@link #applicationBlock} (which forgets the SELECT answer).
 *
 * <p>A purchase is two steps so the terminal can journal before money moves:
 * {@link #initializePurchase} (INITIALIZE FOR PURCHASE: the intent), then {@link #debit} (PSAM MAC1, the
 * {@link DebitJournal} call, DEBIT FOR PURCHASE, PSAM MAC2 check). If the card is lost during DEBIT the
 * {@link CardFault} propagates; on the next contact {@link #recoverPurchase} asks GET TRANSACTION PROVE.
 *
 * <p>The transport should be wrapped in the GET RESPONSE / {@code 6CXX} decorator for T=0 readers; this
 * class expects complete answers. Not thread-safe: use from the reader's thread only, never the UI thread.
 */
public final class MedicalCard {

    /** The card application: "MEDCARD" + version 1. */
    public static final byte[] AID = Hex.parse("F04D454443415244 01");

    /**
     * The key index byte of INITIALIZE FOR PURCHASE / LOAD. The spec names the field but gives no value;
     * the card has one purchase and one load key, which we address as index 1.
     */
    public static final int KEY_INDEX = 0x01;

    /** Le of READ BINARY for SFI 02: the TLV data is at most 128 bytes. */
    static final int CARDHOLDER_READ_LENGTH = 0x80;

    private static final Logger LOG = LoggerFactory.getLogger(MedicalCard.class);

    private final CardTransport transport;
    private Fci fci;
    private SelectResult selected;
    private CardInfo cardInfo;
    private LoadIntent pendingLoad;

    public MedicalCard(CardTransport transport) {
        this.transport = transport;
    }

    // ---------------------------------------------------------------- selection and files

    /** SELECT the application: usable, blocked (FCI still returned), locked, or not found. */
    public SelectResult select() {
        if (selected == null) {
            selected = selectApplication();
        }
        return selected;
    }

    private SelectResult selectApplication() {
        ResponseApdu r = transport.transmit(new CommandApdu(0x00, 0xA4, 0x04, 0x00, AID, 256));
        switch (r.sw().value()) {
            case 0x9000:
                fci = CardFiles.fci(r.data());
                return new SelectResult(ApplicationState.USABLE, Optional.of(fci));
            case 0x6283:
                fci = r.data().length == 0 ? null : CardFiles.fci(r.data());
                LOG.info("Card application on {} is temporarily blocked", transport.name());
                return new SelectResult(ApplicationState.BLOCKED, Optional.ofNullable(fci));
            case 0x9303:
                fci = null;
                return new SelectResult(ApplicationState.LOCKED, Optional.empty());
            case 0x6A82:
                fci = null;
                return new SelectResult(ApplicationState.NOT_FOUND, Optional.empty());
            default:
                throw new CardRefusal("SELECT card application", r.sw());
        }
    }

    /** SFI 01. */
    public CardInfo readCardInfo() {
        if (cardInfo != null) {
            return cardInfo;
        }
        cardInfo = CardFiles.cardInfo(readBinary(0x01, CardFiles.CARD_INFO_LENGTH));
        LOG.debug("Card {} region {} activated={}", cardInfo.cardNo(), cardInfo.region(), cardInfo.activated());
        return cardInfo;
    }

    /** SFI 02; a missing ID number or name, or a bad check digit, is a malformed (unreadable) card. */
    public Cardholder readCardholder() {
        return CardFiles.cardholder(readBinary(0x02, CARDHOLDER_READ_LENGTH));
    }

    /** SFI 03. */
    public InsuranceStatus readInsuranceStatus() {
        return CardFiles.insuranceStatus(readBinary(0x03, CardFiles.STATUS_LENGTH));
    }

    /** SFI 04, newest first: records 1..10 until the card answers {@code 6A83}. */
    public List<TransactionLogRecord> readTransactionLog() {
        List<TransactionLogRecord> out = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            ResponseApdu r = transport.transmit(new CommandApdu(0x00, 0xB2, n, (0x04 << 3) | 0x04, CardFiles.LOG_RECORD_LENGTH));
            if (r.sw().value() == 0x6A83) {
                break;
            }
            CardRefusal.check(r, "READ RECORD SFI 04 #" + n);
            out.add(CardFiles.logRecord(r.data(), n));
        }
        return out;
    }

    // ---------------------------------------------------------------- PIN and balance

    /**
     * VERIFY PIN with 6 digits. The BCD copy made here is wiped after use; the PIN is never logged and
     * never put in an exception message. (The command object copies its data too; that copy is garbage
     * as soon as the transport returns.)
     */
    public PinResult verifyPin(char[] pin) {
        byte[] bcd = pinToBcd(pin);
        ResponseApdu r;
        try {
            r = transport.transmit(new CommandApdu(0x00, 0x20, 0x00, 0x00, bcd));
        } finally {
            Arrays.fill(bcd, (byte) 0);
        }
        int sw = r.sw().value();
        if (sw == 0x9000) {
            CardFiles.noData(r.data(), "VERIFY PIN");
            return new PinResult.Ok();
        }
        if (sw == 0x6983 || sw == 0x63C0) {
            return new PinResult.Blocked();
        }
        if (r.sw().isWrongPin()) {
            return new PinResult.WrongPin(r.sw().triesLeft());
        }
        throw new CardRefusal("VERIFY PIN", r.sw());
    }

    /** GET BALANCE, in fen. */
    public long getBalance() {
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x80, 0x5C, 0x00, 0x02, 4)), "GET BALANCE");
        return CardFiles.u32(CardFiles.exactly(r.data(), 4, "GET BALANCE"), 0);
    }

    /** GET CHALLENGE: 8 random bytes, good for one following command. */
    public byte[] getChallenge() {
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x00, 0x84, 0x00, 0x00, 8)), "GET CHALLENGE");
        return CardFiles.exactly(r.data(), 8, "GET CHALLENGE");
    }

    // ---------------------------------------------------------------- purchase

    /**
     * INITIALIZE FOR PURCHASE. Expected refusals ({@code 9401} insufficient balance, {@code 6985}…) are
     * {@link PurseRefusal}s with a {@link PurseRefusal.Reason}.
     *
     * @param terminalId the PSAM's terminal id (MAC1 is computed over it)
     */
    public PurchaseIntent initializePurchase(long amount, TerminalId terminalId) {
        if (amount <= 0) {
            throw new IllegalArgumentException("purchase amount must be positive: " + amount);
        }
        CardInfo info = cardInfo();
        byte[] data = concat(new byte[] {KEY_INDEX}, PurseCrypto.u32(amount), terminalId.bytes());
        ResponseApdu r = PurseRefusal.check(transport.transmit(new CommandApdu(0x80, 0x50, 0x01, 0x02, data, 0x0F)),
                "INITIALIZE FOR PURCHASE");
        byte[] d = CardFiles.exactly(r.data(), 15, "INITIALIZE FOR PURCHASE");
        PurchaseIntent intent = new PurchaseIntent(info.cardNo(), amount, terminalId, CardFiles.u32(d, 0), CardFiles.u16(d, 4),
                d[9] & 0xFF, CardFiles.algorithm(d[10] & 0xFF, "INITIALIZE FOR PURCHASE algorithm"), Arrays.copyOfRange(d, 11, 15));
        LOG.info("Purchase initialized: card {} amount {} fen counter {}", info.cardNo(), amount, intent.offlineCounter());
        return intent;
    }

    /** {@link #debit(PurchaseIntent, Psam, LocalDateTime, DebitJournal)} without a journal. */
    public PurchaseResult debit(PurchaseIntent intent, Psam psam, LocalDateTime dateTime) {
        return debit(intent, psam, dateTime, DebitJournal.NONE);
    }

    /**
     * The PSAM computes MAC1 (taking a terminal sequence), {@code journal} records the pending debit, the
     * card debits (DEBIT FOR PURCHASE) and the PSAM checks the card's MAC2.
     *
     * @throws CardFault           the card was lost before its answer: the debit may or may not have
     *                             happened; use {@link #recoverPurchase} on the next contact
     * @throws PurseRefusal        the card refused (e.g. {@code 9302} MAC1 invalid)
     * @throws ForgedCardException the PSAM rejected the card's MAC2 (R10)
     */
    public PurchaseResult debit(PurchaseIntent intent, Psam psam, LocalDateTime dateTime, DebitJournal journal) {
        if (!psam.terminalId().equals(intent.terminalId())) {
            throw new IllegalArgumentException("the PSAM serves terminal " + psam.terminalId()
                    + " but the purchase was initialized for " + intent.terminalId());
        }
        LocalDateTime when = dateTime.truncatedTo(ChronoUnit.SECONDS);
        SamPurchaseProof proof = psam.initSamForPurchase(new SamPurchaseRequest(intent.cardRandom(), intent.offlineCounter(),
                intent.amount(), when, intent.keyVersion(), intent.algorithm(), intent.cardNo().diversification()));
        PendingDebit pending = new PendingDebit(intent, proof.terminalSeq(), when);
        journal.beforeDebit(pending);

        byte[] answer = sendDebit(pending, proof.mac1());
        byte[] tac = Arrays.copyOfRange(answer, 0, 4);
        byte[] mac2 = Arrays.copyOfRange(answer, 4, 8);
        if (!psam.creditSamForPurchase(mac2)) {
            LOG.error("R10: MAC2 of card {} failed PSAM verification (counter {}, terminal seq {}): treated as forged",
                    intent.cardNo(), intent.offlineCounter(), proof.terminalSeq());
            throw new ForgedCardException("MAC2 failed PSAM verification", pending);
        }
        return result(pending, tac, false);
    }

    /** GET TRANSACTION PROVE for the purchase made with {@code offlineCounter} (the value before its debit). */
    public TransactionProve getTransactionProve(int offlineCounter) {
        ResponseApdu r = transport.transmit(new CommandApdu(0x80, 0x5A, 0x00, 0x06, PurseCrypto.u16(offlineCounter), 8));
        if (r.sw().value() == 0x9406) {
            return new TransactionProve.NotDebited();
        }
        byte[] d = CardFiles.exactly(CardRefusal.check(r, "GET TRANSACTION PROVE").data(), 8, "GET TRANSACTION PROVE");
        // Note the order: MAC2 first, then TAC (DEBIT answers TAC first).
        return new TransactionProve.Debited(Arrays.copyOfRange(d, 0, 4), Arrays.copyOfRange(d, 4, 8));
    }

    /**
     * Tearing recovery: asks the card whether {@code pending} was debited. If so, checks the TAC with the
     * PSAM and returns the completed purchase; if not ({@code 9406}), returns empty and the terminal may
     * start the purchase again. Never debits.
     *
     * @throws IllegalArgumentException the card in the slot is not the card of {@code pending}
     * @throws ForgedCardException      the card claims the debit but its TAC is wrong (R10)
     */
    public Optional<PurchaseResult> recoverPurchase(PendingDebit pending, Psam psam) {
        PurchaseIntent intent = pending.intent();
        if (!cardInfo().cardNo().equals(intent.cardNo())) {
            throw new IllegalArgumentException("card " + cardInfo.cardNo() + " is not the torn card " + intent.cardNo());
        }
        TransactionProve prove = getTransactionProve(intent.offlineCounter());
        if (prove instanceof TransactionProve.NotDebited) {
            LOG.info("Recovery: card {} did not debit counter {}", intent.cardNo(), intent.offlineCounter());
            return Optional.empty();
        }
        byte[] tac = ((TransactionProve.Debited) prove).tac();
        TacCheck check = new TacCheck(intent.algorithm(), intent.keyVersion(), intent.cardNo().diversification(), intent.amount(),
                intent.terminalId(), pending.terminalSeq(), pending.dateTime(), tac);
        if (!psam.verifyTac(check)) {
            LOG.error("R10: recovered TAC of card {} (counter {}) failed PSAM verification", intent.cardNo(), intent.offlineCounter());
            throw new ForgedCardException("recovered TAC failed PSAM verification", pending);
        }
        LOG.info("Recovery: card {} did debit counter {}; sale completed with its TAC", intent.cardNo(), intent.offlineCounter());
        return Optional.of(result(pending, tac, true));
    }

    /**
     * Tearing recovery that never calls a debit "not debited" without proof: GET TRANSACTION PROVE first
     * ({@link #recoverPurchase}); when it answers {@code 9406} the transaction log decides, or the verdict is
     * {@link TornPurchaseVerdict.Unresolved} ({@link TornPurchaseVerdict} says how). Never debits.
     *
     * @throws IllegalArgumentException the card in the slot is not the card of {@code pending}
     * @throws ForgedCardException      the card claims the debit but its TAC is wrong (R10)
     */
    public TornPurchaseVerdict resolveTornPurchase(PendingDebit pending, Psam psam) {
        Optional<PurchaseResult> proven;
        try {
            proven = recoverPurchase(pending, psam);
        } catch (ForgedCardException e) {
            // Our purchase did not debit and another terminal's purchase then used the same counter: the card's
            // proof for that counter is the other purchase's, and its TAC cannot match ours. The log tells.
            Optional<TransactionLogRecord> other = TornPurchaseVerdict.otherPurchaseAt(pending, readTransactionLog());
            if (other.isEmpty()) {
                throw e;
            }
            return new TornPurchaseVerdict.NotDebited("the card's proof for counter " + pending.intent().offlineCounter()
                    + " is that of another purchase in its log (" + other.get().amount() + " fen, terminal "
                    + other.get().terminalId() + ", " + other.get().dateTime() + "): ours did not debit");
        }
        if (proven.isPresent()) {
            return new TornPurchaseVerdict.Debited(proven.get());
        }
        TornPurchaseVerdict verdict = TornPurchaseVerdict.fromLog(pending, readTransactionLog(), CardFiles.LOG_RECORDS);
        LOG.info("Recovery: card {} counter {}: {}", pending.intent().cardNo(), pending.intent().offlineCounter(), verdict);
        return verdict;
    }

    // ---------------------------------------------------------------- load

    /** INITIALIZE FOR LOAD; the answer (with the card's MAC1) goes to the center, which returns MAC2. */
    public LoadIntent initializeForLoad(long amount, TerminalId terminalId) {
        if (amount <= 0) {
            throw new IllegalArgumentException("load amount must be positive: " + amount);
        }
        CardInfo info = cardInfo();
        byte[] data = concat(new byte[] {KEY_INDEX}, PurseCrypto.u32(amount), terminalId.bytes());
        ResponseApdu r = PurseRefusal.check(transport.transmit(new CommandApdu(0x80, 0x50, 0x00, 0x02, data, 0x10)),
                "INITIALIZE FOR LOAD");
        byte[] d = CardFiles.exactly(r.data(), 16, "INITIALIZE FOR LOAD");
        pendingLoad = new LoadIntent(info.cardNo(), amount, terminalId, CardFiles.u32(d, 0), CardFiles.u16(d, 4), d[6] & 0xFF,
                CardFiles.algorithm(d[7] & 0xFF, "INITIALIZE FOR LOAD algorithm"), Arrays.copyOfRange(d, 8, 12),
                Arrays.copyOfRange(d, 12, 16));
        return pendingLoad;
    }

    /** CREDIT FOR LOAD at {@code date} {@code time}; see {@link #creditForLoad(LocalDateTime, byte[])}. */
    public LoadResult creditForLoad(java.time.LocalDate date, java.time.LocalTime time, byte[] mac2) {
        return creditForLoad(LocalDateTime.of(date, time), mac2);
    }

    /** CREDIT FOR LOAD with the center's MAC2 for the load this session initialized; {@code 9302} if MAC2 is wrong. */
    public LoadResult creditForLoad(LocalDateTime dateTime, byte[] mac2) {
        if (pendingLoad == null) {
            throw new IllegalStateException("CREDIT FOR LOAD without INITIALIZE FOR LOAD in this card session");
        }
        if (mac2 == null || mac2.length != 4) {
            throw new IllegalArgumentException("MAC2 must be 4 bytes");
        }
        LocalDateTime when = dateTime.truncatedTo(ChronoUnit.SECONDS);
        byte[] data = concat(Bcd.date(when.toLocalDate()), Bcd.time(when.toLocalTime()), mac2);
        ResponseApdu r = PurseRefusal.check(transport.transmit(new CommandApdu(0x80, 0x52, 0x00, 0x00, data, 4)), "CREDIT FOR LOAD");
        LoadIntent intent = pendingLoad;
        pendingLoad = null;
        return new LoadResult(intent, intent.oldBalance() + intent.amount(), when, CardFiles.exactly(r.data(), 4, "CREDIT FOR LOAD"));
    }

    // ---------------------------------------------------------------- application block

    /**
     * APPLICATION BLOCK (business rule R8 for a lost card): GET CHALLENGE, the PSAM's MAC over
     * {@code 84 1E 00 P2 04} chained from the challenge, then the command.
     */
    public void applicationBlock(BlockMode mode, Psam psam) {
        Fci f = selectedFci();
        CardInfo info = cardInfo();
        byte[] challenge = getChallenge();
        byte[] mac = psam.macForApplicationBlock(f.algorithm(), info.keyVersion(), info.diversification(), challenge, mode.p2());
        ResponseApdu r = CardRefusal.check(transport.transmit(new CommandApdu(0x84, 0x1E, 0x00, mode.p2(), mac)),
                "APPLICATION BLOCK " + mode);
        CardFiles.noData(r.data(), "APPLICATION BLOCK");
        selected = null;
        LOG.warn("Card {} application blocked ({})", info.cardNo(), mode);
    }

    // ---------------------------------------------------------------- helpers

    private byte[] sendDebit(PendingDebit pending, byte[] mac1) {
        LocalDateTime when = pending.dateTime();
        byte[] data = concat(PurseCrypto.u32(pending.terminalSeq()), Bcd.date(when.toLocalDate()), Bcd.time(when.toLocalTime()), mac1);
        ResponseApdu r;
        try {
            r = transport.transmit(new CommandApdu(0x80, 0x54, 0x01, 0x00, data, 8));
        } catch (CardFault e) {
            LOG.warn("DEBIT FOR PURCHASE unanswered on {} (card {}, counter {}): recover with GET TRANSACTION PROVE",
                    transport.name(), pending.intent().cardNo(), pending.intent().offlineCounter());
            throw e;
        }
        if (r.sw().value() == 0x6985) {
            // After a good INITIALIZE in this session, "conditions not satisfied" means the card no longer has
            // the purchase open: typically a link (serial) resent a DEBIT the card had already carried out.
            // The outcome is unknown, exactly as after a tear: never debit again, ask GET TRANSACTION PROVE.
            LOG.warn("DEBIT FOR PURCHASE answered 6985 on {} (card {}, counter {}): outcome unknown, recover with GET TRANSACTION PROVE",
                    transport.name(), pending.intent().cardNo(), pending.intent().offlineCounter());
            throw new CardFault(CardFault.Kind.IO, "DEBIT FOR PURCHASE answered 6985 after INITIALIZE: the debit may have "
                    + "happened (a resent command?); recover with GET TRANSACTION PROVE");
        }
        return CardFiles.exactly(PurseRefusal.check(r, "DEBIT FOR PURCHASE").data(), 8, "DEBIT FOR PURCHASE");
    }

    private static PurchaseResult result(PendingDebit pending, byte[] tac, boolean recovered) {
        PurchaseIntent i = pending.intent();
        PurseRecord record = new PurseRecord(i.cardNo(), i.offlineCounter(), i.amount(), TransactionType.PURCHASE, i.terminalId(),
                pending.terminalSeq(), pending.dateTime(), tac);
        long newBalance = i.oldBalance() - i.amount();
        if (newBalance < 0) {
            throw new MalformedResponseException("card debited " + i.amount() + " fen from a balance of " + i.oldBalance());
        }
        return new PurchaseResult(record, i.oldBalance(), newBalance, recovered);
    }

    private byte[] readBinary(int sfi, int le) {
        String what = String.format("READ BINARY SFI %02X", sfi);
        return CardRefusal.check(transport.transmit(new CommandApdu(0x00, 0xB0, 0x80 | sfi, 0x00, le)), what).data();
    }

    private CardInfo cardInfo() {
        return cardInfo != null ? cardInfo : readCardInfo();
    }

    private Fci selectedFci() {
        if (fci == null) {
            SelectResult s = select();
            fci = s.fci().orElseThrow(() -> new CardRefusal("SELECT card application (" + s.state() + ")",
                    s.state() == ApplicationState.LOCKED ? StatusWord.APPLICATION_LOCKED
                            : StatusWord.FILE_NOT_FOUND));
        }
        return fci;
    }

    private static byte[] pinToBcd(char[] pin) {
        if (pin == null || pin.length != 6) {
            throw new IllegalArgumentException("the PIN must have 6 digits");
        }
        byte[] bcd = new byte[3];
        for (int i = 0; i < 6; i++) {
            char c = pin[i];
            if (c < '0' || c > '9') {
                Arrays.fill(bcd, (byte) 0);
                throw new IllegalArgumentException("the PIN must be digits only");
            }
            bcd[i / 2] |= (byte) ((c - '0') << (i % 2 == 0 ? 4 : 0));
        }
        return bcd;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
