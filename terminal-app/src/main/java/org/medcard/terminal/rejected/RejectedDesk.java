package org.medcard.terminal.rejected;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.QueueStoreException;
import org.medcard.queue.WireFormat;
import org.medcard.terminal.logging.SensitiveNumbers;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.operator.SignInResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's desk for messages the center rejected: the list, and the three ways to resolve one — resend it
 * under a new msgid, reverse it ({@code 2601}; for a settlement the card paid, the center returns the debit as a
 * refund load), or mark it handled with a note. Each action is written to the audit log under the supervisor's
 * name ({@code REJECTED_RESEND}, {@code REJECTED_REVERSE}, {@code REJECTED_HANDLED}) as well as to the queue's journal.
 *
 * <p>Threads: any one thread at a time, never the UI thread (a resend or reversal is sent at once when online).
 */
public final class RejectedDesk {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedDesk.class);
    static final String AUDIT_REFUSED = "REJECTED_REFUSED";

    /** What a supervisor does about a rejected message. */
    public enum Action { RESEND, REVERSE, HANDLED }

    /**
     * What a resolution did.
     *
     * @param newMsgid the resent message's or the reversal's msgid, or null (handled)
     * @param item     the rejected message as it is now
     */
    public record Resolved(Action action, String newMsgid, RejectedItem item) {
    }

    private final OfflineQueue queue;
    private final AuditLog audit;
    private final Consumer<String> sendNow;
    private final ZoneId zone;
    private final WireFormat wire;

    /**
     * @param sendNow sends a queued message at once when the center is online (else a no-op: the forwarder sends
     *                it later); its failures are logged, never thrown
     * @param zone    the terminal's time zone (times are shown in local time)
     * @param wire    what each stored message is (a settlement, an upload, a reversal): which actions it allows
     */
    public RejectedDesk(OfflineQueue queue, AuditLog audit, Consumer<String> sendNow, ZoneId zone, WireFormat wire) {
        this.queue = queue;
        this.audit = audit;
        this.sendNow = sendNow;
        this.zone = zone;
        this.wire = wire;
    }

    /** Every message the center rejected, oldest first. */
    public List<RejectedItem> list() {
        return queue.rejectedMessages().stream().map(r -> RejectedItem.of(r, zone, wire)).toList();
    }

    /** How many still need a supervisor. */
    public long open() {
        return list().stream().filter(RejectedItem::needsSupervisor).count();
    }

    public Optional<RejectedItem> find(String msgid) {
        return queue.rejectedMessage(msgid).map(r -> RejectedItem.of(r, zone, wire));
    }

    /**
     * The signed-in supervisor resolves {@code msgid}.
     *
     * @throws IllegalArgumentException when the action is not open for this message (the reason says why), or
     *                                  HANDLED without a note
     */
    public Resolved resolve(String msgid, Action action, String supervisor, String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (action == Action.HANDLED && text == null) {
            throw new IllegalArgumentException("a note is required to mark " + msgid + " handled");
        }
        RejectedItem before = find(msgid).orElseThrow(() -> new IllegalArgumentException(
                "no message the center rejected has msgid " + msgid + ": see medcard queue rejected"));
        String newMsgid;
        try {
            newMsgid = switch (action) {
                case RESEND -> queue.resendRejected(msgid, supervisor, text).msgid();
                case REVERSE -> queue.reverseRejected(msgid, supervisor, text).msgid();
                case HANDLED -> {
                    queue.markRejectedHandled(msgid, supervisor, text);
                    yield null;
                }
            };
        } catch (QueueStoreException e) {
            if (e.reason() != QueueStoreException.Reason.REFUSED) {
                throw e;
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        audit.record(supervisor, "REJECTED_" + action.name(), "message " + msgid + " (" + before.infno() + ", was "
                + before.resolution() + ")" + (newMsgid == null ? "" : " -> " + newMsgid)
                + (text == null ? "" : ": " + SensitiveNumbers.maskAll(text)));
        if (newMsgid != null) {
            send(newMsgid);
        }
        return new Resolved(action, newMsgid, find(msgid).orElseThrow());
    }

    /**
     * A supervisor, signing in with a password for this one action (the CLI), resolves {@code msgid}.
     *
     * @return empty when the name and password are not a supervisor's (audited)
     */
    public Optional<Resolved> resolve(Operators operators, String supervisor, char[] password, String msgid, Action action,
                                      String note) {
        SignInResult r = operators.signIn(supervisor, password);
        if (!(r instanceof SignInResult.SignedIn s && s.operator().role().covers(Role.SUPERVISOR))) {
            audit.record(supervisor, AUDIT_REFUSED, "not a supervisor, or a wrong password (message " + msgid + ")");
            return Optional.empty();
        }
        return Optional.of(resolve(msgid, action, supervisor, note));
    }

    private void send(String msgid) {
        try {
            sendNow.accept(msgid);
        } catch (RuntimeException e) {
            LOG.warn("Message {} stays queued: {}", msgid, e.getMessage());
        }
    }

    /** The queued message, for a caller that reports its state after {@link #resolve}. */
    public Optional<OutboxMessage> message(String msgid) {
        return queue.message(msgid);
    }
}
