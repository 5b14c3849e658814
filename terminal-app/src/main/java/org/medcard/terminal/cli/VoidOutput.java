package org.medcard.terminal.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.voids.ReversalOutcome;
import org.medcard.terminal.voids.VoidOutcome;

/**
 * Console output of {@code medcard void} and {@code medcard reverse}, text or JSON. The JSON contract is flat and the
 * same for every kind: the figures a void's outcome does not have are 0 ({@code load_id}: {@code null}), as before the
 * outcome became one record per kind.
 */
final class VoidOutput {
    private VoidOutput() {
    }

    /** Prints {@code o} with its {@code message} (the caller's {@code VoidTexts} line); returns the exit code. */
    static int print(PrintWriter out, VoidOutcome o, String message, boolean json) {
        VoidOutcome.Voided v = o instanceof VoidOutcome.Voided voided ? voided : null;
        if (json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode().put("outcome", o.kind().name()).put("setl_id", o.setlId())
                    .put("cash_back_fen", v == null ? 0 : v.cashBackFen()).put("acct_refund_fen", v == null ? 0 : v.accountFen())
                    .put("fund_refund_fen", v == null ? 0 : v.fundFen()).put("load_id", v == null ? null : v.loadId().orElse(null))
                    .put("message_key", o.messageKey()).put("message", message);
            TerminalCommands.printJson(out, n);
        } else {
            out.println("outcome:      " + o.kind());
            if (v != null) {
                out.println("cash back:    " + Yuan.format(v.cashBackFen()));
                out.println("to account:   " + Yuan.format(v.accountFen()) + " (pending load " + v.loadId().orElse("—") + ")");
            }
            out.println(message);
        }
        return v != null ? 0 : 1;
    }

    /** Prints a reversal's {@code o} with its {@code message}; returns the exit code (0 when reversed). */
    static int print(PrintWriter out, ReversalOutcome o, String message, boolean json) {
        if (json) {
            ObjectNode n = TerminalCommands.JSON.createObjectNode().put("outcome", o.kind().name()).put("msgid", o.msgid())
                    .put("reversal_msgid", o.reversalMsgid()).put("message_key", o.messageKey()).put("message", message);
            TerminalCommands.printJson(out, n);
        } else {
            out.println("outcome:      " + o.kind());
            out.println("reversal:     " + o.reversalMsgid());
            out.println(message);
        }
        return o.kind() == ReversalOutcome.Kind.REVERSED ? 0 : 1;
    }
}
