package org.medcard.terminal.voids;

import java.util.Optional;

import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverses ({@code 2601}) a settlement whose answer never came (outbox UNKNOWN) instead of resending it. The
 * queue refuses anything else ({@link org.medcard.queue.QueueStoreException}): a settlement that was answered
 * is voided, not reversed. The choice is the operator's; it is audited.
 */
public final class Reversals {
    private static final Logger LOG = LoggerFactory.getLogger(Reversals.class);

    private final Terminal terminal;

    public Reversals(Terminal terminal) {
        this.terminal = terminal;
    }

    public ReversalOutcome reverse(String msgid, String operator) {
        OutboxMessage reversal = terminal.queue().requestReversal(msgid);
        terminal.audit().record(operator, "REVERSAL_REQUESTED", "message " + msgid + ", 2601 " + reversal.msgid());
        Optional<Forwarder> forwarder = terminal.onlineCenter().flatMap(c -> terminal.forwarder());
        forwarder.ifPresent(f -> f.sendNow(reversal.msgid()));
        OutboxMessage answered = terminal.queue().message(reversal.msgid()).orElse(reversal);
        OutboxMessage original = terminal.queue().message(msgid).orElseThrow();
        if (answered.state() != OutboxState.DONE && answered.state() != OutboxState.REJECTED) {
            return outcome(ReversalOutcome.Kind.PENDING, msgid, reversal.msgid(), "reversal.pending");
        }
        if (original.state() == OutboxState.REJECTED) {
            LOG.info("Message {} reversed by 2601 {}", msgid, reversal.msgid());
            return outcome(ReversalOutcome.Kind.REVERSED, msgid, reversal.msgid(), "reversal.reversed");
        }
        LOG.warn("Message {} not reversed ({}): resending it", msgid, answered.reason());
        return outcome(ReversalOutcome.Kind.NOT_REVERSED, msgid, reversal.msgid(), "reversal.not_reversed");
    }

    private ReversalOutcome outcome(ReversalOutcome.Kind kind, String msgid, String reversalMsgid, String key) {
        return new ReversalOutcome(kind, msgid, reversalMsgid, key, terminal.messages().text(key, msgid));
    }
}
