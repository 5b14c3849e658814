package org.medcard.queue.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void fullJitterDrawsBetweenZeroAndTheExponentialCeiling() {
        Backoff top = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.999_999);
        assertEquals(Duration.ZERO, top.delay(0));
        assertEquals(Duration.ofMillis(999), top.delay(1));
        assertEquals(Duration.ofMillis(1999), top.delay(2));
        assertEquals(Duration.ofMillis(7999), top.delay(4));
        assertEquals(Duration.ofMillis(29_999), top.delay(6), "capped");
        assertEquals(Duration.ofMillis(29_999), top.delay(1000), "no overflow");
        Backoff bottom = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.0);
        assertEquals(Duration.ZERO, bottom.delay(5));
    }

    @Test
    void seededRandomStaysWithinBounds() {
        Random r = new Random(42);
        Backoff b = Backoff.standard(r::nextDouble);
        for (int n = 1; n < 40; n++) {
            Duration d = b.delay(n);
            long ceiling = Math.min(300_000, 1000L << Math.min(n - 1, 30));
            assertTrue(!d.isNegative() && d.toMillis() < ceiling, n + ": " + d);
        }
    }
}
