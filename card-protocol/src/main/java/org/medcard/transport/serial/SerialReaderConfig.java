package org.medcard.transport.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a {@link SerialReader}.
 *
 * @param answerTimeout  how long to wait for the answer to one request before resending it once
 *                       (specification: 2 s)
 * @param reopenInterval how often the port thread tries to reopen a port that disappeared
 */
public record SerialReaderConfig(Duration answerTimeout, Duration reopenInterval) {

    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REOPEN_INTERVAL = Duration.ofSeconds(1);

    public SerialReaderConfig {
        Objects.requireNonNull(answerTimeout, "answerTimeout");
        Objects.requireNonNull(reopenInterval, "reopenInterval");
        if (answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("answer timeout must be positive: " + answerTimeout);
        }
        if (reopenInterval.isNegative() || reopenInterval.isZero()) {
            throw new IllegalArgumentException("reopen interval must be positive: " + reopenInterval);
        }
    }

    public static SerialReaderConfig defaults() {
        return new SerialReaderConfig(DEFAULT_ANSWER_TIMEOUT, DEFAULT_REOPEN_INTERVAL);
    }

    public SerialReaderConfig withAnswerTimeout(Duration timeout) {
        return new SerialReaderConfig(timeout, reopenInterval);
    }

    public SerialReaderConfig withReopenInterval(Duration interval) {
        return new SerialReaderConfig(answerTimeout, interval);
    }
}
