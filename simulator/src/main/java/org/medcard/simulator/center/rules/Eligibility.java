package org.medcard.simulator.center.rules;

import java.time.LocalDate;

/**
 * What the pooling decision needs to know about the insured person and the sale. {@code beneficiary}
 * is true when the holder's account pays for a family member (R3).
 */
public record Eligibility(Insutype insutype, PsnStatus status, LocalDate statusSince, LocalDate effectiveFrom,
                          String cardRegion, boolean crossRegionFiled, boolean beneficiary) {

    public Eligibility {
        if (insutype == null || status == null || effectiveFrom == null || cardRegion == null) {
            throw new IllegalArgumentException("eligibility needs scheme, status, effective date and region");
        }
        if (status == PsnStatus.SUSPENDED && statusSince == null) {
            throw new IllegalArgumentException("SUSPENDED needs the date premiums stopped");
        }
    }
}
