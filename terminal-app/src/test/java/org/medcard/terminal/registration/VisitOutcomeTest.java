package org.medcard.terminal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.medcard.queue.Fault;
import org.medcard.terminal.center.SaleLine;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.Letterhead;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.SaleDocuments;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleTexts;
import org.medcard.terminal.text.Texts;

/**
 * Each kind of visit outcome carries its own figures and nothing else, and the caller words it ({@link VisitTexts}) and
 * makes its paper ({@link VisitDocuments}). Plain values: no card, no SQLite, no center; the core's English bundle.
 */
class VisitOutcomeTest {

    private static final String VISIT = "MDT2026112300000001";
    private static final SaleOutcome.CardContact CONTACT = new SaleOutcome.CardContact("1101010000000001", "110*********0001",
            "王建国", "110101197805211235", OptionalLong.of(120_000), List.of(), 0);
    /** Fee 50.00 + 2 × 12.50: the fund pays 52.50, the account 22.50. */
    private static final PaymentPlan SPLIT = new PaymentPlan(7_500, 5_250, 2_250, 0);
    private static final SaleOutcome.Purchase PURCHASE = new SaleOutcome.Purchase(SPLIT,
            List.of(new SaleLine("REG-D01", 1, 5_000), new SaleLine("XJ01CAA001", 2, 1_250)), Optional.empty());
    private static final SaleOutcome.CardDebit DEBIT = new SaleOutcome.CardDebit("S1", "1A2B3C4D", OptionalLong.of(117_750));

    private final Texts en = Texts.messages(Locale.ENGLISH);
    private final VisitTexts words = new VisitTexts(new SaleTexts(en::text, en::faultName, en::centerSays), en::text, en::faultName);
    private final VisitDocuments documents = new VisitDocuments(new SaleDocuments(new Letterhead("H110101", "第一医院", "T01", false,
            Clock.fixed(Instant.parse("2026-11-23T02:15:00Z"), ZoneId.of("Asia/Shanghai"))), code -> Optional.of("item " + code), 90,
            en::faultName));

    @Test
    void registered_theFeesForeseenSplit_theNoPoolingRule_theLoads_noPaper() {
        VisitOutcome o = new VisitOutcome.Registered(VISIT, new VisitOutcome.CardHolder("110*********0001", "王建国"),
                new PaymentPlan(5_000, 0, 5_000, 0), Optional.of("R6"), 70_000);

        VisitOutcome.Registered r = assertInstanceOf(VisitOutcome.Registered.class, o);
        assertEquals(VisitOutcome.Kind.REGISTERED, o.kind());
        assertTrue(o.served());
        assertEquals(Optional.of(VISIT), o.visit());
        assertEquals(Optional.of(new PaymentPlan(5_000, 0, 5_000, 0)), o.plan());
        assertEquals(Optional.of("R6"), r.noPoolingRule());
        assertEquals(70_000, o.loadedFen());
        assertEquals("王建国", o.card().orElseThrow().name());
        assertEquals("Registered: visit " + VISIT + ". The fee is settled with the visit.", words.line(o));
        assertEquals(Optional.empty(), documents.settlement(o, "clerk01"), "nothing paid yet");
        assertEquals(Optional.empty(), documents.registration(o, "内科", Optional.of("王医生"), "clerk01"));
    }

    @Test
    void settled_theSplitTheTacTheBalanceAndTheSetlId_fromTheCardPayment() {
        VisitOutcome o = new VisitOutcome.Settled(VISIT, new SaleOutcome.Settled(CONTACT, PURCHASE, Optional.of(DEBIT),
                Optional.of("SETL2026112300000007")), 0);

        VisitOutcome.Settled s = assertInstanceOf(VisitOutcome.Settled.class, o);
        assertEquals(VisitOutcome.Kind.SETTLED, o.kind());
        assertTrue(o.served());
        assertEquals(SPLIT, s.split());
        assertEquals(Optional.of(SPLIT), o.plan());
        assertEquals(Optional.of("1A2B3C4D"), s.tac());
        assertEquals(OptionalLong.of(117_750), s.balanceAfterFen());
        assertEquals(Optional.of("SETL2026112300000007"), s.setlId());
        assertEquals(new VisitOutcome.CardHolder("110*********0001", "王建国"), o.card().orElseThrow());
        assertEquals(0, o.loadedFen());
        assertEquals("Paid and settled with the center.", words.line(o));

        SaleReceipt receipt = assertInstanceOf(SaleReceipt.class, documents.settlement(o, "clerk01").orElseThrow());
        assertEquals("SETL2026112300000007", receipt.setlId());
        RegistrationSlip slip = assertInstanceOf(RegistrationSlip.class,
                documents.registration(o, "内科", Optional.of("王医生"), "clerk01").orElseThrow());
        assertEquals(VISIT, slip.mdtrtId());
        assertEquals("内科", slip.department());
    }

    @Test
    void settlementPending_andRejected_andInterrupted_carryThePaymentsOwnFigures_noPaperYet() {
        VisitOutcome pending = new VisitOutcome.SettlementPending(VISIT, new SaleOutcome.SettlementPending(CONTACT, PURCHASE,
                Optional.of(DEBIT), false), 0);
        VisitOutcome rejected = new VisitOutcome.SettlementRejected(VISIT, new SaleOutcome.SettlementRejected(CONTACT, PURCHASE,
                Optional.of(DEBIT), "infcode 2005: visit already settled"), 0);
        VisitOutcome torn = new VisitOutcome.Interrupted(VISIT, new SaleOutcome.Interrupted(CONTACT, PURCHASE, "S1",
                Optional.empty()), 0);

        assertEquals(VisitOutcome.Kind.SETTLEMENT_PENDING, pending.kind());
        assertTrue(pending.served(), "the card paid; the outbox finishes the settle");
        assertEquals(Optional.of("1A2B3C4D"), assertInstanceOf(VisitOutcome.CardPayment.class, pending).tac());
        assertEquals(OptionalLong.of(117_750), ((VisitOutcome.CardPayment) pending).balanceAfterFen());
        assertEquals(words.line(pending), en.text("sale.settlement_pending"));

        assertEquals(VisitOutcome.Kind.SETTLEMENT_REJECTED, rejected.kind());
        assertFalse(rejected.served());
        assertEquals(List.of("infcode 2005: visit already settled"), rejected.messageArgs());
        assertTrue(words.line(rejected).contains("the center said \"visit already settled\" (code 2005)"),
                "the center's reason framed by our sentence, as the pharmacy words it: " + words.line(rejected));

        VisitOutcome.Interrupted i = assertInstanceOf(VisitOutcome.Interrupted.class, torn);
        assertFalse(torn.served());
        assertEquals(SPLIT, i.split());
        assertEquals(Optional.empty(), i.tac(), "the card left during DEBIT: no proof");
        assertEquals(OptionalLong.empty(), i.balanceAfterFen(), "unknown until the card is presented again");
        assertEquals("sale.interrupted", torn.messageKey());

        for (VisitOutcome o : List.of(pending, rejected, torn)) {
            assertEquals(Optional.of(VISIT), o.visit());
            assertEquals(Optional.empty(), documents.settlement(o, "clerk01"), o.kind() + ": paper once the center has answered");
            assertEquals(Optional.empty(), documents.registration(o, "内科", Optional.empty(), "clerk01"), o.kind().name());
        }
    }

    @Test
    void R11_cashResettle_theEntryTheCashAndTheFaultByName_itsCashReceipt() {
        SaleOutcome.CashResettle cash = new SaleOutcome.CashResettle(Optional.empty(), PaymentPlan.allCash(5_000),
                List.of(new SaleLine("REG-D01", 1, 5_000)), "110101197805211235", "E202611230001", Fault.NO_READER);
        VisitOutcome fee = new VisitOutcome.CashResettle("CASH-E202611230001", true, cash, 0);
        VisitOutcome batch = new VisitOutcome.CashResettle(VISIT, false, cash, 70_000);

        VisitOutcome.CashResettle c = assertInstanceOf(VisitOutcome.CashResettle.class, fee);
        assertEquals(VisitOutcome.Kind.CASH_RESETTLE, fee.kind());
        assertTrue(fee.served(), "the patient goes to the doctor");
        assertEquals("E202611230001", c.entryNo());
        assertEquals(5_000, c.cashFen());
        assertEquals(Optional.of(PaymentPlan.allCash(5_000)), fee.plan());
        assertEquals(Optional.empty(), fee.card(), "no card could be read");
        assertEquals(List.of("CASH-E202611230001", "E202611230001", Fault.NO_READER), fee.messageArgs());
        assertEquals("Registration fee paid in cash during the fault (card reader not connected): visit CASH-E202611230001,"
                + " re-settlement entry E202611230001. The patient comes back with the card to be refunded the insured shares (R11).",
                words.line(fee));
        assertEquals("registration.cash_batch", batch.messageKey());
        assertEquals(70_000, batch.loadedFen());

        CashReceipt receipt = assertInstanceOf(CashReceipt.class, documents.registration(fee, "内科", Optional.empty(), "clerk01").orElseThrow(),
                "a fee paid in cash gets the cash receipt, not the slip");
        assertEquals("E202611230001", receipt.entryNo());
        assertEquals(5_000, receipt.cashPaid());
        assertEquals(receipt, documents.settlement(batch, "clerk01").orElseThrow());
    }

    @Test
    void cancelledAndClosed_onlyTheVisit() {
        VisitOutcome cancelled = new VisitOutcome.Cancelled(VISIT);
        VisitOutcome closed = new VisitOutcome.Closed(VISIT);

        assertEquals(VisitOutcome.Kind.CANCELLED, cancelled.kind());
        assertEquals(VisitOutcome.Kind.CLOSED, closed.kind());
        for (VisitOutcome o : List.of(cancelled, closed)) {
            assertTrue(o.served());
            assertEquals(Optional.of(VISIT), o.visit());
            assertEquals(Optional.empty(), o.card());
            assertEquals(Optional.empty(), o.plan());
            assertEquals(0, o.loadedFen());
            assertEquals(Optional.empty(), documents.settlement(o, "clerk01"));
        }
        assertEquals("Visit " + VISIT + " cancelled.", words.line(cancelled));
        assertEquals("Visit " + VISIT + " closed: it takes no further payment.", words.line(closed));
    }

    @Test
    void refused_theKeyItsArgumentsTheCardAndTheCashSplitAskedAt_noVisit() {
        VisitOutcome frozen = new VisitOutcome.Refused(Optional.of(new VisitOutcome.CardHolder("110*********0001", "王建国")),
                Optional.empty(), OptionalLong.empty(), "status.frozen", List.of(), 70_000);
        VisitOutcome askId = new VisitOutcome.Refused(Optional.empty(), Optional.of(PaymentPlan.allCash(5_000)), OptionalLong.empty(),
                "sale.id_number_needed", List.of(Fault.NO_READER), 0);
        VisitOutcome pin = new VisitOutcome.Refused(Optional.of(new VisitOutcome.CardHolder("110*********0001", "王建国")),
                Optional.empty(), OptionalLong.of(120_000), "sale.pin_wrong", List.of(2), 0);

        for (VisitOutcome o : List.of(frozen, askId, pin)) {
            assertEquals(VisitOutcome.Kind.REFUSED, o.kind());
            assertFalse(o.served());
            assertEquals(Optional.empty(), o.visit());
            assertEquals(Optional.empty(), documents.settlement(o, "clerk01"));
        }
        assertTrue(words.line(frozen).endsWith("(R5)."), words.line(frozen));
        assertEquals(70_000, frozen.loadedFen(), "the loads stay on the card and are told");
        assertEquals(Optional.of(PaymentPlan.allCash(5_000)), askId.plan());
        assertEquals("Pay in cash during the fault (card reader not connected): type the patient ID number from the ID card to"
                + " record the re-settlement entry (R11).", words.line(askId));
        assertEquals(OptionalLong.of(120_000), ((VisitOutcome.Refused) pin).balanceAfterFen(), "as the debit step read it");
        assertEquals("Wrong PIN: 2 tries left. Nothing was debited (R10).", words.line(pin));
    }

    @Test
    void aVisitOutcomeWithoutItsFiguresCannotBeMade() {
        assertThrows(NullPointerException.class, () -> new VisitOutcome.Settled(null, null, 0));
        assertThrows(NullPointerException.class, () -> new VisitOutcome.Registered(VISIT, null, null, Optional.empty(), 0));
        assertThrows(NullPointerException.class, () -> new VisitOutcome.Refused(Optional.empty(), Optional.empty(), OptionalLong.empty(),
                null, List.of(), 0));
    }
}
