package org.medcard.terminal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.resettle.ResettleView;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Issue 14 at the hospital desk, with real parts (training reader and virtual card, embedded center on loopback,
 * SQLite files): a visit paid more than once on the same {@code mdtrt_id}, closed by the clerk or the day close; the
 * hospital fault path (cash → entry with 8400 → re-settled with the card through the pharmacy's ResettleDesk).
 */
class HospitalVisitsAndFaultsIT {
    private static final Map<String, String> HOSPITAL = Map.of("institution.kind", "HOSPITAL");
    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, category A
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();
    private static final String EMPLOYEE_ID = "110101197805211235"; // normal-3des

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:15:00Z"), ZoneId.of("Asia/Shanghai"));
    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private RegistrationDesk desk() {
        terminal = new Terminal(TrainingTerminals.config(dir, HOSPITAL), clock, new Terminal.Options(false, false, "clerk01"));
        return terminal.registrationDesk(DepartmentCatalog.bundled());
    }

    private SimulatorTrainingReader reader() {
        return (SimulatorTrainingReader) terminal.devices().training().orElseThrow();
    }

    private SimulatedSlot slot() {
        return reader().reader().slot(0);
    }

    /** The clerk's line for {@code o}, as the front ends word it. */
    private String line(VisitOutcome o) {
        return terminal.visitTexts().line(o);
    }

    private <T extends VisitOutcome> T expect(Class<T> variant, VisitOutcome o) {
        return assertInstanceOf(variant, o, () -> o.kind() + ": " + line(o));
    }

    private static List<SaleItem> amoxicillin(int qty) {
        return List.of(SaleItem.parse(AMOXICILLIN + ":" + qty));
    }

    @Test
    void visitPaidMoreThanOnce_feeAtRegistration_thenEachBatchOfItems_onTheSameMdtrtId() throws Exception {
        RegistrationDesk desk = desk();
        VirtualMedicalCard card = reader().presentCard("normal-3des");
        VisitOutcome.Settled fee = expect(VisitOutcome.Settled.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));
        long afterFee = card.state().balance();

        VisitOutcome.Settled first = expect(VisitOutcome.Settled.class, desk.settle(fee.mdtrtId(), amoxicillin(2), RIGHT_PIN, "clerk01"));

        assertEquals(fee.mdtrtId(), first.mdtrtId());
        assertEquals(2_500, first.split().totalFen(), "the fee was paid at registration: the batch is the items only");
        assertEquals(1_750, first.split().fundFen());
        assertEquals(750, first.split().accountFen());
        VisitOutcome.Settled second = expect(VisitOutcome.Settled.class, desk.settle(fee.mdtrtId(), amoxicillin(1), RIGHT_PIN, "clerk01"));
        assertEquals(1_250, second.split().totalFen());
        assertEquals(afterFee - 750 - 375, card.state().balance());
        assertEquals(afterFee - 750 - 375, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()), "center agrees to the fen");
        assertEquals("registration.nothing_to_pay", desk.settle(fee.mdtrtId(), List.of(), RIGHT_PIN, "clerk01").messageKey());

        VisitOutcome.Closed closed = expect(VisitOutcome.Closed.class, desk.close(fee.mdtrtId()));
        assertEquals(fee.mdtrtId(), closed.mdtrtId());
        assertEquals("就诊 " + fee.mdtrtId() + " 已关闭，不再收费。", line(closed), "the training terminal speaks Chinese");
        VisitOutcome afterClose = desk.settle(fee.mdtrtId(), amoxicillin(1), RIGHT_PIN, "clerk01");
        assertEquals("registration.visit_not_open", afterClose.messageKey(), "the clerk closed it");
        assertEquals(afterFee - 750 - 375, card.state().balance(), "nothing debited after the close");
    }

    @Test
    void visitSettledLaterWithItsItems_thenAnotherBatch_theFeeOnlyOnce() throws Exception {
        RegistrationDesk desk = desk();
        reader().presentCard("normal-3des");
        String reg = desk.register("D01", Optional.empty(), false, RIGHT_PIN, "clerk01").visit().orElseThrow();

        VisitOutcome.Settled first = expect(VisitOutcome.Settled.class, desk.settle(reg, amoxicillin(2), RIGHT_PIN, "clerk01"));
        VisitOutcome.Settled second = expect(VisitOutcome.Settled.class, desk.settle(reg, amoxicillin(2), RIGHT_PIN, "clerk01"));

        assertEquals(7_500, first.split().totalFen(), "the first batch carries the fee");
        assertEquals(2_500, second.split().totalFen(), "the second does not");
    }

    @Test
    void theDayCloseClosesTheDaysVisits_andAVisitOfAnEarlierDayIsClosed() throws Exception {
        RegistrationDesk desk = desk();
        reader().presentCard("normal-3des");
        VisitOutcome closedByDayClose = desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01");
        VisitOutcome left = desk.register("D02", Optional.empty(), true, RIGHT_PIN, "clerk01");
        assertEquals(2, desk.closeDay(LocalDate.of(2026, 11, 23)));
        assertEquals("registration.visit_not_open", desk.settle(closedByDayClose.visit().orElseThrow(), amoxicillin(1), RIGHT_PIN,
                "clerk01").messageKey());

        VisitOutcome another = desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01");
        clock.advance(Duration.ofDays(1));
        VisitOutcome nextDay = desk.settle(another.visit().orElseThrow(), amoxicillin(1), RIGHT_PIN, "clerk01");

        assertEquals("registration.visit_day_over", nextDay.messageKey(), line(nextDay));
        assertEquals(VisitOutcome.Kind.SETTLED, left.kind());
    }

    @Test
    void R11_readerFault_feeAndABatchPaidInCash_entriesRegistered_thenReSettledWithTheCard_refundShown() throws Exception {
        RegistrationDesk desk = desk();
        VirtualMedicalCard card = reader().presentCard("normal-3des");
        slot().setUnplugged(true);

        VisitOutcome.Refused noId = expect(VisitOutcome.Refused.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));
        assertEquals("sale.id_number_needed", noId.messageKey(), "the clerk is asked for the ID number; nothing recorded");
        assertEquals(List.of(org.medcard.queue.Fault.NO_READER), noId.messageArgs(), "the fault, worded by the caller");
        assertEquals(java.util.Optional.of(org.medcard.terminal.sale.PaymentPlan.allCash(5_000)), noId.plan(), "the cash split asked at");
        VisitOutcome wrongDigit = desk.register("D01", Optional.empty(), PaidFor.cardholder(), true, RIGHT_PIN, "clerk01", Optional.of(EMPLOYEE_ID.substring(0, 17) + "9"));
        assertEquals("sale.id_check_digit", wrongDigit.messageKey(), line(wrongDigit));
        assertTrue(line(wrongDigit).contains("5"), "says which check digit: " + line(wrongDigit));
        assertEquals(List.of(), terminal.queue().resettlements(ResettlementState.OPEN));

        VisitOutcome.CashResettle fee = expect(VisitOutcome.CashResettle.class,
                desk.register("D01", Optional.empty(), PaidFor.cardholder(), true, RIGHT_PIN, "clerk01", Optional.of(EMPLOYEE_ID)));

        assertTrue(fee.served(), "the patient goes to the doctor");
        assertEquals(5_000, fee.cashFen());
        assertEquals(java.util.Optional.of(org.medcard.terminal.sale.PaymentPlan.allCash(5_000)), fee.plan());
        assertNotNull(fee.entryNo());
        assertEquals(RegistrationDesk.CASH_VISIT + fee.entryNo(), fee.mdtrtId(), "a local visit named after its entry");
        assertTrue(fee.atRegistration());
        assertEquals("registration.cash_registered", fee.messageKey());
        assertTrue(line(fee).contains(fee.entryNo()) && !line(fee).contains("NO_READER"), "the fault by its name: " + line(fee));
        assertEquals(java.util.Optional.empty(), fee.card(), "the reader was unplugged: no card read");
        CashReceipt slip = assertInstanceOf(CashReceipt.class, new VisitDocuments(terminal.saleDocuments()).settlement(fee, "clerk01").orElseThrow());
        assertEquals(fee.entryNo(), slip.entryNo());
        assertEquals(LocalDate.of(2027, 2, 21), slip.resettleBy(), "90 days after the fault");
        VisitOutcome.CashResettle batch = expect(VisitOutcome.CashResettle.class,
                desk.settle(fee.mdtrtId(), amoxicillin(2), RIGHT_PIN, "clerk01", Optional.of(EMPLOYEE_ID)));
        assertEquals(2_500, batch.cashFen(), "the fee was paid: the batch is the items only");
        assertFalse(batch.atRegistration());
        assertEquals("registration.cash_batch", batch.messageKey());

        slot().setUnplugged(false);
        VisitOutcome cashVisit = desk.settle(fee.mdtrtId(), amoxicillin(1), RIGHT_PIN, "clerk01", Optional.of(EMPLOYEE_ID));
        assertEquals("registration.cash_visit", cashVisit.messageKey(), "the center has no visit to settle once the fault is over");

        ResettleDesk resettle = terminal.resettleDesk();
        clock.advance(Duration.ofDays(2));
        assertEquals(2, resettle.registerOpenEntries(), "both entries registered with the center (8400)");
        long before = reader().presentCard("normal-3des").state().balance();
        ResettleView feeBack = ResettleView.of(terminal, resettle.settle(fee.entryNo(), "clerk01", RIGHT_PIN, OptionalLong.empty()));
        assertEquals(ResettleOutcome.Kind.SETTLED, feeBack.kind(), feeBack.message());
        assertEquals(feeBack.fundFen() + feeBack.accountFen(), feeBack.refundFen());
        assertEquals(5_000, feeBack.refundFen(), "the insured shares of the fee are handed back");
        assertTrue(feeBack.message().contains("50.00"), feeBack.message());
        ResettleView itemsBack = ResettleView.of(terminal, resettle.settle(batch.entryNo(), "clerk01", RIGHT_PIN, OptionalLong.empty()));
        assertEquals(ResettleOutcome.Kind.SETTLED, itemsBack.kind(), itemsBack.message());
        assertEquals(ResettlementState.SETTLED, terminal.queue().resettlement(fee.entryNo()).orElseThrow().state());
        long debited = feeBack.accountFen() + itemsBack.accountFen();
        assertEquals(before - debited, reader().presentCard("normal-3des").state().balance(), "the card paid the account shares once");
        assertEquals(before - debited, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void R11_hospitalCashEntries_areReSettledAtOutpatientPrices_thePoolingShareQuotedBeforeAnyDebit() throws Exception {
        RegistrationDesk desk = desk();
        VirtualMedicalCard card = reader().presentCard("normal-3des"); // an EMPLOYEE: 70 % pooled at outpatient rules
        slot().setUnplugged(true);
        VisitOutcome.CashResettle fee = expect(VisitOutcome.CashResettle.class,
                desk.register("D01", Optional.empty(), PaidFor.cardholder(), true, RIGHT_PIN, "clerk01", Optional.of(EMPLOYEE_ID)));
        VisitOutcome.CashResettle batch = expect(VisitOutcome.CashResettle.class,
                desk.settle(fee.mdtrtId(), amoxicillin(2), RIGHT_PIN, "clerk01", Optional.of(EMPLOYEE_ID)));
        slot().setUnplugged(false);
        assertEquals(org.medcard.queue.EntryKind.OUTPATIENT, terminal.queue().resettlement(fee.entryNo()).orElseThrow().kind());
        assertEquals(org.medcard.queue.EntryKind.OUTPATIENT, terminal.queue().resettlement(batch.entryNo()).orElseThrow().kind());
        assertTrue(terminal.queue().messages(org.medcard.queue.OutboxState.PENDING).stream().filter(m -> "8400".equals(m.transaction()))
                .allMatch(m -> m.inputJson().contains("\"kind\":\"OUTPATIENT\"")), "8400 registers the entries as outpatient");

        ResettleDesk resettle = terminal.resettleDesk();
        clock.advance(Duration.ofDays(1));
        assertEquals(2, resettle.registerOpenEntries());
        long before = reader().presentCard("normal-3des").state().balance();
        ResettleView feeBack = ResettleView.of(terminal, resettle.settle(fee.entryNo(), "clerk01", RIGHT_PIN, OptionalLong.empty()));
        ResettleView itemsBack = ResettleView.of(terminal, resettle.settle(batch.entryNo(), "clerk01", RIGHT_PIN, OptionalLong.empty()));

        assertEquals(ResettleOutcome.Kind.SETTLED, feeBack.kind(), feeBack.message());
        assertEquals(3_500, feeBack.fundFen(), "the registration fee pooled at 70 % as at an outpatient visit (a pharmacy pools none)");
        assertEquals(1_500, feeBack.accountFen(), "the account pays only the rest of the insured share");
        assertEquals(5_000, feeBack.refundFen());
        assertEquals(ResettleOutcome.Kind.SETTLED, itemsBack.kind(), itemsBack.message());
        assertEquals(1_750, itemsBack.fundFen(), "category-A items pooled at 70 % at outpatient rules (a pharmacy pools none)");
        assertEquals(750, itemsBack.accountFen());
        assertEquals(2_500, itemsBack.refundFen());
        assertEquals(before - 2_250, reader().presentCard("normal-3des").state().balance(), "the card paid 15.00 + 7.50, once each");
        assertEquals(before - 2_250, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
        assertTrue(terminal.queue().messages(org.medcard.queue.OutboxState.DONE).stream().filter(m -> "8401".equals(m.transaction()))
                .allMatch(m -> m.inputJson().contains("\"kind\":\"OUTPATIENT\"")), "8401 re-settles them as outpatient");
    }

    @Test
    void R11_centerDown_aBatchOfARegisteredVisitIsPaidInCash_withItsUnpaidFee() throws Exception {
        RegistrationDesk desk = desk();
        reader().presentCard("normal-3des");
        String reg = desk.register("D01", Optional.empty(), false, RIGHT_PIN, "clerk01").visit().orElseThrow();
        org.medcard.terminal.training.SimulatedCenter.of(terminal.embeddedCenter().orElseThrow())
                .inject(org.medcard.simulator.center.fault.Fault.always(org.medcard.simulator.center.fault.FaultKind.DOWN));

        VisitOutcome.CashResettle batch = expect(VisitOutcome.CashResettle.class,
                desk.settle(reg, amoxicillin(2), RIGHT_PIN, "clerk01", Optional.of(EMPLOYEE_ID)));

        assertEquals(7_500, batch.cashFen(), "fee 50.00 + 2 × 12.50, all in cash");
        assertEquals(reg, batch.mdtrtId());
        assertTrue(batch.card().orElseThrow().cardNoMasked().contains("*"), "the card was read before the center failed");
        assertEquals("CENTER_UNREACHABLE", terminal.queue().resettlement(batch.entryNo()).orElseThrow().fault().name());
    }

    /** A clock the test moves forward. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        MutableClock(Instant start, ZoneId zone) {
            this.now = start;
            this.zone = zone;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
