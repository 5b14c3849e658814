package org.medcard.terminal.ui.counter;

import java.util.Optional;
import java.util.Set;

import org.medcard.terminal.operator.Role;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.counter.CounterModel;
import org.medcard.terminal.present.counter.DeskReceiptOutput;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.PanelScreen;
import org.medcard.terminal.ui.shell.Screen;
import org.slf4j.LoggerFactory;

/** The pharmacy counter as a screen of the shell (on pharmacy terminals; hospitals sell at their pharmacy too). */
public final class CounterScreen extends PanelScreen<CounterPanel, CounterModel> {

    private CounterScreen(CounterPanel panel, CounterModel model, Texts texts) {
        super("counter", texts.text("title"), Set.of(Role.CASHIER), panel, model);
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}. */
    public static Optional<Screen> create(AppContext ctx) {
        Texts texts = ctx.texts(CounterModel.BUNDLE);
        CounterPanel panel = new CounterPanel(texts, ctx.fonts(), ctx.shell());
        // The terminal's one receipt desk: the journal, printer and paper the CLI uses too.
        DeskReceiptOutput receipts = ctx.receiptOutput();
        warmUpInBackground(receipts);
        // The card panel shows the app's one card watch, shared with the registration desk (issue 15); the app polls it.
        CounterModel model = new CounterModel(TerminalCounterPorts.of(ctx.terminal(), receipts), ctx.cards(),
                ctx.worker(), ctx.ui(), panel, texts, ctx.operatorName());
        panel.attach(model);
        return Optional.of(new CounterScreen(panel, model, texts));
    }

    /**
     * The first receipt of a process would otherwise pay for loading PDFBox and parsing the font (about 0.8 s):
     * done now, behind the sign-in screen, on a low-priority thread of its own (docs/performance.md, Receipts).
     */
    private static void warmUpInBackground(DeskReceiptOutput receipts) {
        Thread t = new Thread(() -> {
            try {
                receipts.warmUp();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(CounterScreen.class).warn("Receipt warm-up failed (the first receipt parses the font): {}",
                        e.getMessage());
            }
        }, "receipt-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    @Override
    public void shown() {
        panel().focusCode();
    }

    @Override
    public void typedAhead(org.medcard.terminal.present.KeyBuffer.Typed typed) {
        panel().typedAhead(typed);
    }

    @Override
    public void focusMain() {
        panel().focusCode();
    }

    @Override
    public void signedOut() {
        model().signedOut();
    }
}
