package org.medcard.card;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.crypto.Algorithm;
import org.medcard.psam.TerminalId;

/**
 * Issue 18 case 3: GET TRANSACTION PROVE answered 9406 used to mean "not debited" even when the card's proof
 * had simply aged out. What the transaction log can and cannot decide, record by record.
 */
class TornPurchaseVerdictTest {
    private static final TerminalId OURS = TerminalId.parse("000000123456");
    private static final TerminalId ELSEWHERE = TerminalId.parse("000000999999");
    private static final LocalDateTime WHEN = LocalDateTime.of(2026, 11, 23, 10, 15, 2);
    private static final int COUNTER = 7;

    private final PendingDebit torn = new PendingDebit(new PurchaseIntent(new CardNumber("11010000000000000001"), 1_250, OURS,
            50_000, COUNTER, 1, Algorithm.TRIPLE_DES, new byte[4]), 42, WHEN);

    private static TransactionLogRecord purchase(int counter, TerminalId where, long amount, LocalDateTime at) {
        return new TransactionLogRecord(counter, amount, TransactionType.PURCHASE, where, at);
    }

    /** Ten purchases elsewhere after ours, newest first: counters COUNTER+10 … COUNTER+1. */
    private static List<TransactionLogRecord> tenMoreElsewhere(int firstCounter) {
        List<TransactionLogRecord> log = new ArrayList<>();
        for (int c = firstCounter + 9; c >= firstCounter; c--) {
            log.add(purchase(c, ELSEWHERE, 100, WHEN.plusHours(1)));
        }
        return log;
    }

    @Test
    void debitedThenTenMoreElsewhere_theLogNoLongerReachesIt_isUnresolved_neverNotDebited() {
        TornPurchaseVerdict v = TornPurchaseVerdict.fromLog(torn, tenMoreElsewhere(COUNTER + 1), 10);
        TornPurchaseVerdict.Unresolved u = assertInstanceOf(TornPurchaseVerdict.Unresolved.class, v);
        assertFalse(u.debitInLog());
        assertTrue(u.evidence().contains("cannot tell whether it was debited"), u.evidence());
    }

    @Test
    void notDebitedThenTenMoreElsewhere_anotherPurchaseUsedOurCounter_isNotDebited() {
        TornPurchaseVerdict v = TornPurchaseVerdict.fromLog(torn, tenMoreElsewhere(COUNTER), 10);
        TornPurchaseVerdict.NotDebited n = assertInstanceOf(TornPurchaseVerdict.NotDebited.class, v);
        assertTrue(n.evidence().contains("counter 7 used by another purchase"), n.evidence());
    }

    @Test
    void ourOwnPurchaseInTheLogWithoutItsProof_isUnresolvedButKnownDebited() {
        List<TransactionLogRecord> log = new ArrayList<>(tenMoreElsewhere(COUNTER + 1).subList(0, 9));
        log.add(purchase(COUNTER, OURS, 1_250, WHEN));
        TornPurchaseVerdict.Unresolved u = assertInstanceOf(TornPurchaseVerdict.Unresolved.class,
                TornPurchaseVerdict.fromLog(torn, log, 10));
        assertTrue(u.debitInLog());
        assertTrue(u.evidence().contains("the card WAS debited"), u.evidence());
    }

    @Test
    void noPurchaseAtOrAfterOurCounter_withAnOlderPurchaseInTheLog_isNotDebited() {
        List<TransactionLogRecord> log = List.of(purchase(COUNTER - 1, OURS, 500, WHEN.minusDays(1)));
        assertInstanceOf(TornPurchaseVerdict.NotDebited.class, TornPurchaseVerdict.fromLog(torn, log, 10));
        assertInstanceOf(TornPurchaseVerdict.NotDebited.class, TornPurchaseVerdict.fromLog(torn, List.of(), 10),
                "an empty log: the card has never debited at all");
    }

    @Test
    void aFullLogOfLoadsOnly_decidesNothing() {
        List<TransactionLogRecord> loads = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            loads.add(new TransactionLogRecord(i, 10_000, TransactionType.LOAD, ELSEWHERE, WHEN.plusDays(i)));
        }
        assertInstanceOf(TornPurchaseVerdict.Unresolved.class, TornPurchaseVerdict.fromLog(torn, loads, 10));
    }
}
