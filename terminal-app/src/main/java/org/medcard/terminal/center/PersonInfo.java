package org.medcard.terminal.center;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.medcard.card.CancelReason;
import org.medcard.terminal.status.CardStatus;

/**
 * Host {@code 1101}: what the center knows of the insured person behind a card.
 *
 * @param insuranceRegion {@code insuplc_admdvs}, the 6-digit insured region (R12)
 * @param status the center's status of the person ({@code psn_status}, read by the codec)
 * @param cancelReason why, when {@code status} is CANCELLED ({@code status_reason}); empty for any other status
 * @param crossRegionFiled whether cross-region care is filed for this person (R12)
 */
public record PersonInfo(String psnNo, String name, String idNumber, String scheme, String insuranceRegion,
                         CardStatus status, Optional<CancelReason> cancelReason, LocalDate suspendedSince, LocalDate effectiveFrom,
                         boolean crossRegionFiled, List<FamilyMember> family) {

    /**
     * A family member the holder may pay for (R3).
     *
     * @param psnCertNo the member's ID number ({@code psn_cert_no}) when the center lists it, else null
     */
    public record FamilyMember(String psnNo, String name, String relation, String psnCertNo) {
        /** A member listed without an ID number. */
        public FamilyMember(String psnNo, String name, String relation) {
            this(psnNo, name, relation, null);
        }
    }

    public PersonInfo {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cancelReason, "cancelReason");
        family = family == null ? List.of() : List.copyOf(family);
    }
}
