package org.medcard.card;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * SFI 02, the cardholder file. ID number and name are required (without them the card is unreadable);
 * the other tags may be absent. {@link #toString()} shows the masked ID number only.
 */
public record Cardholder(IdNumber idNumber, String name, Optional<Sex> sex, Optional<LocalDate> birthDate,
                         Optional<InsuranceScheme> scheme, Optional<String> region) {

    public Cardholder {
        Objects.requireNonNull(idNumber, "idNumber");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name missing");
        }
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(region, "region");
        region.ifPresent(r -> {
            if (!r.matches("[0-9]{6}")) {
                throw new IllegalArgumentException("region must be 6 digits");
            }
        });
    }

    @Override
    public String toString() {
        return "Cardholder[" + idNumber.masked() + "]";
    }
}
