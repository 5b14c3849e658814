package org.medcard.terminal.sale;

import java.util.Objects;

/**
 * What became of an online settle ({@code 2102}) after the terminal sent it.
 *
 * @param state      SETTLED (infcode 0), REJECTED (the center said no), PENDING (no answer: the queue resends the
 *                   same msgid until it has one, so it is never settled twice)
 * @param msgid      the settle's msgid (the idempotency key)
 * @param setlId     the center's settlement id when SETTLED
 * @param fundPayFen the pooling share the center settled, when SETTLED
 * @param shadowBalanceFen the center's shadow balance of the account afterwards, when SETTLED (-1 otherwise)
 * @param reason     why REJECTED or PENDING
 */
public record SettleResult(State state, String msgid, String setlId, long fundPayFen, long shadowBalanceFen, String reason) {

    public enum State { SETTLED, REJECTED, PENDING }

    public SettleResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(msgid, "msgid");
    }
}
