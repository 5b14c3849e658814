package org.medcard.terminal.present.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.present.counter.CardWatch;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.ui.counter.TerminalCounterPorts;

/**
 * The registration desk's model with real parts and no display: a HOSPITAL training terminal (virtual card and
 * PSAM, embedded center on loopback, SQLite files in a temp folder), a recording view. Department D01 (内科)
 * charges 50.00 yuan, category A: an employee's pooling pays 70 % at an outpatient visit.
 */
class RegistrationDeskModelTest {
    /** normal-3des has two pending monthly loads of 350.00 (R15): the desk loads them when it opens the card. */
    private static final long LOADS = 70_000;


    private static final Executor INLINE = Runnable::run;
    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, category A

    @TempDir
    Path dir;

    private Terminal terminal;
    private final RecordingRegistrationView view = new RecordingRegistrationView();

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private RegistrationDeskModel model(String language, Executor worker) {
        terminal = TrainingTerminals.open(dir, Map.of("institution.kind", "HOSPITAL", "language", language));
        return new RegistrationDeskModel(terminal.registrationDesk(DepartmentCatalog.bundled()), terminal.visitTexts(), DepartmentCatalog.bundled(),
                terminal.language(), () -> "clerk01", view, worker, INLINE);
    }

    private VirtualMedicalCard present(String profile) throws Exception {
        return ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard(profile);
    }

    private static VisitOutcome.CashResettle cash(VisitAnswer a) {
        return assertInstanceOf(VisitOutcome.CashResettle.class, a.outcome(), a.detail());
    }

    @Test
    void departmentsAndDoctorsWithTheFee_inBothLanguages() {
        RegistrationDeskModel model = model("en", INLINE);
        model.start();
        assertEquals("D01 内科 · 50.00 yuan", view.departmentLabels.get(0), "names with CJK characters pass through untouched");
        assertEquals(List.of("王建华 主任医师", "李慧 主治医师"), view.doctorLabels, "the first department's doctors");
        assertEquals("Registration fee 50.00 yuan", view.feeLines.get(0));
        model.chooseDepartment("D05");
        assertEquals("Registration fee 60.00 yuan", view.feeLines.get(1));
        model.chooseDepartment("D99");
        assertEquals("No department D99. Choose one from the list.", view.messages.get(0));
        terminal.close();
        terminal = null;

        RecordingRegistrationView zh = new RecordingRegistrationView();
        new RegistrationDeskModel(null, null, DepartmentCatalog.bundled(), java.util.Locale.SIMPLIFIED_CHINESE, () -> "clerk01", zh, INLINE, INLINE)
                .start();
        assertEquals("D01 内科 · 50.00 元", zh.departmentLabels.get(0));
        assertEquals("挂号费 50.00 元", zh.feeLines.get(0));
    }

    @Test
    void registerAndPayNow_visitNumberAndTheFeeSplitShown_pinAskedThroughTheView() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        model.register("D01", Optional.empty(), true);

        VisitAnswer a = view.last();
        assertEquals(VisitOutcome.Kind.SETTLED, a.outcome().kind(), a.detail());
        assertTrue(a.served());
        String visit = a.outcome().visit().orElseThrow();
        assertEquals("Paid: visit " + visit, a.headline());
        assertEquals(List.of(new VisitAnswer.Line("Total", "50.00"), new VisitAnswer.Line("Fund pays", "35.00"),
                new VisitAnswer.Line("Personal account pays", "15.00"), new VisitAnswer.Line("Cash to collect", "0.00")), a.split());
        assertEquals("Visit " + visit + " is settled. Card balance now " + org.medcard.terminal.config.Money.formatYuan(before + LOADS - 1_500)
                + " yuan. Print the slip for the patient. Monthly contributions loaded onto the card first: 700.00 yuan (R15).",
                a.detail());
        assertEquals(List.of("The patient enters the card PIN: ¥15.00 from the personal account"), view.pinPrompts, "the amount in the PIN dialog (issue 15)");
        assertEquals(before + LOADS - 1_500, card.state().balance());
        assertEquals(List.of(visit), view.lastOpen().stream().map(OpenVisit::mdtrtId).toList(),
                "paid at once, the visit stays open for its prescribed items until closed");
        assertFalse(view.isBusy);
    }

    @Test
    void registerThenSettleWithItems_visitListedUntilSettled() throws Exception {
        RegistrationDeskModel model = model("zh_CN", INLINE);
        VirtualMedicalCard card = present("normal-3des");
        long before = card.state().balance();

        model.register("D01", Optional.of("D01-002"), false);
        VisitAnswer reg = view.last();
        assertEquals(VisitOutcome.Kind.REGISTERED, reg.outcome().kind(), reg.detail());
        String visit = reg.outcome().visit().orElseThrow();
        assertEquals("挂号成功：就诊号 " + visit, reg.headline());
        assertEquals("35.00", reg.split().get(1).amount(), "the fee's foreseen fund share");
        assertEquals(1, view.lastOpen().size());
        assertEquals("李慧", view.lastOpen().get(0).doctorName());
        assertTrue(view.lastOpen().get(0).cardNoMasked().contains("*"), "card number masked");
        assertEquals(before + LOADS, card.state().balance(), "registering alone debits nothing (R15 loads only)");
        assertTrue(reg.detail().endsWith("已先将本月个人账户划入款 700.00 元写入卡内（R15）。"), reg.detail());

        model.settle(visit, AMOXICILLIN + ":2");

        assertEquals(null, view.answerAtPin, "the registration's split left the screen before the items' PIN (issue 15)");
        assertEquals("正在结算就诊 " + visit + "：读卡并询问中心……", view.lineAtPin);
        VisitAnswer paid = view.last();
        assertEquals(VisitOutcome.Kind.SETTLED, paid.outcome().kind(), paid.detail());
        assertEquals("75.00", paid.split().get(0).amount(), "fee 50.00 + 2 × 12.50");
        assertEquals("52.50", paid.split().get(1).amount());
        assertEquals("22.50", paid.split().get(2).amount());
        assertEquals(before + LOADS - 2_250, card.state().balance());
        assertEquals(1, view.lastOpen().size(), "paid, still open for a further batch the same day");
    }

    @Test
    void visitPaidMoreThanOnce_feeThenTwoBatches_listedUntilTheClerkClosesIt() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        VirtualMedicalCard card = present("normal-3des");
        model.register("D01", Optional.empty(), true);
        String visit = view.last().outcome().visit().orElseThrow();
        long afterFee = card.state().balance();

        model.settle(visit, AMOXICILLIN + ":2");
        VisitAnswer first = view.last();
        model.settle(visit, AMOXICILLIN + ":1");
        VisitAnswer second = view.last();

        assertEquals(VisitOutcome.Kind.SETTLED, first.outcome().kind(), first.detail());
        assertEquals("25.00", first.split().get(0).amount(), "the fee was paid at registration");
        assertEquals(VisitOutcome.Kind.SETTLED, second.outcome().kind(), second.detail());
        assertEquals("12.50", second.split().get(0).amount());
        assertEquals(afterFee - 750 - 375, card.state().balance());
        assertEquals(visit, view.lastOpen().get(0).mdtrtId());

        model.close(visit);

        assertEquals(VisitOutcome.Kind.CLOSED, view.last().outcome().kind());
        assertEquals("Visit " + visit + " closed", view.last().headline());
        assertEquals(List.of(), view.lastOpen(), "closed: off the list");
        model.settle(visit, AMOXICILLIN + ":1");
        assertEquals("registration.visit_not_open", view.last().outcome().messageKey());
    }

    @Test
    void R11_readerFault_theFeeIsTakenInCashWithTheIdNumber_entryOnTheAnswer() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        present("normal-3des");
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0).setUnplugged(true);

        model.register("D01", Optional.empty(), true, Optional.of("110101197805211235"));

        VisitAnswer a = view.last();
        assertEquals(VisitOutcome.Kind.CASH_RESETTLE, a.outcome().kind(), a.detail());
        assertTrue(a.served());
        assertEquals("Collect 50.00 yuan in cash (fault)", a.headline());
        assertTrue(a.detail().contains(cash(a).entryNo()), a.detail());
        assertEquals("50.00", a.split().get(3).amount(), "all in cash");
        assertEquals(a.outcome().visit().orElseThrow(), view.lastOpen().get(0).mdtrtId(), "the cash visit takes its batches in cash today");
    }

    @Test
    void R11_readerFault_idNumberAskedThroughTheView_wrongCheckDigitSaysWhich_thenTheCashEntry() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        present("normal-3des");
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0).setUnplugged(true);
        view.idNumbers.add("110101197805211234"); // the last digit mistyped: it must be 5
        view.idNumbers.add("110101197805211235");

        model.register("D01", Optional.empty(), true);

        assertEquals(2, view.idReasons.size(), view.idReasons.toString());
        assertTrue(view.idReasons.get(0).startsWith("Pay in cash during the fault ("), view.idReasons.get(0));
        assertTrue(view.idReasons.get(0).contains("(R11)"), view.idReasons.get(0));
        assertEquals("The check digit of the ID number is wrong: for these 17 digits it must be 5. Check the ID card and type "
                + "the number again.", view.idReasons.get(1));
        VisitAnswer a = view.last();
        assertEquals(1, view.visits.size(), "one answer: the questions came in between, not as answers");
        assertEquals(VisitOutcome.Kind.CASH_RESETTLE, a.outcome().kind(), a.detail());
        assertEquals("Collect 50.00 yuan in cash (fault)", a.headline());
        assertTrue(a.detail().contains(cash(a).entryNo()) && a.detail().contains(a.outcome().visit().orElseThrow()), a.detail());
        assertEquals(List.of(a.outcome().visit().orElseThrow()), view.lastOpen().stream().map(OpenVisit::mdtrtId).toList());
        assertEquals(List.of(), view.pinPrompts, "no PIN during a reader fault");
    }

    @Test
    void R11_readerFault_clerkGoesBackFromTheIdQuestion_nothingRecorded() throws Exception {
        RegistrationDeskModel model = model("zh_CN", INLINE);
        present("normal-3des");
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0).setUnplugged(true);

        model.register("D01", Optional.empty(), true);

        assertEquals(1, view.idReasons.size());
        assertTrue(view.idReasons.get(0).startsWith("故障期间以现金支付"), view.idReasons.get(0));
        VisitAnswer a = view.last();
        assertEquals(VisitOutcome.Kind.REFUSED, a.outcome().kind());
        assertEquals("sale.id_number_needed", a.outcome().messageKey());
        assertFalse(a.served());
        assertInstanceOf(VisitOutcome.Refused.class, a.outcome(), "nothing recorded: no entry");
        assertEquals(List.of(), view.lastOpen(), "no visit, no entry");
    }

    @Test
    void R11_readerFault_aBatchOfTheCashVisitAsksTheIdNumberToo() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        present("normal-3des");
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0).setUnplugged(true);
        view.idNumbers.add("110101197805211235");
        model.register("D01", Optional.empty(), true);
        String visit = view.last().outcome().visit().orElseThrow();
        view.idNumbers.add("110101197805211235");

        model.settle(visit, AMOXICILLIN + ":2");

        assertEquals(2, view.idReasons.size(), "asked once for the fee, once for the batch");
        VisitAnswer a = view.last();
        assertEquals(VisitOutcome.Kind.CASH_RESETTLE, a.outcome().kind(), a.detail());
        assertEquals("25.00", a.split().get(3).amount(), "the batch (2 × 12.50) all in cash");
    }

    @Test
    void cancellationAskedFirst_thenCancelledWithTheCenter() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        VirtualMedicalCard card = present("normal-3des");
        model.register("D02", Optional.empty(), false);
        String visit = view.last().outcome().visit().orElseThrow();

        view.confirmCancel = false;
        model.cancel(visit);
        assertEquals(List.of(visit), view.cancelAsked);
        assertEquals(VisitOutcome.Kind.REGISTERED, view.last().outcome().kind(), "going back cancels nothing");

        view.confirmCancel = true;
        model.cancel(visit);
        assertEquals(VisitOutcome.Kind.CANCELLED, view.last().outcome().kind(), view.last().detail());
        assertEquals("Visit " + visit + " cancelled", view.last().headline());
        assertEquals(List.of(), view.lastOpen());
        assertEquals(card.profile().balance() + LOADS, card.state().balance(), "nothing paid; the R15 loads stay");

        model.settle(visit, "");
        assertEquals(VisitOutcome.Kind.REFUSED, view.last().outcome().kind());
        assertEquals("Not done", view.last().headline());
        assertFalse(view.last().served());
    }

    @Test
    void R5_frozenCardIsRefusedWithTheRuleMessage() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        present("frozen");

        model.register("D01", Optional.empty(), true);

        VisitAnswer a = view.last();
        assertEquals(VisitOutcome.Kind.REFUSED, a.outcome().kind());
        assertTrue(a.detail().contains("R5"), a.detail());
        assertEquals(List.of(), view.pinPrompts, "no PIN asked for a card that cannot pay");
    }

    @Test
    void R6_R12_theSplitSaysWhyTheFundPaysNothing_withTheSalePolicysReason() throws Exception {
        RegistrationDeskModel model = model("en", INLINE);
        // The app's one card watch over the terminal's card session, as the desktop gives it to the desk.
        CardWatch watch = TerminalCounterPorts.cardWatch(terminal, INLINE, INLINE);
        model.watchCards(watch);

        Map<String, VisitAnswer> answers = new LinkedHashMap<>();
        for (String profile : List.of("normal-3des", "recently-insured", "out-of-region-unfiled")) {
            model.presentTrainingCard(profile); // F9, as the clerk puts a training card in the slot: read by the watch
            model.register("D01", Optional.empty(), true);
            answers.put(profile, view.last());
        }

        VisitAnswer normal = answers.get("normal-3des");
        assertEquals(new VisitAnswer.Line("Fund pays", "35.00"), normal.split().get(1), normal.detail());
        assertEquals(Optional.empty(), normal.fundNote(), "the fund pays: no note");
        VisitAnswer waiting = answers.get("recently-insured");
        assertEquals(VisitOutcome.Kind.SETTLED, waiting.outcome().kind(), waiting.detail());
        assertEquals(new VisitAnswer.Line("Fund pays", "0.00"), waiting.split().get(1));
        assertEquals(Optional.of("Fund 0: benefits start six months after qualification, on 2027-02-01 (R6)."), waiting.fundNote());
        VisitAnswer unfiled = answers.get("out-of-region-unfiled");
        assertEquals(VisitOutcome.Kind.SETTLED, unfiled.outcome().kind(), unfiled.detail());
        assertEquals(new VisitAnswer.Line("Fund pays", "0.00"), unfiled.split().get(1));
        assertEquals(Optional.of("Fund 0: a card of another region without cross-region filing at the center (R12)."),
                unfiled.fundNote());
    }

    @Test
    void badItemCodesAndAMissingVisitNumberAreCaughtBeforeAnyCardWork() {
        RegistrationDeskModel model = model("en", INLINE);
        model.settle("  ", "");
        model.settle("MDT1", "XJ01CAA001:x");
        assertEquals(List.of("Enter or select the visit number first.", "\u201cXJ01CAA001:x\u201d is not an item code (CODE or CODE:QUANTITY)."),
                view.messages);
        assertEquals(List.of(), view.visits);
    }

    @Test
    void theCardWorkRunsOnTheWorkerAndThePinIsAskedOnTheUiThread() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "device-worker"));
        ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
        try {
            terminal = TrainingTerminals.open(dir, Map.of("institution.kind", "HOSPITAL", "language", "en"));
            present("normal-3des");
            RegistrationDeskModel model = new RegistrationDeskModel(terminal.registrationDesk(DepartmentCatalog.bundled()),
                    terminal.visitTexts(), DepartmentCatalog.bundled(), terminal.language(), () -> "clerk01", view, worker, uiThread);
            uiThread.submit(() -> model.register("D01", Optional.empty(), true)).get(5, TimeUnit.SECONDS);
            worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
            uiThread.submit(() -> { }).get(5, TimeUnit.SECONDS);
            assertEquals("ui", view.pinAskedOn.getName());
            assertNotSame(null, view.last());
            assertEquals(VisitOutcome.Kind.SETTLED, view.last().outcome().kind());
        } finally {
            worker.shutdownNow();
            uiThread.shutdownNow();
        }
    }
}
