package org.medcard.terminal.center;

/**
 * Host {@code 2201}: a registered outpatient visit and the split the center foresees for its fee.
 *
 * @param noPoolingRule the rule that kept the pooling fund out (R3, R4, R6, R12), or null
 */
public record Registration(String mdtrtId, long regFeeFen, long fundPayFen, long acctPayMaxFen, long cashPayMinFen,
                           String noPoolingRule) {
    public Registration {
        if (mdtrtId == null || mdtrtId.isBlank()) {
            throw new IllegalArgumentException("2201 answered without mdtrt_id");
        }
        if (fundPayFen + acctPayMaxFen + cashPayMinFen != regFeeFen) {
            throw new IllegalArgumentException("center's fee split does not add up: fee " + regFeeFen + ", fund " + fundPayFen
                    + ", account max " + acctPayMaxFen + ", cash min " + cashPayMinFen);
        }
    }
}
