package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.voids.ReversalOutcome;
import org.medcard.terminal.voids.VoidOutcome;

/**
 * The CLI contract of {@code medcard void --json} and {@code medcard reverse --json}: the same flat fields, in the same
 * order, whatever record the desk answered with — a figure the outcome does not have is 0 ({@code load_id}: null), as
 * before the outcome became one record per kind. The exit code is 0 only when voided (reversed).
 */
class VoidOutputJsonTest {

    private static String json(VoidOutcome o, String message, int exit) {
        StringWriter out = new StringWriter();
        assertEquals(exit, VoidOutput.print(new PrintWriter(out, true), o, message, true));
        return out.toString().strip();
    }

    private static String json(ReversalOutcome o, String message, int exit) {
        StringWriter out = new StringWriter();
        assertEquals(exit, VoidOutput.print(new PrintWriter(out, true), o, message, true));
        return out.toString().strip();
    }

    @Test
    void voided_allItsFigures_exit0() {
        assertEquals("{\"outcome\":\"VOIDED\",\"setl_id\":\"S1\",\"cash_back_fen\":457,\"acct_refund_fen\":1001,"
                + "\"fund_refund_fen\":3402,\"load_id\":\"L1\",\"message_key\":\"void.done\",\"message\":\"done\"}",
                json(new VoidOutcome.Voided("S1", 457, 1_001, 3_402, Optional.of("L1")), "done", 0));
        assertEquals("{\"outcome\":\"VOIDED\",\"setl_id\":\"S1\",\"cash_back_fen\":500,\"acct_refund_fen\":0,"
                + "\"fund_refund_fen\":0,\"load_id\":null,\"message_key\":\"void.done\",\"message\":\"done\"}",
                json(new VoidOutcome.Voided("S1", 500, 0, 0, Optional.empty()), "done", 0));
    }

    @Test
    void notVoided_zerosAndNullLoad_exit1() {
        assertEquals("{\"outcome\":\"REJECTED\",\"setl_id\":\"S1\",\"cash_back_fen\":0,\"acct_refund_fen\":0,"
                + "\"fund_refund_fen\":0,\"load_id\":null,\"message_key\":\"void.rejected\",\"message\":\"no\"}",
                json(new VoidOutcome.Rejected("S1", "infcode 2305: x"), "no", 1));
        assertEquals("{\"outcome\":\"PENDING\",\"setl_id\":\"S1\",\"cash_back_fen\":0,\"acct_refund_fen\":0,"
                + "\"fund_refund_fen\":0,\"load_id\":null,\"message_key\":\"void.pending\",\"message\":\"wait\"}",
                json(new VoidOutcome.Pending("S1"), "wait", 1));
        assertEquals("{\"outcome\":\"REFUSED\",\"setl_id\":\"S1\",\"cash_back_fen\":0,\"acct_refund_fen\":0,"
                + "\"fund_refund_fen\":0,\"load_id\":null,\"message_key\":\"void.supervisor_needed\",\"message\":\"sup\"}",
                json(new VoidOutcome.Refused("S1", VoidOutcome.Refused.Why.SUPERVISOR_NEEDED), "sup", 1));
    }

    @Test
    void reverse_theTwoMsgids_exit0OnlyWhenReversed() {
        assertEquals("{\"outcome\":\"REVERSED\",\"msgid\":\"M1\",\"reversal_msgid\":\"R1\",\"message_key\":\"reversal.reversed\","
                + "\"message\":\"ok\"}", json(new ReversalOutcome(ReversalOutcome.Kind.REVERSED, "M1", "R1"), "ok", 0));
        assertEquals("{\"outcome\":\"PENDING\",\"msgid\":\"M1\",\"reversal_msgid\":\"R1\",\"message_key\":\"reversal.pending\","
                + "\"message\":\"wait\"}", json(new ReversalOutcome(ReversalOutcome.Kind.PENDING, "M1", "R1"), "wait", 1));
    }
}
