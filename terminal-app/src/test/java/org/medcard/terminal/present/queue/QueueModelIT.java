package org.medcard.terminal.present.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.ui.queue.TerminalQueuePorts;

/**
 * The queue screen's model with real parts and no display: a training terminal (virtual card and PSAM,
 * embedded center on loopback, SQLite files in a temp folder) wired as the desktop wires it
 * ({@link TerminalQueuePorts}), both executors inline, a recording view. {@link QueueModelTest} tests the
 * model's own logic with in-memory ports.
 */
class QueueModelIT {

    private static final String METFORMIN = "XA10BAD003"; // 16.20, chronic: 70 % pooled for an employee
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;

    private Terminal terminal;
    private final RecordingQueueView view = new RecordingQueueView();

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private QueueModel model(Map<String, String> overrides) {
        terminal = TrainingTerminals.open(dir, overrides);
        return new QueueModel(TerminalQueuePorts.of(terminal), terminal.language(), () -> "cashier01", view, INLINE, INLINE);
    }

    /** A cash sale while the reader is unplugged (R11 case 2): the entry the patient later re-settles. */
    private String cashSaleDuringAReaderFault(VirtualMedicalCard card) {
        var slot = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0);
        slot.setUnplugged(true);
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")), RIGHT_PIN,
                "cashier01").withIdNumber(card.profile().psnCertNo())));
        slot.setUnplugged(false);
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, o.kind(), o.message());
        return o.entryNo();
    }

    @Test
    void R11_cashEntryListedForwardedAndReSettled_refundShownToHandBack() throws Exception {
        QueueModel model = model(Map.of("language", "en"));
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();
        String entryNo = cashSaleDuringAReaderFault(card);

        model.refresh();
        assertEquals(1, view.lastFigures().summary().openResettlements());
        assertEquals("1 re-settlement entry(ies) open", view.lastFigures().entriesLine());
        EntryRow row = view.lastEntries().get(0);
        assertEquals(entryNo, row.entryNo());
        assertTrue(row.open());
        assertEquals("Open", row.stateText());
        assertEquals("48.60", row.cashPaidText(), "3 × 16.20 paid in cash");
        assertEquals(IdMask.of(card.profile().psnCertNo()), row.idMasked(), "the ID is masked on the screen");
        assertTrue(view.lastFigures().anythingWaiting(), "the entry's 8400 registration waits for the center");

        model.forwardNow();
        ForwardProgress done = view.lastForwarding();
        assertTrue(done.finished() && done.reachedCenter(), done.line());
        assertTrue(done.sent() >= 1, "the 8400 was sent: " + done);
        assertTrue(view.forwarding.stream().anyMatch(p -> !p.finished() && p.line().startsWith("Sent 1 of")), "progress per answer");
        assertEquals("Forwarded " + done.sent() + " message(s). Nothing more waits.", done.line());
        assertFalse(view.lastFigures().anythingWaiting());
        assertTrue(terminal.queue().resettlement(entryNo).orElseThrow().registered());

        model.resettle(entryNo);

        assertEquals(entryNo, view.askedForCard.get(0).entryNo(), "the cashier is asked for the patient's card first");
        ResettleAnswer a = view.resettled.get(0);
        assertEquals(ResettleOutcome.Kind.SETTLED, a.outcome().kind(), a.detail());
        assertTrue(a.handBack());
        assertEquals(1, view.pinAsked, "the account pays its share: the card's PIN is asked (R10)");
        assertEquals(Optional.of("48.60"), a.refundText(), "70 % of 48.60 from the fund + the rest from the account, handed back in cash");
        assertEquals("Hand back 48.60 yuan in cash", a.headline());
        assertTrue(a.detail().contains("fund paid 34.02 yuan") && a.detail().contains("14.58") && a.detail().contains(entryNo),
                a.detail());
        assertEquals(ResettlementState.SETTLED, terminal.queue().resettlement(entryNo).orElseThrow().state());
        assertEquals(List.of(), view.lastEntries(), "only open entries are listed by default");
        assertEquals(before - 14_58, card.state().balance(), "the card paid the account share once");
        assertFalse(view.isBusy, "the screen is usable again");
        assertEquals(List.of("resettlement-receipt"), terminal.receipts().listAll().stream().map(e -> e.kind())
                .filter(k -> k.startsWith("resettlement")).toList(), "journalled: medcard receipt list shows it");

        model.showOnlyOpen(false);
        assertEquals("Re-settled", view.lastEntries().get(0).stateText(), "kept, never deleted");
    }

    @Test
    void R11_inChinese_refundHeadlineAndAges() throws Exception {
        QueueModel model = model(Map.of());
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        String entryNo = cashSaleDuringAReaderFault(card);
        model.forwardNow();
        model.resettle(entryNo);

        assertEquals("退还现金 48.60 元", view.resettled.get(0).headline());
        assertEquals("2 小时 5 分钟", model.age(Duration.ofMinutes(125)));
        assertEquals("3 天 4 小时", model.age(Duration.ofHours(76)));
        assertEquals("0 分钟", model.age(null));
    }

    @Test
    void R11_theWrongCardIsRefusedAndTheEntryStaysOpen() throws Exception {
        QueueModel model = model(Map.of("language", "en"));
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        String entryNo = cashSaleDuringAReaderFault(card);
        model.forwardNow();
        terminal.devices().training().orElseThrow().present("normal-sm4");

        model.resettle(entryNo);

        ResettleAnswer a = view.resettled.get(0);
        assertEquals(ResettleOutcome.Kind.REFUSED, a.outcome().kind());
        assertFalse(a.handBack());
        assertEquals(Optional.empty(), a.refundText(), "nothing to hand back");
        assertEquals("Not re-settled", a.headline());
        assertTrue(a.detail().contains("does not belong"), a.detail());
        assertEquals(entryNo, view.lastEntries().get(0).entryNo(), "still open");
    }

    @Test
    void R11_patientGivesNoPin_nothingIsDebitedAndTheEntryStaysOpen() throws Exception {
        QueueModel model = model(Map.of("language", "en"));
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();
        String entryNo = cashSaleDuringAReaderFault(card);
        model.forwardNow();
        view.pin = null;

        model.resettle(entryNo);

        assertEquals(1, view.pinAsked);
        ResettleAnswer a = view.resettled.get(0);
        assertEquals(ResettleOutcome.Kind.REFUSED, a.outcome().kind(), a.detail());
        assertEquals(Optional.empty(), a.refundText(), "nothing to hand back");
        assertEquals(before, card.state().balance(), "nothing debited");
        assertEquals(ResettlementState.OPEN, terminal.queue().resettlement(entryNo).orElseThrow().state());
    }

    @Test
    void cashierGoesBack_whenAskedForTheCard_nothingIsSent() throws Exception {
        QueueModel model = model(Map.of("language", "en"));
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        String entryNo = cashSaleDuringAReaderFault(card);
        model.refresh();
        view.cardInserted = false;

        model.resettle(entryNo);

        assertEquals(List.of(), view.resettled);
        assertEquals(ResettlementState.OPEN, terminal.queue().resettlement(entryNo).orElseThrow().state());
        model.resettle("NO-SUCH-ENTRY");
        assertEquals("Select an open entry first.", view.messages.get(view.messages.size() - 1));
    }

    @Test
    void forwardNowWithoutTheCenter_saysNothingWasSentAndTheRecordsStay() {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of("language", "en", "offline.mode", "CASH_RESETTLE")),
                TrainingTerminals.CLOCK, new Terminal.Options(true, false, "cashier01"));
        QueueModel model = new QueueModel(TerminalQueuePorts.of(terminal), terminal.language(), () -> "cashier01", view, INLINE, INLINE);

        model.forwardNow();

        ForwardProgress p = view.lastForwarding();
        assertTrue(p.finished());
        assertFalse(p.reachedCenter());
        assertEquals(0, p.sent());
        assertTrue(p.line().startsWith("The center cannot be reached"), p.line());
        assertEquals("Nothing waits for the center.", view.lastFigures().waitingLine());
    }

    /** Issue 18, case 4: with tamper evidence the stored total may be the edited one; the screen does not state it. */
    @Test
    void whileTamperEvidenceBlocksForwarding_theQueuedTotalIsNotShownAsFact() {
        QueueModel model = model(Map.of("language", "en"));
        org.medcard.queue.QueueSummary tampered = new org.medcard.queue.QueueSummary(2, 2_525, java.time.Duration.ofMinutes(5),
                1, 0, 0, 0, 0, true, false);

        QueueFigures f = model.figures(tampered);

        assertFalse(f.waitingLine().contains("25.25"), f.waitingLine());
        assertTrue(f.waitingLine().contains("NOT VERIFIED"), f.waitingLine());
        assertTrue(f.warning().orElseThrow().contains("Tamper findings"), f.warning().toString());
        QueueFigures clean = model.figures(new org.medcard.queue.QueueSummary(2, 2_525, java.time.Duration.ofMinutes(5),
                1, 0, 0, 0, 0, false, false));
        assertTrue(clean.waitingLine().contains("25.25"), clean.waitingLine());
    }

    @Test
    void aSecondActionWhileBusyIsIgnored() {
        terminal = TrainingTerminals.open(dir, Map.of("language", "en"));
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        QueueModel model = new QueueModel(TerminalQueuePorts.of(terminal), terminal.language(), () -> "cashier01", view, queued::add, INLINE);

        model.refresh();
        model.forwardNow();

        assertEquals(1, queued.size(), "one action at a time");
        assertTrue(view.isBusy);
        queued.get(0).run();
        assertFalse(view.isBusy);
        assertEquals("Nothing waits for the center.", view.lastFigures().waitingLine());
    }

    /** The mask the queue uses (first 3, last 4). */
    private static final class IdMask {
        static String of(String id) {
            return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
        }
    }
}
