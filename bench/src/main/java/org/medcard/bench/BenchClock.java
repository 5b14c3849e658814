package org.medcard.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The training terminals' clock in the tests (Monday 2026-11-23 10:15 in Beijing), so the cards and catalog are valid. */
final class BenchClock {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:15:00Z"), ZoneId.of("Asia/Shanghai"));

    private BenchClock() {
    }
}
