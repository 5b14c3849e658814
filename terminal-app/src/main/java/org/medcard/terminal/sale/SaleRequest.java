package org.medcard.terminal.sale;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the cashier asks for.
 *
 * @param items               the scanned items, at least one
 * @param paidFor             the cardholder, or the family member paid for by family mutual aid (R3)
 * @param pin                 where the PIN comes from (R10)
 * @param requestedAccountFen how much the patient wants paid from the personal account, empty for as much as possible
 * @param idNumber            the patient's ID number typed from the ID card, needed when the sale falls to cash and
 *                            re-settlement (R11 case 2); empty when not typed (blanks are not typed)
 * @param cashier             the signed-in operator
 */
public record SaleRequest(List<SaleItem> items, PaidFor paidFor, PinSource pin, OptionalLong requestedAccountFen,
                          Optional<String> idNumber, String cashier) {
    public SaleRequest {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a sale needs at least one item");
        }
        pin = pin == null ? PinSource.NONE : pin;
        Objects.requireNonNull(cashier, "cashier");
        Objects.requireNonNull(requestedAccountFen, "requestedAccountFen");
        if (requestedAccountFen.isPresent() && requestedAccountFen.getAsLong() < 0) {
            throw new IllegalArgumentException("requested account share must not be negative: " + requestedAccountFen.getAsLong() + " fen");
        }
        Objects.requireNonNull(paidFor, "paidFor");
        idNumber = typedIdNumber(Objects.requireNonNull(idNumber, "idNumber"));
    }

    public static SaleRequest of(List<SaleItem> items, PinSource pin, String cashier) {
        return new SaleRequest(items, PaidFor.cardholder(), pin, OptionalLong.empty(), Optional.empty(), cashier);
    }

    /** The same sale for a family member (R3). */
    public SaleRequest withBeneficiary(String psnNo) {
        return new SaleRequest(items, PaidFor.familyMember(psnNo), pin, requestedAccountFen, idNumber, cashier);
    }

    /** The same sale with the ID number the cashier typed (R11 case 2). */
    public SaleRequest withIdNumber(String id) {
        return new SaleRequest(items, paidFor, pin, requestedAccountFen, Optional.of(id), cashier);
    }

    public SaleRequest withRequestedAccount(long fen) {
        return new SaleRequest(items, paidFor, pin, OptionalLong.of(fen), idNumber, cashier);
    }

    /**
     * An ID number as typed from the ID card, trimmed and in capitals (the check character {@code X}); blanks are no
     * number. Every desk reads a typed number this way.
     */
    public static Optional<String> typedIdNumber(Optional<String> typed) {
        return typed.map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toUpperCase(Locale.ROOT));
    }
}
