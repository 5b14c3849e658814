package org.medcard.terminal.receipt;

import java.util.List;
import java.util.Objects;

import org.medcard.terminal.receipt.sheet.Sheet;

/**
 * The receipt of a pharmacy sale or an outpatient settlement (host {@code 2102}/{@code 2207}).
 *
 * @param beneficiary the family member the personal account paid for (R3), or {@code null}
 * @param setlId the center's {@code setl_id}; {@code null} for an offline debit not yet forwarded (8301), or for an
 *               online settlement whose {@code 2102} answer has not arrived (the receipt says so)
 * @param proof the card's TAC and balance after the debit; {@code null} when {@code acct_pay} is 0
 * @param offline the debit was made offline and waits in the store-and-forward queue
 * @param money balance before, the month's load, cash tendered and change (issue 15); null on older rows
 * @param fundNote why the pooling fund paid nothing (issue 15, as the screen's split says); null when it paid, when
 *                 nothing was insured (all cash), and on older rows
 */
public record SaleReceipt(ReceiptHeader header, Insured insured, Insured beneficiary, List<LineItem> items, Split split,
                          String setlId, CardProof proof, boolean offline, CardMoney money, FundNote fundNote)
        implements ReceiptDocument {

    /** A receipt without the money lines (the sale adds them with {@link #withMoney}). */
    public SaleReceipt(ReceiptHeader header, Insured insured, Insured beneficiary, List<LineItem> items, Split split,
                       String setlId, CardProof proof, boolean offline) {
        this(header, insured, beneficiary, items, split, setlId, proof, offline, null, null);
    }

    /** A receipt with the money lines and without a fund note. */
    public SaleReceipt(ReceiptHeader header, Insured insured, Insured beneficiary, List<LineItem> items, Split split,
                       String setlId, CardProof proof, boolean offline, CardMoney money) {
        this(header, insured, beneficiary, items, split, setlId, proof, offline, money, null);
    }

    /** The same receipt with the money lines a cashier reads out (issue 15). */
    public SaleReceipt withMoney(CardMoney m) {
        return new SaleReceipt(header, insured, beneficiary, items, split, setlId, proof, offline, m, fundNote);
    }

    /** The same receipt saying why the fund paid nothing (issue 15). */
    public SaleReceipt withFundNote(FundNote note) {
        return new SaleReceipt(header, insured, beneficiary, items, split, setlId, proof, offline, money, note);
    }

    public SaleReceipt {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(insured, "insured");
        items = List.copyOf(items);
        Objects.requireNonNull(split, "split");
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a sale receipt needs at least one item");
        }
        if (LineItem.total(items) != split.total()) {
            throw new IllegalArgumentException("items add up to " + LineItem.total(items) + " fen, the split's total is "
                    + split.total());
        }
        if (split.acctPay() > 0 && proof == null) {
            throw new IllegalArgumentException("acct_pay " + split.acctPay() + " fen was debited but there is no TAC");
        }
        if (beneficiary != null && split.fundPay() != 0) {
            throw new IllegalArgumentException("the pooling fund pays nothing for a family member (R3)");
        }
        if (money != null && money.tenderedFen() > 0 && money.tenderedFen() - money.changeFen() != split.cashPay()) {
            throw new IllegalArgumentException("tendered minus change is not the cash share " + split.cashPay() + " fen");
        }
        if (fundNote != null && split.fundPay() != 0) {
            throw new IllegalArgumentException("the fund paid " + split.fundPay() + " fen; a reason it paid nothing is wrong");
        }
    }

    @Override
    public Sheet toSheet() {
        SheetBuilder b = new SheetBuilder("sale-receipt", "医保结算单 Settlement receipt", header).insured(insured);
        if (beneficiary != null) {
            b.field("受益人 Paid for (R3)", beneficiary.name()).field("受益人身份证号 Beneficiary ID", beneficiary.maskedCertNo());
        }
        b.rule().items(items).rule().split(split);
        if (fundNote != null) {
            fundNote.line(b);
        }
        if (money != null) {
            money.cashLines(b);
            money.cardLines(b);
        }
        b.proof(proof);
        b.field("结算号 setl_id", setlId != null ? setlId : offline ? "待上传 pending upload" : "待中心应答 awaiting the center");
        if (setlId == null && !offline) {
            // 2102 sent, its answer lost or late: the debit is done and proven; the queue resends the same msgid.
            b.text("已扣款，已由卡片交易认证码证明；结算已发往中心，终端自动重发直至中心应答。"
                    + "Debited and proven by the card's TAC; the settlement is with the center and is resent until it answers.");
        }
        if (offline) {
            b.text("离线扣款，已由卡片交易认证码证明，联网后上传。Offline debit proven by the card's TAC; sent to the center when online.");
        }
        return b.build();
    }
}
