package org.medcard.terminal.sale;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a payment is for (R3): the cardholder, or a member of the cardholder's family whom the cardholder's personal
 * account pays for (family mutual aid). The same value at every desk — the pharmacy sale ({@link SaleRequest}) and the
 * hospital's registration and visits — so that "nobody named" is never a null that one desk reads as the cardholder
 * and another forgets to check.
 *
 * @param familyPsnNo the family member's psn_no as the center lists it in {@code 1101}; empty for the cardholder
 */
public record PaidFor(Optional<String> familyPsnNo) {
    private static final PaidFor CARDHOLDER = new PaidFor(Optional.empty());

    public PaidFor {
        Objects.requireNonNull(familyPsnNo, "familyPsnNo");
        familyPsnNo = familyPsnNo.map(String::trim);
        if (familyPsnNo.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("a family member's psn_no must not be blank");
        }
    }

    /** The cardholder pays for themself. */
    public static PaidFor cardholder() {
        return CARDHOLDER;
    }

    /** Family mutual aid (R3) for {@code psnNo}, the member's psn_no from {@code 1101}. */
    public static PaidFor familyMember(String psnNo) {
        return new PaidFor(Optional.of(Objects.requireNonNull(psnNo, "psnNo")));
    }

    /**
     * What a cashier or clerk typed as the family member (a CLI option, a field of the counter): nothing or blanks is
     * the cardholder.
     */
    public static PaidFor typed(Optional<String> psnNo) {
        return psnNo.map(String::trim).filter(s -> !s.isEmpty()).map(PaidFor::familyMember).orElse(CARDHOLDER);
    }

    /** Whether a family member is paid for (R3: online only, the pooling fund pays nothing for them). */
    public boolean family() {
        return familyPsnNo.isPresent();
    }
}
