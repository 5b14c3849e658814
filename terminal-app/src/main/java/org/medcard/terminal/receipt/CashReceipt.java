package org.medcard.terminal.receipt;

import java.util.List;
import java.util.Objects;

import org.medcard.terminal.receipt.sheet.Sheet;

/**
 * The receipt for a sale paid in cash because of a fault (business rule R11, case 2). It carries the
 * re-settlement entry number and says that the expense will be re-settled at this institution.
 *
 * @param insured the patient; the ID number was typed from the ID card, the card number is {@code null} when
 *                the card could not be read
 * @param entryNo the re-settlement {@code entry_no} (terminal id + local number)
 * @param fault what failed, as the terminal showed it (e.g. "读卡器无响应 reader not answering")
 */
public record CashReceipt(ReceiptHeader header, Insured insured, List<LineItem> items, long cashPaid, String entryNo,
                          String fault) implements ReceiptDocument {

    /** The sentence R11 asks for. */
    static final String RESETTLE_NOTICE = "本次费用将在本机构重新结算，请保留本单据并携带医保卡再次前来。"
            + " The expense will be re-settled at this institution: keep this receipt and come back with the card.";

    public CashReceipt {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(insured, "insured");
        items = List.copyOf(items);
        Texts.requireFen(cashPaid, "cashPaid");
        Texts.requireText(entryNo, "entryNo");
        Texts.requireText(fault, "fault");
        if (LineItem.total(items) != cashPaid) {
            throw new IllegalArgumentException("items add up to " + LineItem.total(items) + " fen, cash paid is " + cashPaid);
        }
    }

    @Override
    public Sheet toSheet() {
        return new SheetBuilder("cash-receipt", "现金收据（故障） Cash receipt (fault)", header)
                .insured(insured)
                .field("故障 Fault", fault)
                .rule()
                .items(items)
                .rule()
                .split(Split.allCash(cashPaid))
                .proof(null)
                .field("结算号 setl_id", null)
                .boldField("重新结算单号 Entry No.", entryNo)
                .boldText(RESETTLE_NOTICE)
                .build();
    }
}
