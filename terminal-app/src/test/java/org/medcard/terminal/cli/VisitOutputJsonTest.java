package org.medcard.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.medcard.queue.Fault;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * The CLI contract of {@code medcard register --json} and {@code medcard outpatient … --json}: the same flat fields, in
 * the same order, whatever record the desk answered with — a figure the outcome does not have is {@code null}
 * ({@code balance_after_fen}: -1), the split only when one was priced. The exit code is 0 when the patient was served.
 */
class VisitOutputJsonTest {

    private static final SaleOutcome.CardContact CONTACT = new SaleOutcome.CardContact("1101010000000001", "110*********0001",
            "王建国", "110101197805211235", OptionalLong.of(120_000), List.of(), 0);

    private static String json(VisitOutcome o, String message, int exit) {
        StringWriter out = new StringWriter();
        assertEquals(exit, VisitOutput.print(new PrintWriter(out, true), o, message, true));
        return out.toString().strip();
    }

    @Test
    void settled_allItsFigures() {
        VisitOutcome o = new VisitOutcome.Settled("MDT1", new SaleOutcome.Settled(CONTACT, new SaleOutcome.Purchase(
                new PaymentPlan(5_000, 3_500, 1_500, 0), List.of(new SaleLine("REG-D01", 1, 5_000)), Optional.empty()),
                Optional.of(new SaleOutcome.CardDebit("S1", "1A2B3C4D", OptionalLong.of(188_500))), Optional.of("SETL1")), 70_000);

        assertEquals("{\"outcome\":\"SETTLED\",\"mdtrt_id\":\"MDT1\",\"total_fen\":5000,\"fund_pay_fen\":3500,\"acct_pay_fen\":1500,"
                + "\"cash_pay_fen\":0,\"tac\":\"1A2B3C4D\",\"setl_id\":\"SETL1\",\"balance_after_fen\":188500,\"no_pooling_rule\":null,"
                + "\"card_no\":\"110*********0001\",\"name\":\"王建国\",\"message_key\":\"sale.settled\",\"message\":\"paid\","
                + "\"loaded_fen\":70000,\"entry_no\":null}", json(o, "paid", 0));
    }

    @Test
    void registered_theForeseenSplitAndTheRule_noPaymentFigures() {
        VisitOutcome o = new VisitOutcome.Registered("MDT2", new VisitOutcome.CardHolder("110*********0001", "王建国"),
                new PaymentPlan(5_000, 0, 5_000, 0), Optional.of("R6"), 0);

        assertEquals("{\"outcome\":\"REGISTERED\",\"mdtrt_id\":\"MDT2\",\"total_fen\":5000,\"fund_pay_fen\":0,\"acct_pay_fen\":5000,"
                + "\"cash_pay_fen\":0,\"tac\":null,\"setl_id\":null,\"balance_after_fen\":-1,\"no_pooling_rule\":\"R6\","
                + "\"card_no\":\"110*********0001\",\"name\":\"王建国\",\"message_key\":\"registration.registered\",\"message\":\"m\","
                + "\"loaded_fen\":0,\"entry_no\":null}", json(o, "m", 0));
    }

    @Test
    void cashResettle_theEntry_theBalanceAsReadBeforeTheFault() {
        VisitOutcome o = new VisitOutcome.CashResettle("MDT3", false, new SaleOutcome.CashResettle(Optional.of(CONTACT),
                PaymentPlan.allCash(2_500), List.of(new SaleLine("XJ01CAA001", 2, 1_250)), "110101197805211235", "E7",
                Fault.CENTER_UNREACHABLE), 0);

        assertEquals("{\"outcome\":\"CASH_RESETTLE\",\"mdtrt_id\":\"MDT3\",\"total_fen\":2500,\"fund_pay_fen\":0,\"acct_pay_fen\":0,"
                + "\"cash_pay_fen\":2500,\"tac\":null,\"setl_id\":null,\"balance_after_fen\":120000,\"no_pooling_rule\":null,"
                + "\"card_no\":\"110*********0001\",\"name\":\"王建国\",\"message_key\":\"registration.cash_batch\",\"message\":\"m\","
                + "\"loaded_fen\":0,\"entry_no\":\"E7\"}", json(o, "m", 0));
    }

    @Test
    void refusedAndClosed_nullsWhereTheOutcomeHasNoFigure_refusedExitsOne() {
        VisitOutcome refused = new VisitOutcome.Refused(Optional.empty(), Optional.empty(), OptionalLong.empty(),
                "registration.unknown_department", List.of(), 0);
        assertEquals("{\"outcome\":\"REFUSED\",\"mdtrt_id\":null,\"tac\":null,\"setl_id\":null,\"balance_after_fen\":-1,"
                + "\"no_pooling_rule\":null,\"card_no\":null,\"name\":null,\"message_key\":\"registration.unknown_department\","
                + "\"message\":\"no\",\"loaded_fen\":0,\"entry_no\":null}", json(refused, "no", 1));

        assertEquals("{\"outcome\":\"CLOSED\",\"mdtrt_id\":\"MDT4\",\"tac\":null,\"setl_id\":null,\"balance_after_fen\":-1,"
                + "\"no_pooling_rule\":null,\"card_no\":null,\"name\":null,\"message_key\":\"registration.closed\","
                + "\"message\":\"closed\",\"loaded_fen\":0,\"entry_no\":null}", json(new VisitOutcome.Closed("MDT4"), "closed", 0));
    }
}
