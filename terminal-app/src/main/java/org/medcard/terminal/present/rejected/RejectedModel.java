package org.medcard.terminal.present.rejected;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.rejected.RejectedDesk;
import org.medcard.terminal.rejected.RejectedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages the center rejected, for the signed-in supervisor: each with its reason and what was done about it (the
 * automatic reversal and the refund to the card, a resend, a note), and the three actions — resend, reverse, mark
 * handled with a note — each audited under the supervisor's name by {@link RejectedDesk}.
 *
 * <p>Threads: public methods on the UI thread; the queue is read and written on {@code worker}, the view is called
 * on {@code ui}. One action at a time: a request while one runs is ignored (the view greys its keys).
 */
public final class RejectedModel {
    /** The strings of this screen and of {@code medcard queue rejected}, English and Simplified Chinese. */
    public static final String BUNDLE = "org.medcard.terminal.present.rejected.texts";
    private static final Logger LOG = LoggerFactory.getLogger(RejectedModel.class);

    private final RejectedDesk desk;
    private final Supplier<String> supervisor;
    private final RejectedView view;
    private final Texts texts;
    private final Executor worker;
    private final Executor ui;
    private final AtomicBoolean busy = new AtomicBoolean();

    public RejectedModel(RejectedDesk desk, Supplier<String> supervisor, Locale locale, RejectedView view, Executor worker,
                         Executor ui) {
        this.desk = desk;
        this.supervisor = supervisor;
        this.view = view;
        this.texts = Texts.of(BUNDLE, locale);
        this.worker = worker;
        this.ui = ui;
    }

    public void refresh() {
        run(() -> answer(desk.list(), texts, null));
    }

    /** Resends {@code msgid} (null: nothing chosen) under a new msgid; the note is optional. */
    public void resend(String msgid, String note) {
        act(msgid, RejectedDesk.Action.RESEND, note);
    }

    /** Reverses {@code msgid} (2601); the note is optional. */
    public void reverse(String msgid, String note) {
        act(msgid, RejectedDesk.Action.REVERSE, note);
    }

    /** Marks {@code msgid} handled; the note is required. */
    public void markHandled(String msgid, String note) {
        if (msgid != null && (note == null || note.isBlank())) {
            view.showMessage(texts.text("rejected.note_needed"));
            return;
        }
        act(msgid, RejectedDesk.Action.HANDLED, note);
    }

    private void act(String msgid, RejectedDesk.Action action, String note) {
        if (msgid == null) {
            view.showMessage(texts.text("rejected.pick"));
            return;
        }
        String by = supervisor.get();
        run(() -> {
            RejectedDesk.Resolved r = desk.resolve(msgid, action, by, note);
            return answer(desk.list(), texts, done(texts, r));
        });
    }

    /** What an action did, in the terminal's language (the CLI prints the same line). */
    public static String done(Texts texts, RejectedDesk.Resolved r) {
        return texts.text("rejected.done." + r.action().name(), r.item().msgid(), r.newMsgid());
    }

    private void run(Supplier<RejectedAnswer> work) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        view.showBusy(true, texts.text("rejected.busy"));
        worker.execute(() -> {
            try {
                RejectedAnswer a = work.get();
                ui.execute(() -> view.showRejected(a));
            } catch (IllegalArgumentException e) {
                ui.execute(() -> view.showMessage(texts.text("rejected.refused", e.getMessage())));
            } catch (RuntimeException e) {
                LOG.error("Rejected messages: the action failed", e);
                String msg = texts.text("rejected.failed", e.getMessage() == null ? e.toString() : e.getMessage());
                ui.execute(() -> view.showMessage(msg));
            } finally {
                busy.set(false);
                ui.execute(() -> view.showBusy(false, ""));
            }
        });
    }

    /** The list as the screen and the CLI show it. */
    public static RejectedAnswer answer(List<RejectedItem> items, Texts texts, String message) {
        long open = items.stream().filter(RejectedItem::needsSupervisor).count();
        String headline = items.isEmpty() ? texts.text("rejected.none")
                : open > 0 ? texts.text("rejected.headline", items.size(), open)
                : texts.text("rejected.headline.done", items.size());
        List<RejectedRow> rows = items.stream().map(i -> new RejectedRow(i.msgid(), line(texts, i), reason(texts, i), resolution(texts, i),
                i.needsSupervisor(), i.canResend(), i.canReverse(), i.canMarkHandled())).toList();
        return new RejectedAnswer(headline, open > 0, rows, message);
    }

    public static String line(Texts texts, RejectedItem i) {
        return texts.text("rejected.line", i.at(), i.infno(), i.msgid(), i.card() == null ? texts.text("rejected.nocard") : i.card());
    }

    public static String reason(Texts texts, RejectedItem i) {
        return texts.text("rejected.reason", String.valueOf(i.infcode()), i.reason());
    }

    public static String resolution(Texts texts, RejectedItem i) {
        String key = "rejected.resolution." + i.resolution().name();
        return switch (i.resolution()) {
            case REVERSAL_QUEUED -> texts.text(key, i.resolvedBy(), Texts.yuan(i.cardDebitFen()));
            case REFUND_PENDING, REFUND_CREDITED -> texts.text(key, Texts.yuan(i.cardDebitFen()), i.refundLoadId());
            case RESENT -> texts.text(key, i.resolvedBy(), i.resentAs());
            case HANDLED -> texts.text(key, i.resolvedBy(), i.note() == null ? "" : i.note());
            default -> texts.text(key);
        };
    }
}
