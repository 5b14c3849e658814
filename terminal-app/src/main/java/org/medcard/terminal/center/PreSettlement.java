package org.medcard.terminal.center;

/**
 * Host {@code 2101}/{@code 2206}: the split the center proposes. The personal account may pay up to
 * {@code acctPayMaxFen}; the patient pays at least {@code cashPayMinFen} in cash.
 */
public record PreSettlement(String presettleId, long totalFen, long fundPayFen, long acctPayMaxFen, long cashPayMinFen) {
    public PreSettlement {
        if (fundPayFen < 0 || acctPayMaxFen < 0 || cashPayMinFen < 0 || !addsUpTo(totalFen, fundPayFen, acctPayMaxFen, cashPayMinFen)) {
            throw new IllegalArgumentException("center's split does not add up: total " + totalFen + ", fund " + fundPayFen
                    + ", account max " + acctPayMaxFen + ", cash min " + cashPayMinFen);
        }
    }

    /** Exact: huge parts must not wrap around to the total (seen while fixing a fuzz finding in HostApi.preSettle). */
    private static boolean addsUpTo(long total, long fund, long account, long cash) {
        try {
            return Math.addExact(Math.addExact(fund, account), cash) == total;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }
}
