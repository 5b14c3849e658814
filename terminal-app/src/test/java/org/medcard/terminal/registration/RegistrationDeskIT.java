package org.medcard.terminal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OutboxState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.load.LoadJournal;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.PaidFor;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * The hospital registration desk end to end with real parts: the training reader with a virtual card and the
 * virtual PSAM, the embedded center over loopback HTTP, terminal.db and queue.db as SQLite files in a temp
 * folder, a fixed clock (Monday 2026-11-23). Department D01 (内科) charges 50.00 yuan, category A.
 */
class RegistrationDeskIT {

    private static final Map<String, String> HOSPITAL = Map.of("institution.kind", "HOSPITAL");
    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, category A
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();
    /** normal-3des: two pending monthly contributions of 350.00 (R15), loaded when the desk first opens the card. */
    private static final long LOADS = 70_000;
    /** employee-family's spouse, a bound family member (R3). */
    private static final String SPOUSE = "11000000000000000201";

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private RegistrationDesk desk(Map<String, String> overrides) {
        terminal = TrainingTerminals.open(dir, overrides);
        return terminal.registrationDesk(DepartmentCatalog.bundled());
    }

    private VirtualMedicalCard present(String profile) throws Exception {
        return ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard(profile);
    }

    /** The clerk's line for {@code o}, as the front ends word it. */
    private String line(VisitOutcome o) {
        return terminal.visitTexts().line(o);
    }

    private <T extends VisitOutcome> T expect(Class<T> variant, VisitOutcome o) {
        return assertInstanceOf(variant, o, () -> o.kind() + ": " + line(o));
    }

    @Test
    void registrationWithTheFeeSettledAtOnce_poolingPaysSeventyPercent_cardAndCenterAgreeToTheFen() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        VisitOutcome.Settled o = expect(VisitOutcome.Settled.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));

        assertEquals(VisitOutcome.Kind.SETTLED, o.kind());
        assertTrue(o.mdtrtId().startsWith("MDT"), o.mdtrtId());
        assertEquals(java.util.Optional.of(o.mdtrtId()), o.visit());
        assertEquals(new PaymentPlan(5_000, 3_500, 1_500, 0), o.split(), "employee, category A fee at an outpatient visit: 70 %");
        assertEquals(java.util.Optional.of(o.split()), o.plan());
        assertTrue(o.setlId().orElseThrow().startsWith("SETL20261123"), o.setlId().toString());
        assertTrue(o.tac().orElseThrow().matches("[0-9A-F]{8}"), o.tac().toString());
        assertEquals(LOADS, o.loadedFen(), "R15: the pending monthly money went on first");
        assertEquals(before + LOADS - 1_500, card.state().balance());
        assertEquals(before + LOADS - 1_500, o.balanceAfterFen().getAsLong());
        assertEquals(card.profile().cardNo().substring(0, 3), o.card().orElseThrow().cardNoMasked().substring(0, 3));
        assertTrue(o.card().orElseThrow().cardNoMasked().contains("*"), "masked: " + o.card());
        assertEquals(card.profile().psnName(), o.card().orElseThrow().name());
        assertEquals("sale.settled", o.messageKey());
        assertEquals("已支付，并已与医保中心结算。", line(o), "the sale's own words for a card payment");
        assertEquals(before + LOADS - 1_500, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()), "center agrees to the fen");
        assertEquals(0, terminal.queue().summary().unfinishedSales());

        VisitOutcome.Refused again = expect(VisitOutcome.Refused.class, desk.settle(o.mdtrtId(), List.of(), RIGHT_PIN, "clerk01"));
        assertEquals("registration.nothing_to_pay", again.messageKey(), "the fee is paid once; a further batch needs items");
        assertEquals(java.util.Optional.empty(), again.visit());
        assertEquals(java.util.Optional.empty(), again.card(), "refused before the card was read");
        assertEquals(java.util.Optional.empty(), again.plan());
        assertTrue(again.balanceAfterFen().isEmpty());
    }

    @Test
    void registerThenOutpatientSettlement_feeAndItemsSettledOnceIn2207() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        VisitOutcome.Registered reg = expect(VisitOutcome.Registered.class, desk.register("D01", Optional.of("D01-002"), false, RIGHT_PIN, "clerk01"));
        assertEquals(new PaymentPlan(5_000, 3_500, 1_500, 0), reg.foreseen(), "2201's foreseen split of the fee");
        assertEquals(java.util.Optional.empty(), reg.noPoolingRule(), "an employee's fee is pooled");
        assertEquals(LOADS, reg.loadedFen());
        assertEquals(card.profile().psnName(), reg.holder().name());
        assertEquals("挂号成功：就诊号 " + reg.mdtrtId() + "。挂号费随本次就诊结算。", line(reg), "the training terminal speaks Chinese");
        assertEquals(before + LOADS, card.state().balance(), "registering alone debits nothing (the R15 loads went on)");

        VisitOutcome.Settled o = expect(VisitOutcome.Settled.class,
                desk.settle(reg.mdtrtId(), List.of(SaleItem.parse(AMOXICILLIN + ":2")), RIGHT_PIN, "clerk01"));

        assertEquals(reg.mdtrtId(), o.mdtrtId());
        assertEquals(new PaymentPlan(7_500, 5_250, 2_250, 0), o.split(), "fee 50.00 + 2 × 12.50");
        assertEquals(0, o.loadedFen(), "loaded once, at registration");
        assertEquals(before + LOADS - 2_250, card.state().balance());
        assertEquals(before + LOADS - 2_250, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void cancellation_ofAnUnsettledVisit_thenItCannotBeSettled() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("normal-3des");
        VisitOutcome.Registered reg = expect(VisitOutcome.Registered.class, desk.register("D02", Optional.empty(), false, RIGHT_PIN, "clerk01"));

        VisitOutcome.Cancelled cancelled = expect(VisitOutcome.Cancelled.class, desk.cancel(reg.mdtrtId()));
        assertEquals(reg.mdtrtId(), cancelled.mdtrtId());
        assertEquals("就诊 " + reg.mdtrtId() + " 已退号。", line(cancelled));
        assertEquals(0, cancelled.loadedFen());
        assertEquals(java.util.Optional.empty(), cancelled.plan());

        assertEquals("registration.visit_not_open", desk.settle(reg.mdtrtId(), List.of(), RIGHT_PIN, "clerk01").messageKey());
        VisitOutcome twice = desk.cancel(reg.mdtrtId());
        assertEquals(VisitOutcome.Kind.REFUSED, twice.kind());
        assertEquals("registration.center_refused", twice.messageKey(), "the center knows it is cancelled");
        assertEquals(card.profile().balance() + LOADS, card.state().balance(), "nothing paid; only the R15 loads");
    }

    @Test
    void R4_suspendedCardGetsNoPoolingAfterTheMonth() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("suspended"); // premiums stopped 2026-10-15; today 2026-11-23
        VisitOutcome.Settled o = expect(VisitOutcome.Settled.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));
        assertEquals(0, o.split().fundFen(), "from 1 November the pooling fund pays nothing");
        assertEquals(5_000, o.split().accountFen(), "the personal account still pays");
        assertEquals(card.profile().balance() - 5_000, card.state().balance());
        assertEquals(card.profile().balance() - 5_000, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void R4_suspendedCardStillGetsPoolingWithinTheMonthOfTheInterruption() throws Exception {
        Clock october = Clock.fixed(Instant.parse("2026-10-20T02:15:00Z"), ZoneId.of("Asia/Shanghai"));
        terminal = new Terminal(TrainingTerminals.config(dir, HOSPITAL), october, new Terminal.Options(false, false, "clerk01"));
        RegistrationDesk desk = terminal.registrationDesk(DepartmentCatalog.bundled());
        present("suspended");
        VisitOutcome.Settled o = expect(VisitOutcome.Settled.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));
        assertEquals(3_500, o.split().fundFen(), "still October, the month of the interruption");
    }

    @Test
    void R6_waitingPeriodMeansNoPooling() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("recently-insured"); // insured since 2026-08-01: pooling from 2027-02-01
        VisitOutcome.Registered reg = expect(VisitOutcome.Registered.class, desk.register("D01", Optional.empty(), false, RIGHT_PIN, "clerk01"));
        assertEquals(0, reg.foreseen().fundFen());
        assertEquals(java.util.Optional.of("R6"), reg.noPoolingRule());

        VisitOutcome.Settled o = expect(VisitOutcome.Settled.class,
                desk.settle(reg.mdtrtId(), List.of(SaleItem.parse(AMOXICILLIN + ":1")), RIGHT_PIN, "clerk01"));
        assertEquals(6_250, o.split().totalFen());
        assertEquals(0, o.split().fundFen());
        assertEquals(6_250, o.split().accountFen() + o.split().cashFen());
        assertEquals(card.profile().balance() - o.split().accountFen(), card.state().balance());
        assertEquals(card.state().balance(), TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()));
    }

    @Test
    void R12_crossRegionUnfiledCardGetsNoPooling_filedCardIsPooledLikeALocalOne() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard unfiled = present("out-of-region-unfiled");
        VisitOutcome.Settled o = expect(VisitOutcome.Settled.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));
        assertEquals(0, o.split().fundFen(), "no cross-region filing: account and cash only");
        assertEquals(unfiled.profile().balance() - o.split().accountFen(), unfiled.state().balance());
        // issue 15: the visit's receipt says why the fund paid 0, as the desk's split does
        var paper = (org.medcard.terminal.receipt.SaleReceipt) terminal.visitDocuments().settlement(o, "clerk01").orElseThrow();
        assertEquals(new org.medcard.terminal.receipt.FundNote("R12", null), paper.fundNote());
        var slip = (org.medcard.terminal.receipt.RegistrationSlip) terminal.visitDocuments().registration(o, "内科", Optional.empty(), "clerk01")
                .orElseThrow();
        assertEquals(paper.fundNote(), slip.fundNote(), "the registration slip says it too");
        assertTrue(slip.toSheet().plainText().contains("(R12)."), slip.toSheet().plainText());

        present("out-of-region");
        VisitOutcome.Settled filed = expect(VisitOutcome.Settled.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));
        assertEquals(3_500, filed.split().fundFen());
    }

    @Test
    void R5_frozenCardIsRefused_nothingRegistered() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("frozen");
        VisitOutcome.Refused o = expect(VisitOutcome.Refused.class, desk.register("D01", Optional.empty(), true, RIGHT_PIN, "clerk01"));
        assertEquals("status.frozen", o.messageKey());
        assertEquals(java.util.Optional.empty(), o.visit());
        assertEquals(card.profile().psnName(), o.card().orElseThrow().name(), "the card was read: the clerk sees whose it is");
        assertTrue(o.balanceAfterFen().isEmpty(), "no payment step: no balance stated");
        assertTrue(line(o).contains("R5"), line(o));
        assertEquals(card.profile().balance(), card.state().balance());
    }

    @Test
    void pharmacyTerminalOffersNoRegistration_andUnknownDepartmentOrDoctorIsRefused() throws Exception {
        RegistrationDesk pharmacy = desk(Map.of());
        present("normal-3des");
        assertEquals("registration.not_hospital", pharmacy.register("D01", Optional.empty(), true, RIGHT_PIN, "c").messageKey());
        terminal.close();
        terminal = null;

        RegistrationDesk desk = desk(HOSPITAL);
        present("normal-3des");
        assertEquals("registration.unknown_department", desk.register("D99", Optional.empty(), true, RIGHT_PIN, "c").messageKey());
        assertEquals("registration.unknown_doctor", desk.register("D01", Optional.of("D02-001"), true, RIGHT_PIN, "c").messageKey());
    }

    @Test
    void aVisitIsPaidOnlyWithItsOwnCard() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        present("normal-3des");
        VisitOutcome reg = desk.register("D01", Optional.empty(), false, RIGHT_PIN, "clerk01");
        VirtualMedicalCard other = present("normal-sm4");
        VisitOutcome o = desk.settle(reg.visit().orElseThrow(), List.of(), RIGHT_PIN, "clerk01");
        assertEquals("registration.wrong_card", o.messageKey());
        assertEquals(other.profile().balance() + o.loadedFen(), other.state().balance(), "the other card was not debited (R15 loads only)");
    }

    @Test
    void tearDuringTheVisitsDebit_recoveredOnTheCardsNextContact_settledOnceIn2207() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();
        VisitOutcome reg = desk.register("D01", Optional.empty(), false, RIGHT_PIN, "clerk01");
        card.tearAfterDebitApplied();

        VisitOutcome.Interrupted torn = expect(VisitOutcome.Interrupted.class, desk.settle(reg.visit().orElseThrow(), List.of(), RIGHT_PIN,
                "clerk01"));
        assertEquals(reg.visit().orElseThrow(), torn.mdtrtId());
        assertEquals(new PaymentPlan(5_000, 3_500, 1_500, 0), torn.split(), "the fee's split the card was paying");
        assertTrue(torn.tac().isEmpty(), "the card left during DEBIT: no TAC yet");
        assertTrue(torn.balanceAfterFen().isEmpty(), "unknown until the card comes back");
        assertEquals("sale.interrupted", torn.messageKey());
        assertFalse(torn.served());
        assertEquals(1, terminal.queue().summary().unfinishedSales());

        VirtualMedicalCard again = present("normal-3des");
        assertEquals(before + LOADS - 1_500, again.state().balance(), "the card did debit before it was torn");
        VisitOutcome next = desk.register("D02", Optional.empty(), false, RIGHT_PIN, "clerk01"); // the next contact recovers first
        assertEquals(VisitOutcome.Kind.REGISTERED, next.kind(), line(next));
        assertEquals(0, terminal.queue().summary().unfinishedSales(), "the torn visit's 2207 was sent on recovery");
        assertEquals(before + LOADS - 1_500, again.state().balance(), "debited once");
        assertEquals(before + LOADS - 1_500, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()), "the center settled it once");
    }

    @Test
    void R15_hospitalDeskLoadsPendingMonthlyMoney() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        VisitOutcome.Registered reg = expect(VisitOutcome.Registered.class, desk.register("D02", Optional.empty(), false, RIGHT_PIN, "clerk01"));

        assertEquals(LOADS, reg.loadedFen(), "both monthly contributions loaded when the desk opened the card, as at the pharmacy");
        assertEquals(before + LOADS, card.state().balance());
        for (String id : List.of("L2026100000101", "L2026110000101")) {
            assertEquals(LoadJournal.State.QUEUED, terminal.loads().journal().find(id).orElseThrow().state(), id);
            assertEquals(OutboxState.DONE, terminal.loads().confirmationState(id).orElseThrow(), id + " confirmed (8502)");
        }
        assertEquals(before + LOADS, TrainingTerminals.shadowBalance(terminal, card.profile().cardNo()), "the center agrees");

        VisitOutcome.Settled settled = expect(VisitOutcome.Settled.class, desk.settle(reg.mdtrtId(), List.of(), RIGHT_PIN, "clerk01"));
        assertEquals(0, settled.loadedFen(), "loaded once, never twice");
        assertEquals(before + LOADS - settled.split().accountFen(), card.state().balance());
    }

    @Test
    void R3_hospitalDeskPaysFromFamilyMembersCard() throws Exception {
        RegistrationDesk desk = desk(HOSPITAL);
        VirtualMedicalCard employee = present("employee-family");
        long before = employee.state().balance();

        VisitOutcome.Settled o = expect(VisitOutcome.Settled.class, desk.register("D01", Optional.empty(), PaidFor.familyMember(SPOUSE), true, RIGHT_PIN, "clerk01", Optional.empty()));

        assertEquals(5_000, o.split().totalFen());
        assertEquals(0, o.split().fundFen(), "the pooling fund pays nothing for the family member");
        assertEquals(5_000, o.split().accountFen(), "the employee's personal account pays the spouse's fee");
        assertEquals(SPOUSE, SaleView.ofVisit(terminal, o.payment()).beneficiaryPsnNo());
        SaleReceipt slip = assertInstanceOf(SaleReceipt.class, new VisitDocuments(terminal.saleDocuments()).settlement(o, "clerk01")
                .orElseThrow());
        assertNotNull(slip.beneficiary(), "the receipt names the beneficiary");
        assertEquals(before - 5_000, employee.state().balance());
        assertEquals(before - 5_000, TrainingTerminals.shadowBalance(terminal, employee.profile().cardNo()), "center agrees to the fen");

        VisitOutcome.Registered later = expect(VisitOutcome.Registered.class, desk.register("D02", Optional.empty(), PaidFor.familyMember(SPOUSE), false, RIGHT_PIN, "clerk01", Optional.empty()));
        assertEquals(0, later.foreseen().fundFen(), "2201 foresees no pooling for the family member");
        VisitOutcome.Settled visit = expect(VisitOutcome.Settled.class,
                desk.settle(later.mdtrtId(), List.of(SaleItem.parse(AMOXICILLIN + ":2")), RIGHT_PIN, "clerk01"));
        assertEquals(0, visit.split().fundFen(), "the center kept the visit's beneficiary: no pooling at 2206/2207 either");
        assertEquals(7_500, visit.split().accountFen() + visit.split().cashFen());

        VisitOutcome stranger = desk.register("D01", Optional.empty(), PaidFor.familyMember("11000000000000000999"), true, RIGHT_PIN, "clerk01", Optional.empty());
        assertEquals(VisitOutcome.Kind.REFUSED, stranger.kind());
        assertEquals("sale.family_unknown", stranger.messageKey(), "only a member the center lists (1101), as at the pharmacy");

        present("normal-sm4"); // resident scheme
        VisitOutcome resident = desk.register("D01", Optional.empty(), PaidFor.familyMember(SPOUSE), true, RIGHT_PIN, "clerk01", Optional.empty());
        assertEquals(VisitOutcome.Kind.REFUSED, resident.kind());
        assertEquals("sale.family_not_offered", resident.messageKey(), "R3 is for EMPLOYEE cards only");
    }
}
