package org.medcard.terminal.center;

import java.time.LocalDate;
import java.util.List;

/**
 * Host {@code 1101}: what the center knows of the insured person behind a card.
 *
 * @param insuranceRegion {@code insuplc_admdvs}, the 6-digit insured region (R12)
 * @param psnStatus the center's status ({@code NORMAL}, {@code SUSPENDED}, {@code FROZEN}, …)
 * @param statusReason for CANCELLED: {@code ABROAD}, {@code HOUSEHOLD}, {@code TRANSFER}, {@code DEATH} (or the card's codes)
 * @param crossRegionFiled whether cross-region care is filed for this person (R12)
 */
public record PersonInfo(String psnNo, String name, String idNumber, String scheme, String insuranceRegion,
                         String psnStatus, String statusReason, LocalDate suspendedSince, LocalDate effectiveFrom,
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
        family = family == null ? List.of() : List.copyOf(family);
    }
}
