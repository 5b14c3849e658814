package org.medcard.simulator.center.rules;

import java.util.List;

/**
 * The split of a sale. {@code noPoolingRule} names the rule (R3, R4, R6, R12) that set the fund share to
 * 0, or is {@code null}. {@code deductibleApplied} is the part of the pooling base the person pays
 * towards the year's deductible.
 */
public record Split(long total, long poolingBase, long deductibleApplied, int ratioBp, long fundPay,
                    String noPoolingRule, List<LineSplit> lines) {

    public Split {
        lines = List.copyOf(lines);
        if (fundPay < 0 || fundPay > total) {
            throw new IllegalStateException("fund share " + fundPay + " outside 0.." + total);
        }
    }

    /** What the personal account may pay at most, given the shadow balance of the paying account. */
    public long acctPayMax(long shadowBalance) {
        return Math.max(0, Math.min(shadowBalance, total - fundPay));
    }
}
