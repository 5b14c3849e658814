package org.medcard.terminal.resettle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand; one per test, no shared state. */
final class StepClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    StepClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        return new StepClock(now.get(), z);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
