package org.medcard.terminal.config;

import java.time.Duration;

/**
 * The offline limits of business rule R11, case 1, in fen. Defaults: 500.00 per sale, 1,000.00 per card
 * per day, 20,000.00 not yet forwarded by the terminal, 72 hours for the oldest record.
 */
public record OfflineLimitsConfig(long perSaleFen, long perCardPerDayFen, long terminalTotalFen, Duration oldestRecordAge) {

    public static final OfflineLimitsConfig DEFAULTS = new OfflineLimitsConfig(50_000, 100_000, 2_000_000, Duration.ofHours(72));

    public OfflineLimitsConfig {
        if (perSaleFen < 0 || perCardPerDayFen < 0 || terminalTotalFen < 0) {
            throw new IllegalArgumentException("offline limits must not be negative");
        }
        if (oldestRecordAge == null || oldestRecordAge.isNegative()) {
            throw new IllegalArgumentException("oldest record age must not be negative");
        }
    }
}
