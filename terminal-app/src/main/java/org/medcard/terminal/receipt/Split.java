package org.medcard.terminal.receipt;

import org.medcard.terminal.text.Texts;

/**
 * How a total was paid, in fen: by the pooling fund, the personal account on the card, and cash.
 *
 * @param total the sale's total
 * @param fundPay {@code fund_pay}
 * @param acctPay {@code acct_pay} (debited from the card)
 * @param cashPay {@code cash_pay}
 */
public record Split(long total, long fundPay, long acctPay, long cashPay) {

    public Split {
        Texts.requireFen(total, "total");
        Texts.requireFen(fundPay, "fundPay");
        Texts.requireFen(acctPay, "acctPay");
        Texts.requireFen(cashPay, "cashPay");
        if (Math.addExact(Math.addExact(fundPay, acctPay), cashPay) != total) {
            throw new IllegalArgumentException("fund_pay " + fundPay + " + acct_pay " + acctPay + " + cash_pay " + cashPay
                    + " fen do not add up to the total " + total + " fen");
        }
    }

    /** All paid in cash (a fault, business rule R11). */
    public static Split allCash(long total) {
        return new Split(total, 0, 0, total);
    }
}
