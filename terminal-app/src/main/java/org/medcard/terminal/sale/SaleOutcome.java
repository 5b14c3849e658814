package org.medcard.terminal.sale;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.session.TornSale;

/**
 * How a sale ended, with what the CLI prints and the receipt shows. Amounts in fen.
 *
 * @param kind            see {@link Kind}
 * @param plan            the split actually paid (null when REFUSED before any amount was known)
 * @param saleId          the journal's sale id when the card was debited (or the debit's outcome is unknown)
 * @param tac             the card's TAC of the debit (R10), when debited
 * @param setlId          the center's settlement id, when SETTLED
 * @param entryNo         the re-settlement entry number, when cash was paid during a fault (R11)
 * @param balanceAfterFen the card's balance after the debit, or -1 when unknown
 * @param cardNoMasked    the card number, masked (first 3, last 4)
 * @param holderName      the cardholder's name, shown to the cashier (R10)
 * @param beneficiaryPsnNo family aid beneficiary (R3), or null
 * @param messageKey      the message key for the cashier (refusal, fault, "to be uploaded")
 * @param message         the message in the configured language
 * @param recovered       torn sales of this card resolved at the start of this contact
 * @param loadedFen       R15: monthly money credited onto the card at the start of this contact (0 when none), for
 *                        the cashier to tell the patient
 * @param receipt         the receipt to print (settled, debited offline, or cash with an entry), or null
 */
public record SaleOutcome(Kind kind, PaymentPlan plan, String saleId, String tac, String setlId, String entryNo,
                          long balanceAfterFen, String cardNoMasked, String holderName, String beneficiaryPsnNo,
                          String messageKey, String message, List<TornSale> recovered, long loadedFen,
                          ReceiptDocument receipt) {

    public enum Kind {
        /** Online: debited and settled by the center ({@code 2102} answered 0). */
        SETTLED,
        /** Online: debited, the settle is sent but unanswered; the queue resends the same msgid. */
        SETTLEMENT_PENDING,
        /** Online: debited, but the center refused the settle (a supervisor resolves it). */
        SETTLEMENT_REJECTED,
        /** R11 case 1: debited offline, to be uploaded (8301). */
        OFFLINE_DEBITED,
        /** R11 case 2: paid in cash, re-settlement entry recorded. */
        CASH_RESETTLE,
        /** No sale: card status, PIN, forged card, family rule, unknown item, a center refusal. */
        REFUSED,
        /** The card left during DEBIT: outcome unknown until the card is presented again (tearing recovery). */
        INTERRUPTED;

        /** Whether the patient was served (goods may be handed over). */
        public boolean served() {
            return this == SETTLED || this == SETTLEMENT_PENDING || this == OFFLINE_DEBITED || this == CASH_RESETTLE;
        }
    }

    public SaleOutcome {
        Objects.requireNonNull(kind, "kind");
        recovered = recovered == null ? List.of() : List.copyOf(recovered);
    }

    public SaleOutcome withRecovered(List<? extends TornSale> r) {
        return new SaleOutcome(kind, plan, saleId, tac, setlId, entryNo, balanceAfterFen, cardNoMasked, holderName,
                beneficiaryPsnNo, messageKey, message, List.copyOf(r), loadedFen, receipt);
    }

    public SaleOutcome withLoadedFen(long fen) {
        return new SaleOutcome(kind, plan, saleId, tac, setlId, entryNo, balanceAfterFen, cardNoMasked, holderName,
                beneficiaryPsnNo, messageKey, message, recovered, fen, receipt);
    }

    public SaleOutcome withReceipt(ReceiptDocument document) {
        return new SaleOutcome(kind, plan, saleId, tac, setlId, entryNo, balanceAfterFen, cardNoMasked, holderName,
                beneficiaryPsnNo, messageKey, message, recovered, loadedFen, document);
    }

    public Optional<ReceiptDocument> receiptDocument() {
        return Optional.ofNullable(receipt);
    }
}
