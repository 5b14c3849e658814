package org.medcard.terminal.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.PaymentPlan;

/** Console output of the registration desk's commands ({@code register}, {@code outpatient}), text or JSON. */
final class VisitOutput {
    private VisitOutput() {
    }

    static int print(PrintWriter out, VisitOutcome o, boolean json) {
        PaymentPlan p = o.plan();
        if (json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode();
            n.put("outcome", o.kind().name()).put("mdtrt_id", o.mdtrtId());
            if (p != null) {
                n.put("total_fen", p.totalFen()).put("fund_pay_fen", p.fundFen()).put("acct_pay_fen", p.accountFen())
                        .put("cash_pay_fen", p.cashFen());
            }
            n.put("tac", o.tac()).put("setl_id", o.setlId()).put("balance_after_fen", o.balanceAfterFen())
                    .put("no_pooling_rule", o.noPoolingRule()).put("card_no", o.cardNoMasked()).put("name", o.holderName())
                    .put("message_key", o.messageKey()).put("message", o.message()).put("loaded_fen", o.loadedFen())
                    .put("entry_no", o.entryNo());
            TerminalCommands.printJson(out, n);
        } else {
            out.println("outcome:      " + o.kind());
            line(out, "visit:        ", o.mdtrtId());
            if (o.holderName() != null) {
                out.println("card:         " + o.cardNoMasked() + " " + o.holderName());
            }
            if (p != null) {
                out.println("total:        " + Yuan.format(p.totalFen()));
                out.println("pooling fund: " + Yuan.format(p.fundFen()));
                out.println("account:      " + Yuan.format(p.accountFen()));
                out.println("cash:         " + Yuan.format(p.cashFen()));
            }
            line(out, "TAC:          ", o.tac());
            line(out, "setl_id:      ", o.setlId());
            line(out, "entry:        ", o.entryNo());
            if (o.loadedFen() > 0) {
                out.println("loaded (R15): " + Yuan.format(o.loadedFen()));
            }
            out.println(o.message());
        }
        return o.kind().served() ? 0 : 1;
    }

    private static void line(PrintWriter out, String label, String value) {
        if (value != null) {
            out.println(label + value);
        }
    }
}
