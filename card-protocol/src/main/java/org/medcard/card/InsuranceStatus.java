package org.medcard.card;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * SFI 03, the insurance status as the center last wrote it to the card. The blacklist and the center may
 * know better; the business rules decide. Dates the card leaves as {@code 00000000} are empty.
 *
 * @param cancelReason present exactly when the status is CANCELLED
 * @param since        when the status took effect (R4 counts from it for SUSPENDED)
 * @param effectiveFrom when the insurance qualification took effect (R6)
 */
public record InsuranceStatus(CardStatusCode status, Optional<CancelReason> cancelReason, Optional<LocalDate> since,
                              Optional<LocalDate> effectiveFrom) {

    public InsuranceStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cancelReason, "cancelReason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if ((status == CardStatusCode.CANCELLED) != cancelReason.isPresent()) {
            throw new IllegalArgumentException("a cancel reason goes with CANCELLED and only with it");
        }
    }
}
