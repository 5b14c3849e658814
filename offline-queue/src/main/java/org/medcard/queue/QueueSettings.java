package org.medcard.queue;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link OfflineQueue#open} needs besides the file, the key and the clock.
 *
 * @param terminal          this terminal
 * @param limits            the R11 offline limits
 * @param resettleMaxDays   {@code resettle.max_days}: an open re-settlement entry older than this expires (90)
 * @param busyTimeout       how long SQLite waits for a lock held by another process before failing
 * @param maxDatabaseBytes  upper bound of the database file (0 = SQLite's own); past it writes stop with DISK_FULL
 */
public record QueueSettings(TerminalIdentity terminal, OfflineLimits limits, int resettleMaxDays,
                            Duration busyTimeout, long maxDatabaseBytes) {
    public QueueSettings {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (resettleMaxDays <= 0 || busyTimeout.isNegative() || maxDatabaseBytes < 0) {
            throw new IllegalArgumentException("invalid queue settings");
        }
    }

    /** Default limits, 90 days, 5 s busy timeout, no size bound. */
    public static QueueSettings of(TerminalIdentity terminal) {
        return new QueueSettings(terminal, OfflineLimits.defaults(), 90, Duration.ofSeconds(5), 0);
    }

    public QueueSettings withLimits(OfflineLimits newLimits) {
        return new QueueSettings(terminal, newLimits, resettleMaxDays, busyTimeout, maxDatabaseBytes);
    }

    public QueueSettings withBusyTimeout(Duration timeout) {
        return new QueueSettings(terminal, limits, resettleMaxDays, timeout, maxDatabaseBytes);
    }

    public QueueSettings withMaxDatabaseBytes(long bytes) {
        return new QueueSettings(terminal, limits, resettleMaxDays, busyTimeout, bytes);
    }
}
