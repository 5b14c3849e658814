package org.medcard.terminal.ui.counter;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.swing.JComponent;

import org.medcard.terminal.operator.Role;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.counter.CounterModel;
import org.medcard.terminal.present.counter.DeskReceiptOutput;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.Screen;
import org.slf4j.LoggerFactory;

/** The pharmacy counter as a screen of the shell (on pharmacy terminals; hospitals sell at their pharmacy too). */
public final class CounterScreen implements Screen {

    static final long CARD_POLL_MS = 300;

    private final CounterPanel panel;
    private final CounterModel model;
    private final Texts texts;

    private CounterScreen(CounterPanel panel, CounterModel model, Texts texts) {
        this.panel = panel;
        this.model = model;
        this.texts = texts;
    }

    /** The factory listed in {@link org.medcard.terminal.ui.Screens}. */
    public static Optional<Screen> create(AppContext ctx) {
        Texts texts = ctx.texts(CounterModel.BUNDLE);
        CounterPanel panel = new CounterPanel(texts, ctx.fonts(), ctx.shell());
        // The terminal's one receipt desk: the journal, printer and paper the CLI uses too.
        DeskReceiptOutput receipts = new DeskReceiptOutput(ctx.terminal().receipts(), ctx.terminal().config().dataDir().resolve("receipts"));
        warmUpInBackground(receipts);
        CounterModel model = new CounterModel(TerminalCounterPorts.of(ctx.terminal(), receipts),
                ctx.worker(), ctx.ui(), panel, texts, ctx.operatorName());
        panel.attach(model);
        ctx.ticker().scheduleWithFixedDelay(model::pollCard, 0, CARD_POLL_MS, TimeUnit.MILLISECONDS);
        // PC/SC readers also report cards as events (SCardGetStatusChange): look at once, not at the next tick.
        ctx.terminal().devices().addListener(e -> model.pollCard());
        ctx.terminal().devices().watchReaders();
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
    public String id() {
        return "counter";
    }

    @Override
    public String title() {
        return texts.text("title");
    }

    @Override
    public JComponent component() {
        return panel;
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.CASHIER);
    }

    @Override
    public void shown() {
        panel.focusCode();
    }

    @Override
    public void typedAhead(org.medcard.terminal.present.KeyBuffer.Typed typed) {
        panel.typedAhead(typed);
    }

    @Override
    public void focusMain() {
        panel.focusCode();
    }

    @Override
    public void signedOut() {
        model.signedOut();
    }

    public CounterModel model() {
        return model;
    }
}
