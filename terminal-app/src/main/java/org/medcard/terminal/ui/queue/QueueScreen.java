package org.medcard.terminal.ui.queue;

import java.util.Optional;
import javax.swing.JComponent;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.queue.QueueModel;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.Screen;

/** The faults-and-queue screen of the shell: every signed-in operator may open it. */
public final class QueueScreen implements Screen {

    static final String BUNDLE = "org.medcard.terminal.present.queue.texts";

    private final QueuePanel panel;
    private final QueueModel model;
    private final Texts texts;

    private QueueScreen(QueuePanel panel, QueueModel model, Texts texts) {
        this.panel = panel;
        this.model = model;
        this.texts = texts;
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}. */
    public static Optional<Screen> create(AppContext ctx) {
        Texts texts = ctx.texts(BUNDLE);
        QueuePanel panel = new QueuePanel(texts, ctx.shell());
        var t = ctx.terminal();
        QueueModel model = new QueueModel(TerminalQueuePorts.of(t), t.language(), ctx.operatorName(), panel, ctx.worker(), ctx.ui());
        // Issue 15: the re-settlement's receipt kept for print / save through the one desk, as the counter's receipts.
        model.keepSlipsIn(new org.medcard.terminal.present.outcome.OutcomeSlip(new org.medcard.terminal.present.counter.DeskReceiptOutput(
                t.receipts(), t.config().dataDir().resolve("receipts")), ctx.locale()));
        panel.attach(model);
        return Optional.of(new QueueScreen(panel, model, texts));
    }

    @Override
    public String id() {
        return "queue";
    }

    @Override
    public String title() {
        return texts.text("ui.title");
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public void shown() {
        panel.focusTable();
        model.refresh();
    }

    @Override
    public void focusMain() {
        panel.focusTable();
    }

    /** The previous cashier's receipt is not the next one's to print (issue 15). */
    @Override
    public void signedOut() {
        model.signedOut();
        panel.signedOut();
    }

    public QueueModel model() {
        return model;
    }
}
