package org.medcard.terminal.present.status;

import java.time.Duration;

/**
 * The offline queue in the status bar.
 *
 * @param records       offline debits waiting for the center plus other waiting messages
 * @param amountFen     the offline debits' total
 * @param oldestAge     how old the oldest queued debit is (zero when none)
 * @param openEntries   open re-settlement entries
 * @param light         AMBER while anything waits, RED when forwarding is blocked or writes stopped
 * @param text          the whole line in the terminal's language
 */
public record QueueLine(long records, long amountFen, Duration oldestAge, long openEntries, Light light, String text) {
}
