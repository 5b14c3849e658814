package org.medcard.terminal.status;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The terminal's decision about a card: the winning status, the source it came from, the message key of
 * the refusal (or of the note, for SUSPENDED), and what the card may pay for.
 *
 * @param blockApplication true when the card is LOST or CANCELLED and the center is online: the terminal
 *        blocks the card application (R8)
 */
public record CardVerdict(StatusReport decisive, Optional<String> messageKey, boolean blockApplication) {

    public CardStatus status() {
        return decisive.status();
    }

    public boolean refused() {
        return decisive.status().refuses();
    }

    /** Whether the personal account may pay (any refusal: no). */
    public boolean personalAccountUsable() {
        return decisive.status().personalAccountUsable();
    }

    /**
     * Whether the pooling fund may pay for a service on {@code serviceDate} as far as the status goes
     * (R4: a suspended card loses pooling from the 1st of the month after its suspension). R6 and R12 are
     * decided with the center's data, not here.
     */
    public boolean poolingAllowedOn(LocalDate serviceDate) {
        if (!decisive.status().poolingPossible()) {
            return false;
        }
        if (decisive.status() == CardStatus.SUSPENDED) {
            LocalDate since = decisive.since();
            if (since == null) {
                return false;
            }
            LocalDate firstOfNextMonth = since.withDayOfMonth(1).plusMonths(1);
            return serviceDate.isBefore(firstOfNextMonth);
        }
        return true;
    }
}
