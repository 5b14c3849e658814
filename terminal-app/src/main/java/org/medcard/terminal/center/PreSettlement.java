package org.medcard.terminal.center;

/**
 * Host {@code 2101}/{@code 2206}: the split the center proposes. The personal account may pay up to
 * {@code acctPayMaxFen}; the patient pays at least {@code cashPayMinFen} in cash.
 */
public record PreSettlement(String presettleId, long totalFen, long fundPayFen, long acctPayMaxFen, long cashPayMinFen) {
    public PreSettlement {
        if (fundPayFen < 0 || acctPayMaxFen < 0 || cashPayMinFen < 0 || fundPayFen + acctPayMaxFen + cashPayMinFen != totalFen) {
            throw new IllegalArgumentException("center's split does not add up: total " + totalFen + ", fund " + fundPayFen
                    + ", account max " + acctPayMaxFen + ", cash min " + cashPayMinFen);
        }
    }
}
