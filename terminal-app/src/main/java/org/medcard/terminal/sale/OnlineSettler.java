package org.medcard.terminal.sale;

import java.util.Optional;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.Resettled;
import org.medcard.terminal.center.Settled;

/**
 * Sends an online settle that is already in the queue's outbox and reads back its final state. The message
 * (and its msgid) was stored before the first send; whatever happens on the wire, the outbox holds the truth:
 * DONE, REJECTED, or still waiting for an answer (then the forwarder resends it with the same msgid).
 *
 * <p>Runs on the reader's worker thread; {@link Forwarder#sendNow} waits for the background sender.
 */
public final class OnlineSettler {

    private final OfflineQueue queue;
    private final Optional<Forwarder> forwarder;
    private final HostCodec codec = new HostCodec();

    public OnlineSettler(OfflineQueue queue, Optional<Forwarder> forwarder) {
        this.queue = queue;
        this.forwarder = forwarder;
    }

    public SettleResult settle(OutboxMessage message) {
        forwarder.ifPresent(f -> f.sendNow(message.msgid()));
        OutboxMessage now = queue.message(message.msgid()).orElse(message);
        return switch (now.state()) {
            case DONE -> settled(now);
            case REJECTED -> SettleResult.bare(SettleResult.State.REJECTED, now.msgid(),
                    "infcode " + now.centerCode() + ": " + now.reason());
            default -> SettleResult.bare(SettleResult.State.PENDING, now.msgid(),
                    now.reason() == null ? "not sent yet" : now.reason());
        };
    }

    private SettleResult settled(OutboxMessage m) {
        try {
            if (codec.decode(m.message()) instanceof HostRequest.Resettle8401) {
                // A re-settlement's account debit (R11 case 3) is settled by its 8401 the same way.
                Resettled r = codec.resettled(m.message(), m.resultJson());
                return new SettleResult(SettleResult.State.SETTLED, m.msgid(), Optional.ofNullable(r.setlId()), r.fundPayFen(),
                        r.acctBalanceShadowFen(), null);
            }
            Settled s = codec.settled(m.message(), m.resultJson());
            return new SettleResult(SettleResult.State.SETTLED, m.msgid(), Optional.ofNullable(s.setlId()), s.fundPayFen(),
                    s.acctBalanceShadowFen(), null);
        } catch (CenterUnreachable | IllegalArgumentException e) {
            return SettleResult.bare(SettleResult.State.SETTLED, m.msgid(), "answer unreadable: " + e.getMessage());
        }
    }
}
