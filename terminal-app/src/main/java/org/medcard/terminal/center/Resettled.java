package org.medcard.terminal.center;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Host {@code 8401}: a re-settled entry. {@code refundFen} = fund + account share, handed back from the cash paid.
 *
 * @param totalFen             the entry's total as the center priced it (0 when not given)
 * @param acctBalanceShadowFen the center's view of the balance after the account share, empty when not given
 */
public record Resettled(String entryNo, String setlId, long totalFen, long fundPayFen, long acctPayFen, long refundFen,
                        OptionalLong acctBalanceShadowFen) {
    public Resettled {
        if (setlId == null || setlId.isBlank()) {
            throw new IllegalArgumentException("re-settled without setl_id");
        }
        Objects.requireNonNull(acctBalanceShadowFen, "acctBalanceShadowFen");
    }
}
