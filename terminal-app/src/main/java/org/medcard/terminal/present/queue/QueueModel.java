package org.medcard.terminal.present.queue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.medcard.card.IdNumber;
import org.medcard.queue.ForwardResult;
import org.medcard.queue.OutboxState;
import org.medcard.queue.QueueSummary;
import org.medcard.terminal.config.Money;
import org.medcard.terminal.present.outcome.DeskSlip;
import org.medcard.terminal.present.outcome.OutcomeSlip;
import org.medcard.terminal.present.outcome.SlipKeys;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.resettle.EntryView;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.status.PartListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults-and-queue screen's logic: the queue's figures, forward-now with progress, the re-settlement
 * list and the re-settlement of one entry.
 *
 * <p>Threads: the public methods are called on the UI thread; everything that reads the queue, the card or
 * the center runs on {@code worker} (the reader's device thread), and every answer goes back to the view
 * through {@code ui}. One action at a time: a second request while busy is ignored (the view greys its keys).
 */
public final class QueueModel implements SlipKeys {

    /** This screen's strings ({@code texts.properties}, English and Simplified Chinese). */
    public static final String BUNDLE = "org.medcard.terminal.present.queue.texts";
    private static final Logger LOG = LoggerFactory.getLogger(QueueModel.class);

    /**
     * What the screen works with, each as small as the screen needs it.
     *
     * @param queue    the offline queue's figures and what still waits
     * @param center   forwarding what waits now
     * @param parts    told whether the center answered while forwarding (the status bar's center tag)
     * @param desk     the re-settlement entries and the re-settlement of one
     * @param receipts where a re-settlement's receipt is journalled and printed
     */
    public record Ports(QueueLedger queue, CenterLink center, PartListener parts, EntryDesk desk, ResettleReceipts receipts) {
    }

    private final QueueLedger queue;
    private final CenterLink center;
    private final PartListener parts;
    private final ResettleReceipts receipts;
    private final EntryDesk desk;
    private final Supplier<String> cashier;
    private final QueueView view;
    private final Executor worker;
    private final Executor ui;
    private final Texts texts;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile List<EntryRow> entries = List.of();
    private volatile boolean onlyOpen = true;
    /** Issue 15: the last re-settlement's journalled receipt, for print and save; none until the desktop gives a slip. */
    private final DeskSlip slip;

    /** @param language the screen's language (its own strings; the core's messages come in the outcomes) */
    public QueueModel(Ports ports, Locale language, Supplier<String> cashier, QueueView view, Executor worker, Executor ui) {
        this.queue = ports.queue();
        this.center = ports.center();
        this.parts = ports.parts();
        this.receipts = ports.receipts();
        this.desk = ports.desk();
        this.cashier = cashier;
        this.view = view;
        this.worker = worker;
        this.ui = ui;
        this.texts = Texts.of(BUNDLE, language);
        this.slip = new DeskSlip(texts.text("slip.none"));
    }

    /**
     * Keeps each re-settlement's journalled receipt in {@code slip} for {@link #printSlip()} and {@link #saveSlip()}
     * (the desktop wires it to the one receipt desk, as the counter's F7/F8). Call once, before the screen is used.
     */
    public QueueModel keepSlipsIn(OutcomeSlip outcomeSlip) {
        slip.keep(outcomeSlip);
        return this;
    }

    /** Reads the figures and the entries (this counter's and, when online, the institution's). */
    public void refresh() {
        run(texts.text("busy.loading"), this::reload);
    }

    /** Shows only OPEN entries, or every entry (settled, rejected and expired ones are kept, never deleted). */
    public void showOnlyOpen(boolean only) {
        onlyOpen = only;
        refresh();
    }

    /** The cashier's "forward now": ends any backoff wait and sends what waits, reporting each answer. */
    public void forwardNow() {
        String by = cashier.get();
        run(texts.text("busy.forwarding"), () -> {
            ForwardProgress end = forward(by);
            ui.execute(() -> view.showForwarding(end));
            reload();
        });
    }

    /** Re-settles the open entry {@code entryNo} with the card the patient presents. */
    public void resettle(String entryNo) {
        Optional<EntryRow> row = entries.stream().filter(e -> e.entryNo().equals(entryNo)).findFirst();
        if (row.isEmpty()) {
            view.showMessage(texts.text("select.entry"));
            return;
        }
        if (!row.get().open()) {
            view.showMessage(texts.text("entry.not_open", entryNo, row.get().stateText()));
            return;
        }
        if (!view.confirmCardInserted(row.get())) {
            return;
        }
        String by = cashier.get();
        run(texts.text("busy.resettling", entryNo), () -> {
            // The account pays its share as of the original date (R11), as much as it allows (the screen has no field
            // for less; the CLI's --account has): the card's PIN is asked when needed (R10).
            ResettleOutcome outcome = desk.settle(entryNo, by, pinFromView(), OptionalLong.empty());
            journal(outcome, by);
            ResettleAnswer answer = answer(outcome);
            ui.execute(() -> view.showResettled(answer));
            reload();
        });
    }

    /** The entries last shown. */
    public List<EntryRow> entries() {
        return entries;
    }

    /** The last outcome's journalled document, kept for the print and save keys. */
    @Override
    public DeskSlip deskSlip() {
        return slip;
    }

    /** Ctrl+P / Ctrl+S: the last re-settlement's journalled receipt printed or saved on the worker. */
    @Override
    public void copySlip(boolean print) {
        slip.copy(print, this::showSlip, copy -> run(texts.text("busy.slip"), () -> {
            OutcomeSlip.Copy c = copy.get();
            ui.execute(() -> showSlip(c));
        }));
    }

    private void showSlip(OutcomeSlip.Copy c) {
        view.showSlip(c.line(), c.problem());
    }

    // ---------------------------------------------------------------- on the worker

    /**
     * Journals the re-settlement's receipt at once, as the CLI does, so {@code medcard receipt list} shows it and
     * {@code reprint N} prints it. A journal failure does not undo the re-settlement: it is logged.
     */
    private void journal(ResettleOutcome outcome, String by) {
        try {
            if (!slip.replace(() -> receipts.document(outcome, by))) {
                receipts.issue(outcome, by);
            }
        } catch (RuntimeException e) {
            LOG.error("The re-settlement receipt of {} could not be journalled: {}", outcome.entryNo(), e.getMessage(), e);
        }
    }

    /** Runs on the worker: hands the PIN question to the UI thread and waits for the cashier. */
    private PinSource pinFromView() {
        return PinSource.retrying(ui, (debitFen, triesLeft) -> view.askPin(pinPrompt(debitFen, triesLeft)));
    }

    /** The PIN dialog's words: the amount the card pays (issue 15) and, after a wrong PIN, the tries left. */
    String pinPrompt(long debitFen, int triesLeft) {
        String prompt = debitFen < 0 ? texts.text("pin.prompt")
                : texts.text("pin.prompt.amount", texts.text("pin.prompt"), Texts.yuan(debitFen));
        return triesLeft > 0 ? texts.text("pin.retry", triesLeft) + " " + prompt : prompt;
    }


    private void run(String what, Runnable work) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        view.showBusy(true, what);
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("Queue screen: {} failed", what, e);
                String msg = texts.text("failed", e.getMessage() == null ? e.toString() : e.getMessage());
                ui.execute(() -> view.showMessage(msg));
            } finally {
                busy.set(false);
                ui.execute(() -> view.showBusy(false, ""));
            }
        });
    }

    private void reload() {
        QueueFigures figures = figures(queue.summary());
        boolean only = onlyOpen;
        List<EntryRow> rows = desk.entries().stream().map(this::row).filter(r -> !only || r.open()).toList();
        entries = rows;
        ui.execute(() -> {
            view.showFigures(figures);
            view.showEntries(rows, only);
        });
    }

    private ForwardProgress forward(String by) {
        if (!center.reachable()) {
            return new ForwardProgress(0, waiting(), true, false, texts.text("forward.no_center"));
        }
        int total = waiting();
        AtomicInteger sent = new AtomicInteger();
        List<ForwardResult> results = center.forwardNow(result -> {
            int n = sent.incrementAndGet();
            int of = Math.max(total, n);
            ForwardProgress p = new ForwardProgress(n, of, false, true, texts.text("forward.progress", n, of));
            ui.execute(() -> view.showForwarding(p));
        });
        queue.expireResettlements();
        boolean lost = !results.isEmpty() && results.get(results.size() - 1).state() == OutboxState.UNKNOWN;
        int left = waiting();
        int n = Math.max(sent.get(), results.size());
        LOG.info("Forward now by {}: {} sent, {} still waiting{}", by, n, left, lost ? ", the center stopped answering" : "");
        if (lost) {
            parts.fault(PartListener.Part.CENTER, "no answer while forwarding");
            return new ForwardProgress(n, Math.max(total, n), true, false, texts.text("forward.no_answer", n, left));
        }
        parts.ok(PartListener.Part.CENTER, "online");
        return new ForwardProgress(n, Math.max(total, n), true, true,
                left == 0 ? texts.text("forward.done", n) : texts.text("forward.done_waiting", n, left));
    }

    /** Messages still to send (an 8301 batch counts once, however many records it carries). */
    private int waiting() {
        return queue.waiting();
    }

    // ---------------------------------------------------------------- texts

    QueueFigures figures(QueueSummary s) {
        // With tamper evidence the stored amounts may be the edited ones: not shown as fact (issue 18, case 4).
        String waiting = s.queuedDebits() == 0 && s.pendingMessages() == 0 ? texts.text("waiting.none")
                : s.forwardingBlocked() ? texts.text("waiting.unverified", s.queuedDebits(), s.pendingMessages())
                : texts.text("waiting.some", s.queuedDebits(), Money.formatYuan(s.queuedDebitFen()),
                        age(s.queuedDebits() == 0 ? Duration.ZERO : s.oldestQueuedAge()), s.pendingMessages());
        String open = s.openResettlements() == 0 ? texts.text("entries.none") : texts.text("entries.some", s.openResettlements());
        Optional<String> warning = s.writesStopped() ? Optional.of(texts.text("warning.stopped"))
                : s.forwardingBlocked() ? Optional.of(texts.text("warning.blocked"))
                : s.rejectedMessages() > 0 ? Optional.of(texts.text("warning.rejected", s.rejectedMessages())) : Optional.empty();
        return new QueueFigures(s, waiting, open, warning);
    }

    /** An age the cashier reads at a glance: minutes, hours and minutes, or days and hours. */
    String age(Duration d) {
        Duration a = d == null || d.isNegative() ? Duration.ZERO : d;
        if (a.toDays() > 0) {
            return texts.text("age.days", a.toDays(), a.toHoursPart());
        }
        if (a.toHours() > 0) {
            return texts.text("age.hours", a.toHours(), a.toMinutesPart());
        }
        return texts.text("age.minutes", a.toMinutes());
    }

    private EntryRow row(EntryView e) {
        String state = e.state().toUpperCase(Locale.ROOT);
        String stateText = switch (state) {
            case "OPEN", "SETTLED", "REJECTED", "EXPIRED" -> texts.text("state." + state);
            default -> state;
        };
        return new EntryRow(e.entryNo(), "OPEN".equals(state), state, stateText, e.originalTime(), IdNumber.mask(e.psnCertNo()),
                e.cashPaidFen(), Money.formatYuan(e.cashPaidFen()), e.local(), e.reason());
    }

    private ResettleAnswer answer(ResettleOutcome o) {
        return switch (o.kind()) {
            case SETTLED -> settled((ResettleOutcome.Settled) o);
            case PENDING -> new ResettleAnswer(o, Optional.empty(), texts.text("resettle.pending"), desk.line(o));
            case INTERRUPTED -> new ResettleAnswer(o, Optional.empty(), texts.text("resettle.interrupted"),
                    texts.text("resettle.interrupted_detail", o.entryNo()));
            case EXPIRED -> new ResettleAnswer(o, Optional.empty(), texts.text("resettle.expired"), desk.line(o));
            case REJECTED -> new ResettleAnswer(o, Optional.empty(), texts.text("resettle.rejected"), desk.line(o));
            case REFUSED -> new ResettleAnswer(o, Optional.empty(), texts.text("resettle.refused"), desk.line(o));
        };
    }

    private ResettleAnswer settled(ResettleOutcome.Settled s) {
        if (s.refundFen() == 0) {
            return new ResettleAnswer(s, Optional.empty(), texts.text("resettle.nothing_back"),
                    texts.text("resettle.nothing_back_detail", s.entryNo()));
        }
        String refund = Money.formatYuan(s.refundFen());
        return new ResettleAnswer(s, Optional.of(refund), texts.text("resettle.hand_back", refund),
                texts.text("resettle.hand_back_detail", s.entryNo(), Money.formatYuan(s.fundFen()), Money.formatYuan(s.accountFen())));
    }
}
