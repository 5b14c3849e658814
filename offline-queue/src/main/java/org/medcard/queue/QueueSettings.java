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
 * @param center            the center this terminal talks to now (its URL, or {@code embedded}), recorded with every
 *                          message and offline debit queued; only those queued for it (or before schema v4) are sent.
 *                          Null: not recorded, everything is sent (a library user with one center)
 */
public record QueueSettings(TerminalIdentity terminal, OfflineLimits limits, int resettleMaxDays,
                            Duration busyTimeout, long maxDatabaseBytes, String center) {
    public QueueSettings {
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (resettleMaxDays <= 0 || busyTimeout.isNegative() || maxDatabaseBytes < 0) {
            throw new IllegalArgumentException("invalid queue settings");
        }
        if (center != null && center.isBlank()) {
            center = null;
        }
    }

    /** Settings that record no center. */
    public QueueSettings(TerminalIdentity terminal, OfflineLimits limits, int resettleMaxDays, Duration busyTimeout,
                         long maxDatabaseBytes) {
        this(terminal, limits, resettleMaxDays, busyTimeout, maxDatabaseBytes, null);
    }

    /** The same settings, recording {@code newCenter} with what is queued from now on. */
    public QueueSettings withCenter(String newCenter) {
        return new QueueSettings(terminal, limits, resettleMaxDays, busyTimeout, maxDatabaseBytes, newCenter);
    }

    /** Default limits, 90 days, 5 s busy timeout, no size bound. */
    public static QueueSettings of(TerminalIdentity terminal) {
        return new QueueSettings(terminal, OfflineLimits.defaults(), 90, Duration.ofSeconds(5), 0);
    }

    public QueueSettings withLimits(OfflineLimits newLimits) {
        return new QueueSettings(terminal, newLimits, resettleMaxDays, busyTimeout, maxDatabaseBytes, center);
    }

    public QueueSettings withBusyTimeout(Duration timeout) {
        return new QueueSettings(terminal, limits, resettleMaxDays, timeout, maxDatabaseBytes, center);
    }

    public QueueSettings withMaxDatabaseBytes(long bytes) {
        return new QueueSettings(terminal, limits, resettleMaxDays, busyTimeout, bytes, center);
    }
}
