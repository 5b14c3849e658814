package org.medcard.queue.forward;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait a uniformly random time in
 * [0, min(cap, base * 2^(n-1))]. Full jitter spreads the retries of many terminals after a center outage.
 *
 * @param random uniform in [0, 1); injected so tests are deterministic
 */
public record Backoff(Duration base, Duration cap, DoubleSupplier random) {
    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap");
        }
    }

    /** 1 s base, 5 min cap. */
    public static Backoff standard(DoubleSupplier random) {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), random);
    }

    /** The wait after {@code failures} failures in a row (0 means no wait). */
    public Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long ceiling = base.toMillis() << Math.min(failures - 1, 30);
        long bound = Math.min(cap.toMillis(), ceiling < 0 ? Long.MAX_VALUE : ceiling);
        return Duration.ofMillis((long) (random.getAsDouble() * bound));
    }
}
