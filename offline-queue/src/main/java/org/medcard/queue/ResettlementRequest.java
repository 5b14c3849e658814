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
 * @param cashPaidFen what the patient paid in cash (the whole total during a fault)
 */
public record ResettlementRequest(Fault fault, String psnCertNo, String cashier, String itemsJson, long totalFen,
                                  long cashPaidFen) {
    private static final ObjectMapper CHECKER = new ObjectMapper();

    public ResettlementRequest {
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(cashier, "cashier");
        IdNumber.requireValid(psnCertNo);
        Json.require(CHECKER, itemsJson, true, "items");
        if (totalFen <= 0 || cashPaidFen < 0 || cashPaidFen > totalFen) {
            throw new IllegalArgumentException("need total > 0 and 0 <= cash paid <= total (fen)");
        }
    }
}
