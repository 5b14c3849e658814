package org.medcard.terminal.sale;

/**
 * How one sale is paid, in fen: pooling fund, personal account (debited from the card), cash. The three
 * always add up to the total; nothing is ever rounded away (R1).
 */
public record PaymentPlan(long totalFen, long fundFen, long accountFen, long cashFen) {

    public PaymentPlan {
        if (totalFen < 0 || fundFen < 0 || accountFen < 0 || cashFen < 0) {
            throw new IllegalArgumentException("a payment share is negative");
        }
        if (Math.addExact(Math.addExact(fundFen, accountFen), cashFen) != totalFen) {
            throw new IllegalArgumentException("shares " + fundFen + " + " + accountFen + " + " + cashFen
                    + " do not add up to the total " + totalFen);
        }
    }

    /** Everything in cash (R11 case 2). */
    public static PaymentPlan allCash(long totalFen) {
        return new PaymentPlan(totalFen, 0, 0, totalFen);
    }

    /** What the insured person's insurance pays, and is refunded after a re-settlement. */
    public long insuredFen() {
        return fundFen + accountFen;
    }

    /**
     * The pooling fund pays nothing of a sale the insurance pays part of (not an all-cash plan): the split on the
     * screen and the receipt say why (issue 15, {@link SalePolicy#noPooling}).
     */
    public boolean fundPaysNothing() {
        return fundFen == 0 && totalFen > 0 && insuredFen() > 0;
    }
}
