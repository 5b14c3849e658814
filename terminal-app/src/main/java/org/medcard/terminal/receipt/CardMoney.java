package org.medcard.terminal.receipt;

import org.medcard.terminal.text.Texts;

/**
 * The money a patient reads on a sale receipt besides the split (issue 15): the card's balance before this contact,
 * the monthly load credited in it (R15), and the cash tendered and the change. Amounts in fen.
 *
 * @param balanceBeforeFen the purse balance before this contact's loads and debit; -1 when the card would not tell
 * @param loadedFen        R15 money credited onto the card in this contact, 0 when none
 * @param loadMonth        the month of that load ({@code 2026-12}), or null when not known
 * @param tenderedFen      cash the patient handed over for the cash share, 0 when none was asked
 * @param changeFen        change given back
 */
public record CardMoney(long balanceBeforeFen, long loadedFen, String loadMonth, long tenderedFen, long changeFen) {

    public CardMoney {
        Texts.requireFen(loadedFen, "loadedFen");
        Texts.requireFen(tenderedFen, "tenderedFen");
        Texts.requireFen(changeFen, "changeFen");
        if (changeFen > tenderedFen) {
            throw new IllegalArgumentException("change " + changeFen + " fen exceeds the " + tenderedFen + " fen tendered");
        }
    }

    /** Cash tendered and change, after the split's cash share. */
    void cashLines(SheetBuilder b) {
        if (tenderedFen > 0) {
            b.money("实收现金 Cash tendered", tenderedFen).money("找零 Change", changeFen);
        }
    }

    /** The balance before and the month's load, before the card's proof (balance after, TAC). */
    void cardLines(SheetBuilder b) {
        if (balanceBeforeFen >= 0) {
            b.money("交易前余额 Balance before", balanceBeforeFen);
        }
        if (loadedFen > 0) {
            b.field(loadMonth == null || loadMonth.isBlank() ? "本次划入 Monthly load" : "本次划入 Monthly load " + loadMonth,
                    Texts.yuan(loadedFen));
        }
    }
}
