package org.medcard.terminal.receipt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.text.Texts;

/**
 * The receipt for a sale paid in cash because of a fault (business rule R11, case 2). It carries the
 * re-settlement entry number and says that the expense will be re-settled at this institution.
 *
 * @param insured the patient; the ID number was typed from the ID card, the card number is {@code null} when
 *                the card could not be read
 * @param entryNo the re-settlement {@code entry_no} (terminal id + local number)
 * @param fault what failed, as the terminal showed it (e.g. "读卡器无响应 reader not answering")
 * @param resettleBy the last day the entry can be re-settled ({@link #lastResettleDay}); {@code null} only for a
 *                   receipt journalled before the date was printed (the line is then left out)
 * @param tenderedFen cash the patient handed over (issue 15); 0 when not asked (the CLI, rows journalled before),
 *                    and the lines are left out
 * @param changeFen   change given back: tendered minus the cash paid
 */
public record CashReceipt(ReceiptHeader header, Insured insured, List<LineItem> items, long cashPaid, String entryNo,
                          String fault, LocalDate resettleBy, long tenderedFen, long changeFen) implements ReceiptDocument {

    /** A cash receipt without cash tendered and change (the desk adds them with {@link #withTendered}). */
    public CashReceipt(ReceiptHeader header, Insured insured, List<LineItem> items, long cashPaid, String entryNo,
                       String fault, LocalDate resettleBy) {
        this(header, insured, items, cashPaid, entryNo, fault, resettleBy, 0, 0);
    }

    /** The same receipt with the cash the patient handed over and the change (issue 15); 0 leaves them out. */
    public CashReceipt withTendered(long tendered) {
        return tendered <= 0 ? this
                : new CashReceipt(header, insured, items, cashPaid, entryNo, fault, resettleBy, tendered, tendered - cashPaid);
    }

    /** The sentence R11 asks for. */
    static final String RESETTLE_NOTICE = "本次费用将在本机构重新结算，请保留本单据并携带医保卡再次前来。"
            + " The expense will be re-settled at this institution: keep this receipt and come back with the card.";

    /** The line saying until when the entry can be re-settled (R11 case 2). */
    static final String RESETTLE_BY_LABEL = "最迟重新结算日 Re-settle by";

    /**
     * R11 case 2: an entry can be re-settled up to and including the fault's date plus {@code resettle.max_days}
     * (the day it expires is the day after).
     */
    public static LocalDate lastResettleDay(LocalDate faultDate, int resettleMaxDays) {
        if (resettleMaxDays <= 0) {
            throw new IllegalArgumentException("resettle.max_days must be positive, was " + resettleMaxDays);
        }
        return faultDate.plusDays(resettleMaxDays);
    }

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
        Texts.requireFen(tenderedFen, "tenderedFen");
        Texts.requireFen(changeFen, "changeFen");
        if (tenderedFen > 0 && tenderedFen - changeFen != cashPaid) {
            throw new IllegalArgumentException("tendered " + tenderedFen + " minus change " + changeFen + " is not the cash paid " + cashPaid);
        }
        if (tenderedFen == 0 && changeFen != 0) {
            throw new IllegalArgumentException("change " + changeFen + " fen without cash tendered");
        }
    }

    @Override
    public Sheet toSheet() {
        SheetBuilder sheet = new SheetBuilder("cash-receipt", "现金收据（故障） Cash receipt (fault)", header)
                .insured(insured)
                .field("故障 Fault", fault)
                .rule()
                .items(items)
                .rule()
                .split(Split.allCash(cashPaid));
        if (tenderedFen > 0) { // as on the sale receipt (CardMoney)
            sheet.money("实收现金 Cash tendered", tenderedFen).money("找零 Change", changeFen);
        }
        sheet.proof(null)
                .field("结算号 setl_id", null)
                .boldField("重新结算单号 Entry No.", entryNo);
        if (resettleBy != null) {
            sheet.boldField(RESETTLE_BY_LABEL, resettleBy.toString());
        }
        return sheet.boldText(RESETTLE_NOTICE).build();
    }
}
