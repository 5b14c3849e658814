package org.medcard.terminal.receipt;

import java.time.LocalDateTime;
import java.util.Objects;

import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.text.Texts;

/**
 * The receipt of a re-settlement (business rule R11, case 3; host {@code 8401}): the original cash entry,
 * how it was settled now, and the insured shares refunded to the patient in cash.
 *
 * @param entryNo the original entry's {@code entry_no}
 * @param originalTime when the patient paid in cash
 * @param cashPaid what the patient paid in cash then, fen
 * @param split the settlement now: its total is the cash paid then; its cash share is what the patient keeps paying
 * @param refundToPatient {@code refund_to_patient} = {@code fund_pay} + {@code acct_pay}
 * @param setlId the re-settlement's {@code setl_id}
 * @param proof the card's TAC and balance after, {@code null} when {@code acct_pay} is 0
 */
public record ResettlementReceipt(ReceiptHeader header, Insured insured, String entryNo, LocalDateTime originalTime,
                                  long cashPaid, Split split, long refundToPatient, String setlId, CardProof proof)
        implements ReceiptDocument {

    public ResettlementReceipt {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(insured, "insured");
        Texts.requireText(entryNo, "entryNo");
        Objects.requireNonNull(originalTime, "originalTime");
        Texts.requireFen(cashPaid, "cashPaid");
        Objects.requireNonNull(split, "split");
        Texts.requireText(setlId, "setlId");
        if (split.total() != cashPaid) {
            throw new IllegalArgumentException("re-settled total " + split.total() + " fen differs from the cash paid "
                    + cashPaid + " fen");
        }
        if (refundToPatient != split.fundPay() + split.acctPay()) {
            throw new IllegalArgumentException("refund_to_patient " + refundToPatient + " fen is not fund_pay + acct_pay ("
                    + (split.fundPay() + split.acctPay()) + " fen)");
        }
        if (split.acctPay() > 0 && proof == null) {
            throw new IllegalArgumentException("acct_pay " + split.acctPay() + " fen was debited but there is no TAC");
        }
    }

    @Override
    public Sheet toSheet() {
        return new SheetBuilder("resettlement-receipt", "重新结算单 Re-settlement receipt", header)
                .boldText("重新结算 re-settlement of entry " + entryNo)
                .insured(insured)
                .rule()
                .field("原单号 Original entry", entryNo)
                .field("原时间 Original time", Texts.time(originalTime))
                .money("原现金支付 Cash paid then", cashPaid)
                .rule()
                .split(split)
                .proof(proof)
                .field("结算号 setl_id", setlId)
                .rule()
                .boldMoney("退还患者现金 Refund to patient", refundToPatient)
                .build();
    }
}
