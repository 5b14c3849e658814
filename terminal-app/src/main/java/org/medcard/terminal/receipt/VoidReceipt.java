package org.medcard.terminal.receipt;

import java.time.LocalDateTime;
import java.util.Objects;

import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.text.Texts;

/**
 * The receipt of a cancelled settlement (host {@code 2103}). The personal-account share goes back to the
 * account, never into the till (R2); it reaches the card with the next load ({@code 8501}), so the balance and
 * TAC are shown only when that load was done at the counter.
 *
 * @param originalSetlId the cancelled settlement's {@code setl_id}
 * @param originalTime when it was settled
 * @param originalSplit how it was paid
 * @param reason why it was cancelled
 * @param refundAcct {@code refund_acct}, credited to the personal account
 * @param refundFund {@code refund_fund}, returned to the pooling fund
 * @param loadProof the card's TAC and balance after crediting {@code refund_acct}, or {@code null}
 */
public record VoidReceipt(ReceiptHeader header, Insured insured, String originalSetlId, LocalDateTime originalTime,
                          Split originalSplit, String reason, long refundAcct, long refundFund, CardProof loadProof)
        implements ReceiptDocument {

    public VoidReceipt {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(insured, "insured");
        Texts.requireText(originalSetlId, "originalSetlId");
        Objects.requireNonNull(originalTime, "originalTime");
        Objects.requireNonNull(originalSplit, "originalSplit");
        Texts.requireText(reason, "reason");
        Texts.requireFen(refundAcct, "refundAcct");
        Texts.requireFen(refundFund, "refundFund");
    }

    /** The cash share is the only money the till gives back. */
    public long cashRefund() {
        return originalSplit.cashPay();
    }

    @Override
    public Sheet toSheet() {
        return new SheetBuilder("void-receipt", "撤销结算单 Void receipt", header)
                .insured(insured)
                .rule()
                .boldField("原结算号 setl_id", originalSetlId)
                .field("原时间 Original time", Texts.time(originalTime))
                .field("撤销原因 Reason", reason)
                .split(originalSplit)
                .rule()
                .money("退回统筹基金 Refund to fund", refundFund)
                .money("退回个人账户 Refund to account", refundAcct)
                .boldMoney("退还现金 Cash refund", cashRefund())
                .proof(loadProof)
                .text(loadProof == null
                        ? "个人账户退款将在下次联网读卡时写入卡内。The account refund reaches the card at its next online use."
                        : "个人账户退款已写入卡内。The account refund has been loaded onto the card.")
                .build();
    }
}
