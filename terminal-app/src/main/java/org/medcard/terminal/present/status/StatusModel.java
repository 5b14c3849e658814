package org.medcard.terminal.present.status;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.medcard.queue.QueueSummary;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.status.TerminalState;
import org.medcard.terminal.text.Texts;

/**
 * Reads the terminal's state and the queue's summary on the worker (the queue is a SQLite file: no I/O on the UI
 * thread) and shows them on the UI thread. {@link #refresh()} may be called from any thread, e.g. a timer every
 * half second and every part change. The worker should be the status bar's own, not the reader's: a long card or
 * center exchange on the reader's worker would hold the bar back (issue 15).
 */
public final class StatusModel {

    public static final String BUNDLE = "org.medcard.terminal.present.status.status";

    private final Supplier<TerminalState> state;
    private final Supplier<QueueSummary> queue;
    private final Executor worker;
    private final Executor ui;
    private final StatusView view;
    private final Texts texts;
    private final AtomicReference<StatusSnapshot> last = new AtomicReference<>();
    /** A read is waiting on the worker: a burst of part changes makes one read, not one each. */
    private final AtomicBoolean pending = new AtomicBoolean();

    public StatusModel(Supplier<TerminalState> state, Supplier<QueueSummary> queue, Executor worker, Executor ui,
                       StatusView view, Texts texts) {
        this.state = Objects.requireNonNull(state);
        this.queue = Objects.requireNonNull(queue);
        this.worker = worker;
        this.ui = ui;
        this.view = view;
        this.texts = texts;
    }

    /** Reads on the worker, shows on the UI thread; a refresh asked while one waits to start is the same one. */
    public void refresh() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                pending.set(false); // a change from now on reads again
                StatusSnapshot s = snapshot(state.get(), queue.get());
                last.set(s);
                ui.execute(() -> view.show(s));
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.set(false); // the app is closing: nothing to show any more
        }
    }

    /** The last snapshot read, or null before the first refresh. */
    public StatusSnapshot last() {
        return last.get();
    }

    StatusSnapshot snapshot(TerminalState t, QueueSummary q) {
        return new StatusSnapshot(part("reader", t.reader()), part("psam", t.psam()), card(t.card()),
                part("center", t.center()), queue(q), t.trainingMode());
    }

    private PartLine part(String name, PartState s) {
        return switch (s.health()) {
            case OK -> new PartLine(texts.text(name), Light.GREEN, texts.text("word.ok"), s.reason());
            case FAULT -> fault(name, s);
            case NONE -> new PartLine(texts.text(name), Light.AMBER, texts.text("word.waiting"), s.reason());
        };
    }

    /** No card in the slot is normal at a counter: amber "No card", not a fault. */
    private PartLine card(PartState s) {
        return switch (s.health()) {
            case OK -> new PartLine(texts.text("card"), Light.GREEN, texts.text("word.card_in"), s.reason());
            case FAULT -> fault("card", s);
            case NONE -> new PartLine(texts.text("card"), Light.AMBER, texts.text("word.no_card"), s.reason());
        };
    }

    /**
     * A fault by its name in the terminal's language ("读卡器: 未连接"), never the bare word "fault" (issue 14/15); the
     * detail starts with the fault's full name, then what the part reported.
     */
    private PartLine fault(String name, PartState s) {
        String full = texts.text("fault." + name);
        String detail = s.reason().isEmpty() ? full : full + " \u2014 " + s.reason();
        return new PartLine(texts.text(name), Light.RED, texts.text("word.fault." + name), detail);
    }

    private QueueLine queue(QueueSummary q) {
        long records = q.queuedDebits() + q.pendingMessages();
        Light light = q.forwardingBlocked() || q.writesStopped() ? Light.RED : records > 0 ? Light.AMBER : Light.GREEN;
        String text;
        if (q.writesStopped()) {
            text = texts.text("queue.writes_stopped");
        } else if (q.forwardingBlocked()) {
            text = texts.text("queue.blocked", records);
        } else if (records == 0) {
            text = texts.text("queue.empty");
        } else {
            text = texts.text("queue.waiting", records, Texts.yuan(q.queuedDebitFen()), age(q.oldestQueuedAge()));
        }
        if (q.openResettlements() > 0) {
            text = text + " · " + texts.text("queue.open_entries", q.openResettlements());
        }
        return new QueueLine(records, q.queuedDebitFen(), q.oldestQueuedAge(), q.openResettlements(), light, text);
    }

    /** 45 s, 12 min, 3 h 05 min, 2 d 4 h: what a cashier reads at a glance. */
    String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return texts.text("age.seconds", s);
        }
        if (s < 3600) {
            return texts.text("age.minutes", s / 60);
        }
        if (s < 86_400) {
            return texts.text("age.hours", s / 3600, String.format(java.util.Locale.ROOT, "%02d", (s % 3600) / 60));
        }
        return texts.text("age.days", s / 86_400, (s % 86_400) / 3600);
    }
}
