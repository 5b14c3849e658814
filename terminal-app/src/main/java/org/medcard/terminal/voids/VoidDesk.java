package org.medcard.terminal.voids;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.forward.Forwarder;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.SettlementCancelled;
import org.medcard.terminal.center.Settled;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.operator.SignInResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voids (cancels) a settlement with the center ({@code 2103}). Only a supervisor may: the name and password
 * are checked with {@link Operators#signIn} for this one action, and every attempt is audited. The 2103 goes
 * through the outbox like any message that moves money, so a lost answer is resent with the same msgid.
 *
 * <p>R2: the account share is never paid out in cash: the center credits it back to the account and it
 * reaches the card as a pending load ({@code 8501}/CREDIT FOR LOAD) the next time the card is online. Only the
 * cash share of the original sale is handed back from the till.
 */
public final class VoidDesk {
    private static final Logger LOG = LoggerFactory.getLogger(VoidDesk.class);

    private final OfflineQueue queue;
    private final Optional<Forwarder> forwarder;
    private final Supplier<Optional<HostApi>> online;
    private final AuditLog audit;
    private final Operators operators;
    private final HostCodec codec = new HostCodec();

    /**
     * @param forwarder absent when the terminal runs {@code --offline}
     * @param online    the center's API when the terminal may talk to it now (signing in if it must)
     * @param operators who may void (a signed-in supervisor)
     */
    public VoidDesk(OfflineQueue queue, Optional<Forwarder> forwarder, Supplier<Optional<HostApi>> online, AuditLog audit,
                    Operators operators) {
        this.queue = queue;
        this.forwarder = forwarder;
        this.online = online;
        this.audit = audit;
        this.operators = operators;
    }

    /** The password array is wiped whatever happens. */
    public VoidOutcome voidSettlement(String setlId, String supervisor, char[] password, String reason) {
        try {
            if (!isSupervisor(supervisor, password)) {
                audit.record(supervisor, "VOID_REFUSED", "settlement " + setlId + ": not a signed-in supervisor");
                return new VoidOutcome.Refused(setlId, VoidOutcome.Refused.Why.SUPERVISOR_NEEDED);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        if (online.get().isEmpty() || forwarder.isEmpty()) {
            return new VoidOutcome.Refused(setlId, VoidOutcome.Refused.Why.CENTER_NEEDED);
        }
        HostRequest.CancelSettlement2103 cancel = new HostRequest.CancelSettlement2103(setlId, reason);
        OutboxMessage sent = queue.queue(codec.encode(cancel), null);
        forwarder.get().sendNow(sent.msgid());
        OutboxMessage m = queue.message(sent.msgid()).orElse(sent);
        if (m.state() == OutboxState.REJECTED) {
            audit.record(supervisor, "VOID_REJECTED", "settlement " + setlId + ": " + m.reason());
            return new VoidOutcome.Rejected(setlId, m.reason() == null ? "" : m.reason());
        }
        if (m.state() != OutboxState.DONE) {
            audit.record(supervisor, "VOID_SENT", "settlement " + setlId + ", msgid " + m.msgid() + ", unanswered");
            return new VoidOutcome.Pending(setlId);
        }
        SettlementCancelled out;
        try {
            out = codec.answer(cancel, m.resultJson());
        } catch (org.medcard.terminal.center.CenterUnreachable e) {
            // Stored as answered, yet unreadable: the center did void it; the figures are shown as unknown (0).
            LOG.error("Void of settlement {}: the center's answer cannot be read ({})", setlId, e.getMessage());
            out = new SettlementCancelled(0, 0, null);
        }
        long acct = out.refundAcctFen();
        long fund = out.refundFundFen();
        long cash = cashShareOf(setlId);
        String loadId = out.loadId();
        audit.record(supervisor, "VOID", "settlement " + setlId + ": cash back " + cash + " fen, account "
                + acct + " fen as pending load " + loadId + ", reason: " + reason);
        LOG.info("Settlement {} voided by supervisor {}: cash back {} fen, account {} fen as pending load {}", setlId, supervisor,
                cash, acct, loadId);
        return new VoidOutcome.Voided(setlId, cash, acct, fund, Optional.ofNullable(loadId));
    }

    private boolean isSupervisor(String name, char[] password) {
        if (name == null || password == null) {
            return false;
        }
        SignInResult r = operators.signIn(name, password.clone());
        return r instanceof SignInResult.SignedIn s && s.operator().role().covers(Role.SUPERVISOR);
    }

    /** The cash share the patient paid, from this terminal's settlement (2102/2207) that the center answered with setlId. */
    private long cashShareOf(String setlId) {
        for (OutboxMessage m : queue.messages(OutboxState.DONE)) {
            HostRequest<?> r = codec.tryDecode(m.message()).orElse(null);
            if (r instanceof HostRequest.Settle2102 s && setlId.equals(setlIdOf(s, m))) {
                return s.cashFen();
            }
            if (r instanceof HostRequest.OutpatientSettle2207 s && setlId.equals(setlIdOf(s, m))) {
                return s.cashFen();
            }
        }
        LOG.info("Settlement {} is not in this terminal's queue: no cash share known to hand back", setlId);
        return 0;
    }

    private String setlIdOf(HostRequest<Settled> settle, OutboxMessage m) {
        try {
            return codec.answer(settle, m.resultJson()).setlId();
        } catch (org.medcard.terminal.center.CenterUnreachable e) {
            return null;
        }
    }
}
