package org.medcard.terminal.ui.supervisor;

import java.util.Optional;
import java.util.Set;

import javax.swing.JComponent;

import org.medcard.terminal.present.supervisor.ReceiptCopies;
import org.medcard.terminal.present.supervisor.ReprintModel;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.PanelScreen;
import org.medcard.terminal.ui.shell.Screen;
import org.medcard.terminal.ui.shell.Shell;

/**
 * Reprint: any journalled receipt found and printed or saved again. For every signed-in operator: a cashier
 * reprints for the patient at the counter (F11 on any screen opens this one).
 */
public final class ReprintScreen extends PanelScreen<ReprintPanel, ReprintModel> {

    /** The screen's id, for {@link Shell#show}. */
    public static final String ID = "reprint";

    private ReprintScreen(ReprintPanel panel, ReprintModel model, Texts texts) {
        super(ID, texts.text("title"), Set.of(), panel, model);
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}. */
    public static Optional<Screen> create(AppContext ctx) {
        Texts texts = ctx.texts(ReprintModel.BUNDLE);
        ReprintPanel panel = new ReprintPanel(texts, ctx.shell());
        ReceiptCopies copies = new ReceiptCopies(ctx.terminal().receipts(), ctx.receiptsDir());
        ReprintModel model = new ReprintModel(copies, ctx.terminal().clock(), ctx.locale(), panel, ctx.worker(), ctx.ui());
        panel.attach(model);
        // F11 from any screen (the counter's cashier above all), listed in the shell's keys line.
        Keys.bindWindow((JComponent) ctx.shell().frame().getContentPane(), "F11", () -> ctx.shell().show(ID));
        return Optional.of(new ReprintScreen(panel, model, texts));
    }

    @Override
    public void shown() {
        panel().showToday();
    }

    @Override
    public void signedOut() {
        panel().clear();
    }
}
