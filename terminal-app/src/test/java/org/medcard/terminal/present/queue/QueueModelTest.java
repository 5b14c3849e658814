package org.medcard.terminal.present.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.medcard.queue.QueueSummary;
import org.medcard.terminal.resettle.ResettleOutcome;

/**
 * The queue screen's model with in-memory ports ({@link InMemoryQueuePorts}): no SQLite, no HTTP, no simulator,
 * both executors inline, a recording view. {@link QueueModelIT} runs the same screen on a training terminal.
 */
class QueueModelTest {

    private static final Executor INLINE = Runnable::run;
    private static final String ID = "110101199003070017";
    private static final String ENTRY = "R20261207-0001";

    private final InMemoryQueuePorts ports = new InMemoryQueuePorts();
    private final RecordingQueueView view = new RecordingQueueView();

    private QueueModel model(Locale language) {
        return new QueueModel(ports.ports(), language, () -> "cashier01", view, INLINE, INLINE);
    }

    /** One cash entry of 48.60 yuan whose 8400 registration waits; the patient is back with the card. */
    private void oneOpenEntryWaiting() {
        ports.entries.add(InMemoryQueuePorts.openEntry(ENTRY, ID, 48_60));
        ports.summary = InMemoryQueuePorts.summary(0, 0, 1, 1);
        ports.waiting = 1;
        ports.answers.add(InMemoryQueuePorts.done("m1"));
        ports.cardId = ID;
        ports.fundFen = 34_02;
        ports.accountFen = 14_58;
    }

    @Test
    void R11_cashEntryListedForwardedAndReSettled_refundShownToHandBack() {
        QueueModel model = model(Locale.ENGLISH);
        oneOpenEntryWaiting();

        model.refresh();
        assertEquals(1, view.lastFigures().summary().openResettlements());
        assertEquals("1 re-settlement entry(ies) open", view.lastFigures().entriesLine());
        EntryRow row = view.lastEntries().get(0);
        assertEquals(ENTRY, row.entryNo());
        assertTrue(row.open());
        assertEquals("Open", row.stateText());
        assertEquals("48.60", row.cashPaidText());
        assertEquals("110***********0017", row.idMasked(), "the ID is masked on the screen");
        assertTrue(view.lastFigures().anythingWaiting(), "the entry's 8400 registration waits for the center");

        model.forwardNow();
        ForwardProgress done = view.lastForwarding();
        assertTrue(done.finished() && done.reachedCenter(), done.line());
        assertEquals(1, done.sent());
        assertEquals("Sent 1 of 1…", view.forwarding.get(0).line(), "progress per answer");
        assertFalse(view.forwarding.get(0).finished());
        assertEquals("Forwarded 1 message(s). Nothing more waits.", done.line());
        assertFalse(view.lastFigures().anythingWaiting());
        assertEquals(1, ports.expiries, "old entries expire after each forward");
        assertEquals(List.of("CENTER ok: online"), ports.reports, "the status bar's center tag");

        model.resettle(ENTRY);

        assertEquals(ENTRY, view.askedForCard.get(0).entryNo(), "the cashier is asked for the patient's card first");
        ResettleAnswer a = view.resettled.get(0);
        assertEquals(ResettleOutcome.Kind.SETTLED, a.outcome().kind(), a.detail());
        assertTrue(a.handBack());
        assertEquals(1, view.pinAsked, "the account pays its share: the card's PIN is asked (R10)");
        assertEquals(List.of(OptionalLong.empty()), ports.requestedAccount, "the screen asks the account for as much as it allows");
        assertEquals(Optional.of("48.60"), a.refundText());
        assertEquals("Hand back 48.60 yuan in cash", a.headline());
        assertEquals("Entry " + ENTRY + " is re-settled: the fund paid 34.02 yuan and the personal account 14.58 yuan. "
                + "Give this back to the patient and keep the re-settlement receipt.", a.detail());
        assertEquals(List.of(), view.lastEntries(), "only open entries are listed by default");
        assertFalse(view.isBusy, "the screen is usable again");
        assertEquals(List.of(ENTRY), ports.issued.stream().map(ResettleOutcome::entryNo).toList(), "the receipt is journalled");

        model.showOnlyOpen(false);
        assertEquals("Re-settled", view.lastEntries().get(0).stateText(), "kept, never deleted");
    }

    @Test
    void R11_inChinese_refundHeadlineAndAges() {
        QueueModel model = model(Locale.SIMPLIFIED_CHINESE);
        oneOpenEntryWaiting();
        model.forwardNow();
        model.resettle(ENTRY);

        assertEquals("退还现金 48.60 元", view.resettled.get(0).headline());
        assertEquals("2 小时 5 分钟", model.age(Duration.ofMinutes(125)));
        assertEquals("3 天 4 小时", model.age(Duration.ofHours(76)));
        assertEquals("0 分钟", model.age(null));
    }

    @Test
    void R11_theWrongCardIsRefusedAndTheEntryStaysOpen() {
        QueueModel model = model(Locale.ENGLISH);
        oneOpenEntryWaiting();
        model.forwardNow();
        ports.cardId = "110101198502020022";

        model.resettle(ENTRY);

        ResettleAnswer a = view.resettled.get(0);
        assertEquals(ResettleOutcome.Kind.REFUSED, a.outcome().kind());
        assertFalse(a.handBack());
        assertEquals(Optional.empty(), a.refundText(), "nothing to hand back");
        assertEquals("Not re-settled", a.headline());
        assertTrue(a.detail().contains("does not belong"), a.detail());
        assertEquals(ENTRY, view.lastEntries().get(0).entryNo(), "still open");
    }

    @Test
    void R11_patientGivesNoPin_nothingIsDebitedAndTheEntryStaysOpen() {
        QueueModel model = model(Locale.ENGLISH);
        oneOpenEntryWaiting();
        model.forwardNow();
        view.pin = null;

        model.resettle(ENTRY);

        assertEquals(1, view.pinAsked);
        ResettleAnswer a = view.resettled.get(0);
        assertEquals(ResettleOutcome.Kind.REFUSED, a.outcome().kind(), a.detail());
        assertEquals(Optional.empty(), a.refundText(), "nothing to hand back");
        assertEquals("OPEN", view.lastEntries().get(0).state());
    }

    @Test
    void cashierGoesBack_whenAskedForTheCard_nothingIsSent() {
        QueueModel model = model(Locale.ENGLISH);
        oneOpenEntryWaiting();
        model.refresh();
        view.cardInserted = false;

        model.resettle(ENTRY);

        assertEquals(List.of(), view.resettled);
        assertEquals(0, ports.settleCalls, "the desk was not asked");
        model.resettle("NO-SUCH-ENTRY");
        assertEquals("Select an open entry first.", view.messages.get(view.messages.size() - 1));
    }

    @Test
    void anEntryThatIsNoLongerOpenIsNotReSettled() {
        QueueModel model = model(Locale.ENGLISH);
        oneOpenEntryWaiting();
        model.refresh();
        model.resettle(ENTRY);
        model.showOnlyOpen(false);

        model.resettle(ENTRY);

        assertEquals("Entry " + ENTRY + " is Re-settled: nothing to re-settle.", view.messages.get(view.messages.size() - 1));
        assertEquals(1, ports.settleCalls);
    }

    @Test
    void forwardNowWithoutTheCenter_saysNothingWasSentAndTheRecordsStay() {
        QueueModel model = model(Locale.ENGLISH);
        ports.reachable = false;

        model.forwardNow();

        ForwardProgress p = view.lastForwarding();
        assertTrue(p.finished());
        assertFalse(p.reachedCenter());
        assertEquals(0, p.sent());
        assertTrue(p.line().startsWith("The center cannot be reached"), p.line());
        assertEquals("Nothing waits for the center.", view.lastFigures().waitingLine());
        assertEquals(List.of(), ports.reports, "nothing said about the center");
    }

    @Test
    void theCenterStopsAnsweringWhileForwarding_theRestStaysQueuedAndTheCenterTagFaults() {
        QueueModel model = model(Locale.ENGLISH);
        ports.summary = InMemoryQueuePorts.summary(2, 25_25, 1, 0);
        ports.waiting = 3;
        ports.answers.addAll(List.of(InMemoryQueuePorts.done("m1"), InMemoryQueuePorts.unanswered("m2")));

        model.forwardNow();

        ForwardProgress p = view.lastForwarding();
        assertTrue(p.finished());
        assertFalse(p.reachedCenter());
        assertEquals(2, p.sent());
        assertEquals("Sent 2; then the center stopped answering. 2 stay queued and are retried automatically.", p.line());
        assertEquals(List.of("CENTER fault: no answer while forwarding"), ports.reports);
        assertEquals("2 offline record(s), 25.25 yuan, oldest 2 h 5 min; 0 other message(s) waiting", view.lastFigures().waitingLine());
    }

    @Test
    void aReceiptThatCannotBeJournalled_doesNotUndoTheReSettlement() {
        QueueModel model = model(Locale.ENGLISH);
        oneOpenEntryWaiting();
        ports.receiptsFail = true;
        model.refresh();

        model.resettle(ENTRY);

        assertEquals("Hand back 48.60 yuan in cash", view.resettled.get(0).headline());
        assertEquals(List.of(), view.messages, "the cashier still hands the refund back");
    }

    @Test
    void aFailingPortEndsWithOneLineAndAUsableScreen() {
        QueueModel model = new QueueModel(new QueueModel.Ports(new QueueLedger() {
            @Override
            public QueueSummary summary() {
                throw new IllegalStateException("database is locked");
            }

            @Override
            public int waiting() {
                return 0;
            }

            @Override
            public void expireResettlements() {
            }
        }, ports, ports, ports, ports), Locale.ENGLISH, () -> "cashier01", view, INLINE, INLINE);

        model.refresh();

        assertEquals(List.of("Could not finish: database is locked"), view.messages);
        assertFalse(view.isBusy);
    }

    @Test
    void pinPromptNamesTheAmountAndTheTriesLeft() {
        QueueModel model = model(Locale.ENGLISH);

        assertEquals("The patient enters the card PIN (the personal account pays its share): ¥14.58 from the personal account",
                model.pinPrompt(14_58, -1));
        assertEquals("Wrong PIN, 2 tries left: enter it again. The patient enters the card PIN (the personal account pays its share)",
                model.pinPrompt(-1, 2));
    }

    /** Issue 18, case 4: with tamper evidence the stored total may be the edited one; the screen does not state it. */
    @Test
    void whileTamperEvidenceBlocksForwarding_theQueuedTotalIsNotShownAsFact() {
        QueueModel model = model(Locale.ENGLISH);
        QueueSummary tampered = new QueueSummary(2, 2_525, Duration.ofMinutes(5), 1, 0, 0, 0, 0, true, false);

        QueueFigures f = model.figures(tampered);

        assertFalse(f.waitingLine().contains("25.25"), f.waitingLine());
        assertTrue(f.waitingLine().contains("NOT VERIFIED"), f.waitingLine());
        assertTrue(f.warning().orElseThrow().contains("Tamper findings"), f.warning().toString());
        QueueFigures clean = model.figures(new QueueSummary(2, 2_525, Duration.ofMinutes(5), 1, 0, 0, 0, 0, false, false));
        assertTrue(clean.waitingLine().contains("25.25"), clean.waitingLine());
    }

    @Test
    void aSecondActionWhileBusyIsIgnored() {
        List<Runnable> queued = new ArrayList<>();
        QueueModel model = new QueueModel(ports.ports(), Locale.ENGLISH, () -> "cashier01", view, queued::add, INLINE);

        model.refresh();
        model.forwardNow();

        assertEquals(1, queued.size(), "one action at a time");
        assertTrue(view.isBusy);
        queued.get(0).run();
        assertFalse(view.isBusy);
        assertEquals("Nothing waits for the center.", view.lastFigures().waitingLine());
    }
}
