package org.medcard.terminal.center;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Host {@code 2102}/{@code 2207}: the settlement the center made. {@code totalFen}, {@code acctPayFen} and
 * {@code cashPayFen} are the simulated center's additions (0 when a center leaves them out).
 *
 * @param acctBalanceShadowFen the center's view of the account balance after it, empty when not given
 */
public record Settled(String setlId, long totalFen, long fundPayFen, long acctPayFen, long cashPayFen,
                      OptionalLong acctBalanceShadowFen) {
    public Settled {
        if (setlId == null || setlId.isBlank()) {
            throw new IllegalArgumentException("settled without setl_id");
        }
        Objects.requireNonNull(acctBalanceShadowFen, "acctBalanceShadowFen");
    }
}
