package org.medcard.terminal.center;

import java.util.Locale;
import java.util.Optional;

import org.medcard.card.CancelReason;
import org.medcard.terminal.status.CardStatus;

/**
 * The center's words for a card's status ({@code psn_status} of {@code 1101}, of a {@code 2002} refusal and of the
 * {@code 8101} blacklist) and for a cancellation's reason ({@code status_reason}), read into the status table's types
 * here, so no code outside {@code terminal.center} reads these words.
 */
final class StatusWords {

    private StatusWords() {
    }

    /** {@code NORMAL}, {@code SUSPENDED}, {@code FROZEN}, … in any case; empty for a word the table does not know. */
    static Optional<CardStatus> status(String word) {
        if (word == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CardStatus.valueOf(word.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The center's reason words, or the card's codes 01–04; empty for any other word. */
    static Optional<CancelReason> reason(String word) {
        String r = word == null ? "" : word.trim().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(switch (r) {
            case "ABROAD", "SETTLED_ABROAD", "01", "1" -> CancelReason.SETTLED_ABROAD;
            case "HOUSEHOLD", "HOUSEHOLD_REGISTRATION_CANCELLED", "02", "2" -> CancelReason.HOUSEHOLD_REGISTRATION_CANCELLED;
            case "TRANSFER", "TRANSFERRED_OUT", "03", "3" -> CancelReason.TRANSFERRED_OUT;
            case "DEATH", "04", "4" -> CancelReason.DEATH;
            default -> null;
        });
    }
}
