package org.medcard.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.medcard.card.IdNumber;

/**
 * What the cashier records when the patient pays in cash because of a fault (R11 case 2).
 *
 * @param fault       which fault
 * @param psnCertNo   the patient's ID number typed from the ID card (ISO 7064 MOD 11-2 checked)
 * @param cashier     the operator
 * @param itemsJson   the items, a JSON array
 * @param totalFen    the sale total
 * @param cashPaidFen what the patient paid in cash (the whole total during a fault; less when the card paid part
 *                    offline first)
 * @param kind        pharmacy sale or outpatient visit: the prices the entry is re-settled at
 * @param offlineSaleId the sale whose offline card debit paid {@code totalFen - cashPaidFen} (a split sale: R11 case 1
 *                    past the card's balance or an offline limit, the rest in cash); null when the whole total was cash
 */
public record ResettlementRequest(Fault fault, String psnCertNo, String cashier, String itemsJson, long totalFen,
                                  long cashPaidFen, EntryKind kind, String offlineSaleId) {
    private static final ObjectMapper CHECKER = new ObjectMapper();

    public ResettlementRequest {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(cashier, "cashier");
        IdNumber.requireValid(psnCertNo);
        Json.require(CHECKER, itemsJson, true, "items");
        if (totalFen <= 0 || cashPaidFen < 0 || cashPaidFen > totalFen) {
            throw new IllegalArgumentException("need total > 0 and 0 <= cash paid <= total (fen)");
        }
        Objects.requireNonNull(kind, "kind");
        if (offlineSaleId != null && cashPaidFen == totalFen) {
            throw new IllegalArgumentException("an entry after an offline debit has cash paid below the total");
        }
    }

    /** A pharmacy sale paid wholly in cash. */
    public ResettlementRequest(Fault fault, String psnCertNo, String cashier, String itemsJson, long totalFen, long cashPaidFen) {
        this(fault, psnCertNo, cashier, itemsJson, totalFen, cashPaidFen, EntryKind.PHARMACY, null);
    }

    /** The same entry as an outpatient visit's (or a pharmacy sale's). */
    public ResettlementRequest ofKind(EntryKind k) {
        return new ResettlementRequest(fault, psnCertNo, cashier, itemsJson, totalFen, cashPaidFen, k, offlineSaleId);
    }

    /** The cash share of a split sale whose card part was debited offline in sale {@code saleId}. */
    public ResettlementRequest afterOfflineDebit(String saleId) {
        return new ResettlementRequest(fault, psnCertNo, cashier, itemsJson, totalFen, cashPaidFen, kind,
                Objects.requireNonNull(saleId, "saleId"));
    }
}
