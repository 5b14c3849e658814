package org.medcard.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * The offline limits of business rule R11 case 1; amounts in fen. A sale that would pass any limit falls to
 * case 2 (cash and a re-settlement entry).
 *
 * @param mode             {@code offline.mode}
 * @param perSaleFen       largest offline debit for one sale (default 500.00 CNY)
 * @param perCardPerDayFen most one card may be debited offline in one local day (default 1,000.00 CNY)
 * @param terminalTotalFen most the terminal may hold not yet forwarded (default 20,000.00 CNY)
 * @param oldestRecordAge  no offline debit while the oldest not-forwarded record is older than this (72 h)
 */
public record OfflineLimits(OfflineMode mode, long perSaleFen, long perCardPerDayFen, long terminalTotalFen,
                            Duration oldestRecordAge) {
    public OfflineLimits {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(oldestRecordAge, "oldestRecordAge");
        if (perSaleFen < 0 || perCardPerDayFen < 0 || terminalTotalFen < 0 || oldestRecordAge.isNegative()) {
            throw new IllegalArgumentException("offline limits must not be negative");
        }
    }

    /** The defaults of business-rules.md R11. */
    public static OfflineLimits defaults() {
        return new OfflineLimits(OfflineMode.STORE_AND_FORWARD, 50_000, 100_000, 2_000_000, Duration.ofHours(72));
    }
}
