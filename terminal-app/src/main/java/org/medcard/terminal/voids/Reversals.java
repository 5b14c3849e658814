package org.medcard.terminal.voids;

import java.util.Optional;
import java.util.function.Supplier;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.operator.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverses ({@code 2601}) a settlement whose answer never came (outbox UNKNOWN) instead of resending it. The
 * queue refuses anything else ({@link org.medcard.queue.QueueStoreException}): a settlement that was answered
 * is voided, not reversed. The choice is the operator's; it is audited.
 */
public final class Reversals {
    private static final Logger LOG = LoggerFactory.getLogger(Reversals.class);

    private final OfflineQueue queue;
    private final Optional<Forwarder> forwarder;
    private final Supplier<Optional<HostApi>> online;
    private final AuditLog audit;

    /**
     * @param forwarder absent when the terminal runs {@code --offline}
     * @param online    the center's API when the terminal may talk to it now (signing in if it must)
     */
    public Reversals(OfflineQueue queue, Optional<Forwarder> forwarder, Supplier<Optional<HostApi>> online, AuditLog audit) {
        this.queue = queue;
        this.forwarder = forwarder;
        this.online = online;
        this.audit = audit;
    }

    public ReversalOutcome reverse(String msgid, String operator) {
        OutboxMessage reversal = queue.requestReversal(msgid);
        audit.record(operator, "REVERSAL_REQUESTED", "message " + msgid + ", 2601 " + reversal.msgid());
        Optional<Forwarder> forwarder = online.get().flatMap(c -> this.forwarder);
        forwarder.ifPresent(f -> f.sendNow(reversal.msgid()));
        OutboxMessage answered = queue.message(reversal.msgid()).orElse(reversal);
        OutboxMessage original = queue.message(msgid).orElseThrow();
        if (answered.state() != OutboxState.DONE && answered.state() != OutboxState.REJECTED) {
            return new ReversalOutcome(ReversalOutcome.Kind.PENDING, msgid, reversal.msgid());
        }
        if (original.state() == OutboxState.REJECTED) {
            LOG.info("Message {} reversed by 2601 {}", msgid, reversal.msgid());
            return new ReversalOutcome(ReversalOutcome.Kind.REVERSED, msgid, reversal.msgid());
        }
        LOG.warn("Message {} not reversed ({}): resending it", msgid, answered.reason());
        return new ReversalOutcome(ReversalOutcome.Kind.NOT_REVERSED, msgid, reversal.msgid());
    }
}
