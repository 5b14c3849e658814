package org.medcard.terminal.voids;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.terminal.Terminal;
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

    private final Terminal terminal;
    private final Operators operators;
    private final ObjectMapper json = new ObjectMapper();

    public VoidDesk(Terminal terminal, Operators operators) {
        this.terminal = terminal;
        this.operators = operators;
    }

    /** The password array is wiped whatever happens. */
    public VoidOutcome voidSettlement(String setlId, String supervisor, char[] password, String reason) {
        try {
            if (!isSupervisor(supervisor, password)) {
                terminal.audit().record(supervisor, "VOID_REFUSED", "settlement " + setlId + ": not a signed-in supervisor");
                return outcome(VoidOutcome.Kind.REFUSED, setlId, 0, 0, 0, null, "void.supervisor_needed");
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        if (terminal.onlineCenter().isEmpty() || terminal.forwarder().isEmpty()) {
            return outcome(VoidOutcome.Kind.REFUSED, setlId, 0, 0, 0, null, "void.center_needed", setlId);
        }
        String input = json.createObjectNode().put("setl_id", setlId).put("reason", reason).toString();
        OutboxMessage sent = terminal.queue().queueMessage("2103", null, input);
        terminal.forwarder().get().sendNow(sent.msgid());
        OutboxMessage m = terminal.queue().message(sent.msgid()).orElse(sent);
        if (m.state() == OutboxState.REJECTED) {
            terminal.audit().record(supervisor, "VOID_REJECTED", "settlement " + setlId + ": " + m.reason());
            return outcome(VoidOutcome.Kind.REJECTED, setlId, 0, 0, 0, null, "void.rejected", setlId, m.reason());
        }
        if (m.state() != OutboxState.DONE) {
            terminal.audit().record(supervisor, "VOID_SENT", "settlement " + setlId + ", msgid " + m.msgid() + ", unanswered");
            return outcome(VoidOutcome.Kind.PENDING, setlId, 0, 0, 0, null, "void.pending", setlId);
        }
        JsonNode out = read(m.resultJson());
        long acct = out.path("refund_acct").asLong();
        long fund = out.path("refund_fund").asLong();
        long cash = cashShareOf(setlId);
        String loadId = out.path("load_id").isTextual() ? out.path("load_id").asText() : null;
        terminal.audit().record(supervisor, "VOID", "settlement " + setlId + ": cash back " + cash + " fen, account "
                + acct + " fen as pending load " + loadId + ", reason: " + reason);
        LOG.info("Settlement {} voided by supervisor {}: cash back {} fen, account {} fen as pending load {}", setlId, supervisor,
                cash, acct, loadId);
        return outcome(VoidOutcome.Kind.VOIDED, setlId, cash, acct, fund, loadId, "void.done", setlId, yuan(cash), yuan(acct));
    }

    private boolean isSupervisor(String name, char[] password) {
        if (name == null || password == null) {
            return false;
        }
        SignInResult r = operators.signIn(name, password.clone());
        return r instanceof SignInResult.SignedIn s && s.operator().role().covers(Role.SUPERVISOR);
    }

    /** The cash share the patient paid, from this terminal's settle message (2102/2207) that the center answered with setlId. */
    private long cashShareOf(String setlId) {
        for (OutboxMessage m : terminal.queue().messages(OutboxState.DONE)) {
            if (("2102".equals(m.infno()) || "2207".equals(m.infno())) && setlId.equals(read(m.resultJson()).path("setl_id").asText())) {
                return read(m.inputJson()).path("cash_pay").asLong();
            }
        }
        LOG.info("Settlement {} is not in this terminal's queue: no cash share known to hand back", setlId);
        return 0;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text == null ? "{}" : text);
        } catch (IOException e) {
            throw new IllegalStateException("stored center message unreadable", e);
        }
    }

    private VoidOutcome outcome(VoidOutcome.Kind kind, String setlId, long cash, long acct, long fund, String loadId, String key,
                                Object... args) {
        return new VoidOutcome(kind, setlId, cash, acct, fund, loadId, key, terminal.message(key, args));
    }

    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format(java.util.Locale.ROOT, "%02d", Math.abs(fen) % 100);
    }
}
