package org.medcard.terminal.soak;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The soak's books, closed after the last sale: the cards' own logs ({@link CardLedger}), the center's
 * database and the terminal's journal and queue must tell the same story, to the fen.
 *
 * <ul>
 *   <li>every purchase on a card is a CARD_DEBITED sale in the terminal's journal and one purse record at
 *       the center, with the same counter and amount — and nothing else is;</li>
 *   <li>every sale the terminal journalled has its card's answer (no unfinished sale after recovery);</li>
 *   <li>every load on a card is a confirmed load at the center; the center's shadow balance is the card's;</li>
 *   <li>no message settled twice (one settlement per msgid; one per card debit), nothing left in the outbox;</li>
 *   <li>what the terminal reported to the cashier is there: each setl_id once at the center, each entry_no
 *       once in the terminal's re-settlement book.</li>
 * </ul>
 * Read with plain SQL on the closed files, so the product's own code is not the judge of itself.
 */
final class Reconciliation {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> mismatches = new ArrayList<>();
    long cardPurchasedFen;
    long cardLoadedFen;
    int cardPurchases;
    int journalSales;
    int journalDebited;
    int journalNotDebited;
    int centerSettlements;
    long centerAcctFen;
    long centerFundFen;
    int resettlementEntries;
    long resettlementCashFen;
    int outboxLeft;

    static Reconciliation of(Collection<CardLedger> cards, Path centerDb, Path queueDb, List<String> reportedSetlIds,
                             List<String> reportedEntries) throws SQLException {
        Reconciliation r = new Reconciliation();
        try (Connection center = open(centerDb); Connection queue = open(queueDb)) {
            r.check(cards, center, queue, reportedSetlIds, reportedEntries);
        }
        return r;
    }

    private static Connection open(Path db) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    private void check(Collection<CardLedger> cards, Connection center, Connection queue, List<String> setlIds,
                       List<String> entries) throws SQLException {
        Map<String, Long> onCards = new TreeMap<>();
        for (CardLedger c : cards) {
            mismatches.addAll(c.problems);
            c.purchases.forEach((counter, amount) -> onCards.put(c.cardNo + "#" + counter, amount));
            cardPurchasedFen += c.purchasedFen();
            cardLoadedFen += c.loadedFen();
            cardPurchases += c.purchases.size();
            int counted = c.last().offlineCounter() - c.initialOfflineCounter;
            if (counted != c.purchases.size()) {
                mismatches.add("card " + c.cardNo + ": offline counter moved " + counted + ", log shows " + c.purchases.size() + " purchases");
            }
            long expected = c.initialBalance + c.loadedFen() - c.purchasedFen();
            if (expected != c.last().balance()) {
                mismatches.add("card " + c.cardNo + ": balance " + c.last().balance() + " but start + loads - purchases = " + expected);
            }
            long shadow = number(center, "SELECT balance FROM card WHERE card_no = ?", c.cardNo);
            if (shadow != c.last().balance()) {
                mismatches.add("card " + c.cardNo + ": card balance " + c.last().balance() + " fen, center shadow " + shadow + " fen");
            }
            Map<Integer, Long> confirmed = new TreeMap<>();
            rows(center, "SELECT online_counter, amount FROM pending_load WHERE card_no = ? AND status = 'CONFIRMED'",
                    rs -> confirmed.put(rs.getInt(1), rs.getLong(2)), c.cardNo);
            if (!confirmed.equals(c.loads)) {
                mismatches.add("card " + c.cardNo + ": loads on the card " + c.loads + ", confirmed at the center " + confirmed);
            }
        }
        Map<String, Long> atCenter = new TreeMap<>();
        rows(center, "SELECT card_no, offline_counter, amount FROM purse_record",
                rs -> atCenter.put(rs.getString(1) + "#" + rs.getInt(2), rs.getLong(3)));
        Map<String, Long> inJournal = journal(queue);
        compare("card", onCards, "center purse records", atCenter);
        compare("card", onCards, "terminal journal", inJournal);
        centerLedger(center);
        terminalQueue(queue);
        for (String s : setlIds) {
            long n = number(center, "SELECT COUNT(*) FROM settlement WHERE setl_id = ? AND status = 'SETTLED'", s);
            if (n != 1) {
                mismatches.add("setl_id " + s + " reported to the cashier is at the center " + n + " time(s)");
            }
        }
        for (String e : entries) {
            long n = number(queue, "SELECT COUNT(*) FROM resettlement WHERE entry_no = ?", e);
            if (n != 1) {
                mismatches.add("re-settlement entry " + e + " reported to the cashier is in the terminal " + n + " time(s)");
            }
        }
    }

    /** Debited sales by card#counter, from SALE_INTENT lines and their card answers. */
    private Map<String, Long> journal(Connection queue) throws SQLException {
        Map<String, JsonNode> intents = new TreeMap<>();
        Map<String, String> answers = new TreeMap<>();
        rows(queue, "SELECT kind, sale_id, payload FROM journal WHERE kind IN ('SALE_INTENT','CARD_DEBITED','CARD_NOT_DEBITED') ORDER BY seq", rs -> {
            String kind = rs.getString(1);
            if (kind.equals("SALE_INTENT")) {
                intents.put(rs.getString(2), parse(rs.getString(3)));
            } else if (answers.put(rs.getString(2), kind) != null) {
                mismatches.add("sale " + rs.getString(2) + ": two card answers in the journal");
            }
        });
        Map<String, Long> debited = new TreeMap<>();
        journalSales = intents.size();
        intents.forEach((saleId, p) -> {
            String answer = answers.get(saleId);
            if (answer == null) {
                mismatches.add("sale " + saleId + " still unfinished after recovery");
            } else if (answer.equals("CARD_DEBITED")) {
                journalDebited++;
                Long before = debited.put(p.path("card_no").asText() + "#" + p.path("card_counter").asInt(), p.path("acct_pay").asLong());
                if (before != null) {
                    mismatches.add("two debited sales in the journal for card counter " + p.path("card_counter").asInt());
                }
            } else {
                journalNotDebited++;
            }
        });
        return debited;
    }

    private void centerLedger(Connection center) throws SQLException {
        rows(center, "SELECT msgid, COUNT(*) FROM settlement GROUP BY msgid HAVING COUNT(*) > 1",
                rs -> mismatches.add("center settled msgid " + rs.getString(1) + " " + rs.getInt(2) + " times"));
        rows(center, "SELECT p.setl_id, COUNT(*) FROM purse_record p GROUP BY p.setl_id HAVING COUNT(*) > 1",
                rs -> mismatches.add("center settlement " + rs.getString(1) + " carries " + rs.getInt(2) + " card debits"));
        centerSettlements = (int) number(center, "SELECT COUNT(*) FROM settlement WHERE status = 'SETTLED'");
        centerAcctFen = number(center, "SELECT COALESCE(SUM(acct_pay), 0) FROM settlement WHERE status = 'SETTLED'");
        centerFundFen = number(center, "SELECT COALESCE(SUM(fund_pay), 0) FROM settlement WHERE status = 'SETTLED'");
        long pursed = number(center, "SELECT COALESCE(SUM(amount), 0) FROM purse_record");
        long acctWithPurse = number(center, "SELECT COALESCE(SUM(s.acct_pay), 0) FROM settlement s JOIN purse_record p ON p.setl_id = s.setl_id"
                + " WHERE s.status = 'SETTLED'");
        if (centerAcctFen != pursed || acctWithPurse != pursed) {
            mismatches.add("center: settled account share " + centerAcctFen + " fen (" + acctWithPurse + " with a card debit), card debits "
                    + pursed + " fen");
        }
    }

    private void terminalQueue(Connection queue) throws SQLException {
        outboxLeft = (int) number(queue, "SELECT COUNT(*) FROM outbox WHERE state IN ('PENDING','SENDING','UNKNOWN')");
        long queued = number(queue, "SELECT COUNT(*) FROM offline_debit WHERE state IN ('QUEUED','BATCHED')");
        if (outboxLeft + queued > 0) {
            mismatches.add("terminal: " + outboxLeft + " outbox message(s) and " + queued + " offline debit(s) not forwarded after the drain");
        }
        rows(queue, "SELECT msgid, infno, reason FROM outbox WHERE state = 'REJECTED'",
                rs -> mismatches.add("terminal: center rejected " + rs.getString(2) + " " + rs.getString(1) + ": " + rs.getString(3)));
        rows(queue, "SELECT sale_id, reason FROM offline_debit WHERE state = 'REJECTED'",
                rs -> mismatches.add("terminal: center rejected offline debit of sale " + rs.getString(1) + ": " + rs.getString(2)));
        resettlementEntries = (int) number(queue, "SELECT COUNT(*) FROM resettlement");
        resettlementCashFen = number(queue, "SELECT COALESCE(SUM(cash_paid), 0) FROM resettlement");
    }

    private void compare(String leftName, Map<String, Long> left, String rightName, Map<String, Long> right) {
        left.forEach((k, v) -> {
            Long o = right.get(k);
            if (o == null) {
                mismatches.add("debit " + k + " of " + v + " fen is on the " + leftName + " but not in the " + rightName);
            } else if (!o.equals(v)) {
                mismatches.add("debit " + k + ": " + v + " fen on the " + leftName + ", " + o + " fen in the " + rightName);
            }
        });
        right.keySet().stream().filter(k -> !left.containsKey(k))
                .forEach(k -> mismatches.add("debit " + k + " of " + right.get(k) + " fen is in the " + rightName + " but not on the " + leftName));
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable journal payload", e);
        }
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void rows(Connection c, String sql, Row row, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private static long number(Connection c, String sql, Object... args) throws SQLException {
        long[] out = {0};
        rows(c, sql, rs -> out[0] = rs.getLong(1), args);
        return out[0];
    }
}
