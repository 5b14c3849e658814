package org.medcard.queue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The R11 offline limits, answered from what the queue holds. Amounts count offline debits not REJECTED;
 * "not yet forwarded" means QUEUED or BATCHED (no center answer yet). A limit refuses when the new sale
 * would go past it: exactly at the limit is still allowed.
 */
final class Limits {
    private final OfflineLimits limits;
    private final Clock clock;

    Limits(OfflineLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    LimitDecision check(Connection c, String cardNo, long amountFen) throws SQLException {
        if (limits.mode() == OfflineMode.CASH_RESETTLE) {
            return LimitDecision.refuse(LimitDecision.Reason.MODE_CASH_RESETTLE,
                    "offline.mode is CASH_RESETTLE: no offline debit, take cash and record a re-settlement entry");
        }
        if (amountFen > limits.perSaleFen()) {
            return LimitDecision.refuse(LimitDecision.Reason.PER_SALE, "sale " + LocalTimes.yuan(amountFen)
                    + " is over the offline limit per sale of " + LocalTimes.yuan(limits.perSaleFen()));
        }
        String today = LocalTimes.DATE.format(LocalTimes.local(clock, clock.instant()));
        long cardToday = sum(c, "SELECT COALESCE(SUM(amount), 0) AS s FROM offline_debit WHERE card_no = ?"
                + " AND tx_date = ? AND state <> 'REJECTED'", cardNo.toUpperCase(), today);
        if (cardToday + amountFen > limits.perCardPerDayFen()) {
            return LimitDecision.refuse(LimitDecision.Reason.PER_CARD_PER_DAY, "card already debited offline "
                    + LocalTimes.yuan(cardToday) + " today; with " + LocalTimes.yuan(amountFen)
                    + " it would pass the limit per card per day of " + LocalTimes.yuan(limits.perCardPerDayFen()));
        }
        long queued = (Long) notForwarded(c).get("s");
        if (queued + amountFen > limits.terminalTotalFen()) {
            return LimitDecision.refuse(LimitDecision.Reason.TERMINAL_TOTAL, "the terminal holds "
                    + LocalTimes.yuan(queued) + " not yet forwarded; with " + LocalTimes.yuan(amountFen)
                    + " it would pass the terminal limit of " + LocalTimes.yuan(limits.terminalTotalFen()));
        }
        Duration age = oldestAge(c);
        if (age.compareTo(limits.oldestRecordAge()) > 0) {
            return LimitDecision.refuse(LimitDecision.Reason.OLDEST_RECORD_AGE, "the oldest offline record is "
                    + age.toHours() + " h old, past the limit of " + limits.oldestRecordAge().toHours()
                    + " h: forward the queue first");
        }
        return LimitDecision.allow();
    }

    /** Count {@code n} and sum {@code s} (fen) of the offline debits the center has not answered yet. */
    static Map<String, Object> notForwarded(Connection c) throws SQLException {
        return SqliteStore.query(c, "SELECT COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM offline_debit"
                + " WHERE state IN ('QUEUED','BATCHED')").get(0);
    }

    /** Age of the oldest debit the center has not answered yet; zero when there is none. */
    Duration oldestAge(Connection c) throws SQLException {
        Map<String, Object> row = SqliteStore.query(c, "SELECT MIN(created_at) AS t FROM offline_debit"
                + " WHERE state IN ('QUEUED','BATCHED')").get(0);
        Object t = row.get("t");
        return t == null ? Duration.ZERO : Duration.between(Instant.parse((String) t), clock.instant());
    }

    private static long sum(Connection c, String sql, Object... args) throws SQLException {
        return (Long) SqliteStore.query(c, sql, args).get(0).get("s");
    }
}
