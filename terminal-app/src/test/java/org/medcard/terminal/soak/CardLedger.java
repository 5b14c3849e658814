package org.medcard.terminal.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.card.LogRecord;
import org.medcard.simulator.card.PurseState;

/**
 * What one card itself says happened to its purse, collected from its cyclic log after every sale of the
 * soak (the log keeps the last ten records; a sale writes at most a few): every purchase by the offline
 * counter it used, every load by the online counter. A gap or a rewritten record is a finding.
 */
final class CardLedger {
    final String cardNo;
    final long initialBalance;
    final int initialOfflineCounter;
    final int initialOnlineCounter;
    final Map<Integer, Long> purchases = new TreeMap<>();
    final Map<Integer, Long> loads = new TreeMap<>();
    final List<String> problems = new ArrayList<>();
    private PurseState last;

    CardLedger(String cardNo, PurseState initial) {
        this.cardNo = cardNo;
        this.initialBalance = initial.balance();
        this.initialOfflineCounter = initial.offlineCounter();
        this.initialOnlineCounter = initial.onlineCounter();
        this.last = initial;
    }

    void observe(PurseState s) {
        for (LogRecord r : s.log()) {
            Map<Integer, Long> into = r.type() == PurseCrypto.TYPE_PURCHASE ? purchases : loads;
            int from = r.type() == PurseCrypto.TYPE_PURCHASE ? initialOfflineCounter : initialOnlineCounter;
            if (r.counter() < from) {
                continue; // from before the soak
            }
            Long before = into.putIfAbsent(r.counter(), r.amount());
            if (before != null && before != r.amount()) {
                problems.add("card " + cardNo + ": log record for counter " + r.counter() + " changed from " + before + " to " + r.amount());
            }
        }
        int newRecords = (s.offlineCounter() - last.offlineCounter()) + (s.onlineCounter() - last.onlineCounter());
        if (newRecords > PurseState.LOG_SIZE) {
            problems.add("card " + cardNo + ": " + newRecords + " records between two looks; the log keeps " + PurseState.LOG_SIZE);
        }
        last = s;
    }

    PurseState last() {
        return last;
    }

    long purchasedFen() {
        return purchases.values().stream().mapToLong(Long::longValue).sum();
    }

    long loadedFen() {
        return loads.values().stream().mapToLong(Long::longValue).sum();
    }
}
