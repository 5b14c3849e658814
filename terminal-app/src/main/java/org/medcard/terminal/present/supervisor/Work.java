package org.medcard.terminal.present.supervisor;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.medcard.terminal.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervisor action at a time, off the UI thread: marks the view busy, runs the work on {@code worker},
 * hands the result to {@code done} on {@code ui}. A request while busy is ignored (the view greys its keys).
 * A failure (a refused operator name, a storage error) becomes a message instead of a frozen screen.
 */
final class Work {

    /** The supervisor screens' strings ({@code texts.properties}, English and Simplified Chinese). */
    static final String BUNDLE = "org.medcard.terminal.present.supervisor.texts";
    private static final Logger LOG = LoggerFactory.getLogger(Work.class);

    /** What every supervisor view can show while working. */
    interface Busy {
        void showBusy(boolean busy, String what);

        void showMessage(String message);
    }

    private final Busy view;
    private final Executor worker;
    private final Executor ui;
    private final Texts texts;
    private final AtomicBoolean busy = new AtomicBoolean();

    Work(Busy view, Executor worker, Executor ui, Texts texts) {
        this.view = view;
        this.worker = worker;
        this.ui = ui;
        this.texts = texts;
    }

    <T> void run(String what, Supplier<T> work, Consumer<T> done) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        view.showBusy(true, what);
        worker.execute(() -> {
            try {
                T result = work.get();
                ui.execute(() -> done.accept(result));
            } catch (IllegalArgumentException e) {
                ui.execute(() -> view.showMessage(texts.text("refused", e.getMessage())));
            } catch (RuntimeException e) {
                LOG.error("Supervisor screen: {} failed", what, e);
                String msg = texts.text("failed", e.getMessage() == null ? e.toString() : e.getMessage());
                ui.execute(() -> view.showMessage(msg));
            } finally {
                busy.set(false);
                ui.execute(() -> view.showBusy(false, ""));
            }
        });
    }
}
