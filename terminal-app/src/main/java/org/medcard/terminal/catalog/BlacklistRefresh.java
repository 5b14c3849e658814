package org.medcard.terminal.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blacklist ({@code 8101}) kept fresh while the terminal runs, not only at start: a card reported lost at
 * 10:00 must be refused offline at 15:00 too. A scheduler asks {@link #refreshIfDue()} every {@code checkEvery};
 * it syncs when {@code every} has passed since the last complete sync (by the injected clock), or {@code retry}
 * after a failed attempt. A failure keeps the last complete download (see {@link Downloads}) and is reported to
 * {@code onFault} (the terminal's center state).
 *
 * <p>Threads: {@link #refreshIfDue()} runs on the scheduler's thread (or a test's); it is synchronized, and the
 * downloads go through the terminal database's own transactions, so the reader's thread may check cards meanwhile.
 */
public final class BlacklistRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(BlacklistRefresh.class);

    /** How often a running terminal refreshes the blacklist. */
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(30);
    /** How soon a failed refresh is tried again. */
    public static final Duration DEFAULT_RETRY = Duration.ofMinutes(5);
    /** How often the scheduler asks whether a refresh is due. */
    public static final Duration DEFAULT_CHECK = Duration.ofMinutes(1);

    private final Downloads downloads;
    private final Supplier<Optional<HostApi>> center;
    private final Clock clock;
    private final Duration every;
    private final Duration retry;
    private final Consumer<String> onFault;
    private Instant lastSync;
    private Instant nextAttempt;

    /**
     * @param center  the center when the terminal may talk to it (empty offline: nothing is tried)
     * @param onFault told why a refresh failed
     */
    public BlacklistRefresh(Downloads downloads, Supplier<Optional<HostApi>> center, Clock clock, Duration every, Duration retry,
                            Consumer<String> onFault) {
        this.downloads = Objects.requireNonNull(downloads, "downloads");
        this.center = Objects.requireNonNull(center, "center");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (every.isNegative() || every.isZero() || retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("refresh intervals must be positive");
        }
        this.every = every;
        this.retry = retry;
        this.onFault = Objects.requireNonNull(onFault, "onFault");
        this.nextAttempt = clock.instant();
    }

    /** The start-up sync succeeded now: the next refresh is due {@code every} from now. */
    public synchronized void synced() {
        lastSync = clock.instant();
        nextAttempt = lastSync.plus(every);
    }

    /** When the blacklist was last synced completely by this run, if it was. */
    public synchronized Optional<Instant> lastSync() {
        return Optional.ofNullable(lastSync);
    }

    /** Syncs the blacklist if a refresh is due; returns whether a sync completed now. */
    public synchronized boolean refreshIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return false;
        }
        Optional<HostApi> api = center.get();
        if (api.isEmpty()) {
            nextAttempt = now.plus(retry);
            return false;
        }
        try {
            int changed = downloads.syncBlacklist(api.get());
            lastSync = now;
            nextAttempt = now.plus(every);
            LOG.info("Blacklist refreshed: {} entry(ies) changed, version {}", changed, downloads.blacklistVersion());
            return true;
        } catch (CenterUnreachable | CenterRefusal e) {
            nextAttempt = now.plus(retry);
            LOG.warn("Blacklist refresh failed, the last complete download stays in use: {}", e.getMessage());
            onFault.accept("blacklist refresh failed: " + e.getMessage());
            return false;
        }
    }

    /** Asks {@link #refreshIfDue()} every {@code checkEvery} on {@code scheduler}; cancel the future (or shut the scheduler) to stop. */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler, Duration checkEvery) {
        long ms = checkEvery.toMillis();
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                refreshIfDue();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again: log and keep the schedule.
                LOG.error("Blacklist refresh: unexpected failure", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }
}
