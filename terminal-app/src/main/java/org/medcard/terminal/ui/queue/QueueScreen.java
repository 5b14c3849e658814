package org.medcard.terminal.ui.queue;

import java.util.Optional;
import java.util.Set;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.queue.QueueModel;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.PanelScreen;
import org.medcard.terminal.ui.shell.Screen;

/** The faults-and-queue screen of the shell: every signed-in operator may open it. */
public final class QueueScreen extends PanelScreen<QueuePanel, QueueModel> {

    static final String BUNDLE = "org.medcard.terminal.present.queue.texts";

    private QueueScreen(QueuePanel panel, QueueModel model, Texts texts) {
        super("queue", texts.text("ui.title"), Set.of(), panel, model);
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}. */
    public static Optional<Screen> create(AppContext ctx) {
        Texts texts = ctx.texts(BUNDLE);
        QueuePanel panel = new QueuePanel(texts, ctx.shell());
        var t = ctx.terminal();
        QueueModel model = new QueueModel(TerminalQueuePorts.of(t), t.language(), ctx.operatorName(), panel, ctx.worker(), ctx.ui());
        // Issue 15: the re-settlement's receipt kept for print / save through the one desk, as the counter's receipts.
        model.keepSlipsIn(ctx.outcomeSlip());
        panel.attach(model);
        return Optional.of(new QueueScreen(panel, model, texts));
    }

    @Override
    public void shown() {
        panel().focusTable();
        model().refresh();
    }

    @Override
    public void focusMain() {
        panel().focusTable();
    }

    /** The previous cashier's receipt is not the next one's to print (issue 15). */
    @Override
    public void signedOut() {
        model().signedOut();
        panel().signedOut();
    }
}
