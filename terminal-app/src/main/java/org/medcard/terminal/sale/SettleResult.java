package org.medcard.terminal.sale;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What became of an online settle ({@code 2102}) after the terminal sent it.
 *
 * @param state      SETTLED (infcode 0), REJECTED (the center said no), PENDING (no answer: the queue resends the
 *                   same msgid until it has one, so it is never settled twice)
 * @param msgid      the settle's msgid (the idempotency key)
 * @param setlId     the center's settlement id when SETTLED (empty otherwise, or when the answer was unreadable)
 * @param fundPayFen the pooling share the center settled, when SETTLED
 * @param shadowBalanceFen the center's shadow balance of the account afterwards, when SETTLED (empty otherwise)
 * @param reason     why REJECTED or PENDING
 */
public record SettleResult(State state, String msgid, Optional<String> setlId, long fundPayFen, OptionalLong shadowBalanceFen,
                           String reason) {

    public enum State { SETTLED, REJECTED, PENDING }

    public SettleResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(msgid, "msgid");
        Objects.requireNonNull(setlId, "setlId");
        Objects.requireNonNull(shadowBalanceFen, "shadowBalanceFen");
    }

    /** A result without the center's settlement fields: REJECTED, PENDING, or SETTLED with an unreadable answer. */
    static SettleResult bare(State state, String msgid, String reason) {
        return new SettleResult(state, msgid, Optional.empty(), 0, OptionalLong.empty(), reason);
    }
}
