package org.medcard.terminal.sale;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the cashier asks for.
 *
 * @param items               the scanned items, at least one
 * @param beneficiaryPsnNo    family mutual aid (R3): the family member's psn_no from 1101, or null
 * @param pin                 where the PIN comes from (R10)
 * @param requestedAccountFen how much the patient wants paid from the personal account, empty for as much as possible
 * @param idNumber            the patient's ID number typed from the ID card, needed when the sale falls to cash and
 *                            re-settlement (R11 case 2); null when not typed
 * @param cashier             the signed-in operator
 */
public record SaleRequest(List<SaleItem> items, String beneficiaryPsnNo, PinSource pin, OptionalLong requestedAccountFen,
                          String idNumber, String cashier) {
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
        beneficiaryPsnNo = beneficiaryPsnNo == null || beneficiaryPsnNo.isBlank() ? null : beneficiaryPsnNo.trim();
        idNumber = idNumber == null || idNumber.isBlank() ? null : idNumber.trim().toUpperCase(java.util.Locale.ROOT);
    }

    public static SaleRequest of(List<SaleItem> items, PinSource pin, String cashier) {
        return new SaleRequest(items, null, pin, OptionalLong.empty(), null, cashier);
    }

    public SaleRequest withBeneficiary(String psnNo) {
        return new SaleRequest(items, psnNo, pin, requestedAccountFen, idNumber, cashier);
    }

    public SaleRequest withIdNumber(String id) {
        return new SaleRequest(items, beneficiaryPsnNo, pin, requestedAccountFen, id, cashier);
    }

    public SaleRequest withRequestedAccount(long fen) {
        return new SaleRequest(items, beneficiaryPsnNo, pin, OptionalLong.of(fen), idNumber, cashier);
    }
}
