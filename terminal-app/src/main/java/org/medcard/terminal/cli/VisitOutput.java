package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.PaymentPlan;

/**
 * Console output of the registration desk's commands ({@code register}, {@code outpatient}), text or JSON. The JSON
 * contract is flat: a figure the outcome does not have is {@code null} ({@code balance_after_fen}: -1), whatever its kind.
 */
final class VisitOutput {
    private VisitOutput() {
    }

    /** Prints {@code o} with its {@code message} (the caller's {@code VisitTexts} line); returns the exit code. */
    static int print(PrintWriter out, VisitOutcome o, String message, boolean json) {
        PaymentPlan p = o.plan().orElse(null);
        String mdtrtId = o.visit().orElse(null);
        String cardNo = o.card().map(VisitOutcome.CardHolder::cardNoMasked).orElse(null);
        String name = o.card().map(VisitOutcome.CardHolder::name).orElse(null);
        String tac = tac(o).orElse(null);
        String setlId = o instanceof VisitOutcome.Settled s ? s.setlId().orElse(null) : null;
        String entryNo = o instanceof VisitOutcome.CashResettle c ? c.entryNo() : null;
        String noPoolingRule = o instanceof VisitOutcome.Registered r ? r.noPoolingRule().orElse(null) : null;
        if (json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("outcome", o.kind().name()).put("mdtrt_id", mdtrtId);
            if (p != null) {
                n.put("total_fen", p.totalFen()).put("fund_pay_fen", p.fundFen()).put("acct_pay_fen", p.accountFen())
                        .put("cash_pay_fen", p.cashFen());
            }
            n.put("tac", tac).put("setl_id", setlId).put("balance_after_fen", balanceAfter(o).orElse(-1))
                    .put("no_pooling_rule", noPoolingRule).put("card_no", cardNo).put("name", name)
                    .put("message_key", o.messageKey()).put("message", message).put("loaded_fen", o.loadedFen())
                    .put("entry_no", entryNo);
            TerminalCommands.printJson(out, n);
        } else {
            out.println("outcome:      " + o.kind());
            line(out, "visit:        ", mdtrtId);
            if (name != null) {
                out.println("card:         " + cardNo + " " + name);
            }
            if (p != null) {
                out.println("total:        " + Yuan.format(p.totalFen()));
                out.println("pooling fund: " + Yuan.format(p.fundFen()));
                out.println("account:      " + Yuan.format(p.accountFen()));
                out.println("cash:         " + Yuan.format(p.cashFen()));
            }
            line(out, "TAC:          ", tac);
            line(out, "setl_id:      ", setlId);
            line(out, "entry:        ", entryNo);
            if (o.loadedFen() > 0) {
                out.println("loaded (R15): " + Yuan.format(o.loadedFen()));
            }
            out.println(message);
        }
        return o.served() ? 0 : 1;
    }

    /** The TAC of the card's debit: only a card payment has one. */
    private static Optional<String> tac(VisitOutcome o) {
        return o instanceof VisitOutcome.CardPayment p ? p.tac() : Optional.empty();
    }

    /** The card's balance after this contact's payment step, when it had one and the card told it. */
    private static OptionalLong balanceAfter(VisitOutcome o) {
        if (o instanceof VisitOutcome.CardPayment p) {
            return p.balanceAfterFen();
        }
        if (o instanceof VisitOutcome.CashResettle c) {
            return c.payment().balanceAfterFen(); // the card as read before the fault, when one was
        }
        if (o instanceof VisitOutcome.Refused r) {
            return r.balanceAfterFen();
        }
        return OptionalLong.empty(); // registered, cancelled, closed: no payment step
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value != null) {
            out.println(label + value);
        }
    }
}
