package org.medcard.terminal.ui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.swing.SwingUtilities;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.TrainingOperators;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.present.signin.SignInModel;
import org.medcard.terminal.present.status.StatusModel;
import org.medcard.terminal.present.status.SyncModel;
import org.medcard.terminal.receipt.pdf.FontCache;
import org.medcard.terminal.ui.shell.AppContext;
import org.medcard.terminal.ui.shell.Keys;
import org.medcard.terminal.ui.shell.ScreenFactory;
import org.medcard.terminal.ui.counter.TerminalCounterPorts;
import org.medcard.terminal.present.counter.CardWatch;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;
import org.medcard.terminal.ui.signin.SignInPanel;
import org.medcard.terminal.ui.status.StatusBar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's composition: from an opened {@link Terminal} it makes the reader's worker thread, the
 * operators (seeding the training accounts in TRAINING MODE), the theme, the shell with the sign-in panel and
 * every screen of {@link Screens}, and the periodic work (status bar every second, card slot every 300 ms).
 * The launcher shows the window with the sign-in panel first ({@link #showWindow}) and opens the terminal behind
 * it ({@link #bind}, {@link #attach}); tests that already hold a terminal call {@link #open()}.
 * {@link #close()} stops the worker and closes the terminal.
 */
public final class DesktopApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    public static final String SHELL_BUNDLE = "org.medcard.terminal.ui.shell";
    /** Half a second: with the center watch's half-second look, a change shows within 2 s (issue 15). */
    static final long STATUS_PERIOD_MS = 500;
    /** How often the card slot is looked at (polled readers; PC/SC readers also report cards as events). */
    static final long CARD_POLL_MS = 300;
    static final long CARD_PERIOD_MS = 300;

    private volatile Terminal terminal;
    private final ScheduledExecutorService worker;
    /**
     * The status bar's own thread: it reads the parts' states and the queue's summary, so a long card or center
     * exchange on the reader's worker never holds the bar back (issue 15); the bar itself is drawn on the EDT.
     */
    private final ScheduledExecutorService statusWorker;
    private volatile Operators operators;
    private final UiFonts fonts;
    private final Theme theme;
    private MainWindow window;
    private SignInPanel signIn;
    private StatusBar bar;
    private StatusModel status;
    private AutoCloseable partChanges;
    private volatile long signInReadyMillis = -1;

    /**
     * @param terminal the opened terminal; the app owns it from now on and closes it in {@link #close()}
     */
    public DesktopApp(Terminal terminal, UiFonts fonts, Theme theme) {
        this(fonts, theme);
        bind(terminal);
    }

    /** An app whose terminal is opened behind its window: {@link #showWindow}, then {@link #bind}, then {@link #attach}. */
    public DesktopApp(UiFonts fonts, Theme theme) {
        this.fonts = fonts;
        this.theme = theme;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reader-worker");
            t.setDaemon(true);
            return t;
        });
        this.statusWorker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "status-bar");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes the opened terminal (the app owns and closes it from now on): the operators, and in TRAINING MODE
     * the training accounts seeded first on the worker.
     */
    public void bind(Terminal terminal) {
        this.terminal = terminal;
        this.operators = terminal.operators();
        if (terminal.config().trainingMode()) {
            // First on the worker, so the window shows meanwhile (three PBKDF2 hashes take a while) and every
            // sign-in, which runs on the same single worker thread, comes after it.
            worker.execute(() -> {
                if (TrainingOperators.seedIfEmpty(operators)) {
                    LOG.warn("TRAINING MODE: training operators created (cashier, supervisor, technician)");
                }
            });
        }
    }

    /** Builds and shows the window with the terminal already bound; call on the event thread after {@link Theme#install()}. */
    public MainWindow open() {
        showWindow(terminal.config().language(), terminal.config().trainingMode());
        attach();
        return window;
    }

    /**
     * The window with the sign-in screen, shown at once and taking keys (issue 17): the terminal may still be
     * opening behind it, which the status bar says. Call on the event thread after {@link Theme#install()}.
     */
    public MainWindow showWindow(java.util.Locale language, boolean trainingMode) {
        Texts shellTexts = Texts.of(SHELL_BUNDLE, language);
        Texts statusTexts = Texts.of(StatusModel.BUNDLE, language);
        bar = new StatusBar();
        MainWindow[] holder = new MainWindow[1];
        signIn = new SignInPanel(Texts.of(SignInModel.BUNDLE, language), op -> holder[0].signedIn(op));
        window = new MainWindow(shellTexts, theme, trainingMode, statusTexts.text("training"), bar, signIn);
        holder[0] = window;
        window.frame().addWindowListener(new java.awt.event.WindowAdapter() {
            @Override
            public void windowClosed(java.awt.event.WindowEvent e) {
                close();
            }
        });
        if (terminal == null) {
            bar.progress(statusTexts.text("starting"));
        }
        window.frame().setLocationRelativeTo(null);
        window.frame().setVisible(true);
        signIn.reset();
        signInReadyMillis = System.currentTimeMillis();
        LOG.info("Sign-in screen ready {} ms after the process started",
                signInReadyMillis - ManagementFactory.getRuntimeMXBean().getStartTime());
        return window;
    }

    /** Connects the shown window to the bound terminal: sign-in, every screen, sync and the status bar (event thread). */
    public void attach() {
        Executor ui = SwingUtilities::invokeLater;
        Texts statusTexts = Texts.of(StatusModel.BUNDLE, terminal.language());
        bar.progress(null); // the "starting" line, if the terminal opened behind the window
        signIn.attach(new SignInModel(operators, terminal.config().trainingMode(), terminal.clock().getZone(), worker, ui,
                signIn, Texts.of(SignInModel.BUNDLE, terminal.language())));
        CardWatch cards = TerminalCounterPorts.cardWatch(terminal, worker, ui);
        AppContext context = new AppContext(terminal, operators, worker, ui, worker, window, fonts, cards);
        for (ScreenFactory f : Screens.all()) {
            f.create(context).ifPresent(window::add);
        }
        // One watch for every desk's card panel, polled once every desk listens. PC/SC readers also report cards as
        // events (SCardGetStatusChange): look at once, not at the next tick.
        worker.scheduleWithFixedDelay(cards::poll, 0, CARD_POLL_MS, TimeUnit.MILLISECONDS);
        terminal.devices().addListener(e -> cards.poll());
        terminal.devices().watchReaders();
        SyncModel sync = new SyncModel(terminal.downloads(), terminal::onlineCenter, terminal.parts(), worker, ui, bar, statusTexts);
        Keys.bindWindow((javax.swing.JComponent) window.frame().getContentPane(), "ctrl R", sync::sync);
        status = new StatusModel(terminal::state, () -> terminal.queue().summary(), statusWorker, ui, bar, statusTexts);
        status.refresh();
        worker.execute(() -> { // the receipt font, parsed off the event thread: red on the bar when Chinese will not print
            FontCache receiptFonts = terminal.receiptFonts();
            String line = receiptFonts.receiptFontLine();
            ui.execute(() -> bar.receiptFont(receiptFonts.isCjk() ? null : statusTexts.text("receipt.font.none"), line));
        });
        partChanges = terminal.onPartChange(status::refresh); // a reader, PSAM, card or center change shows at once
        statusWorker.scheduleWithFixedDelay(status::refresh, STATUS_PERIOD_MS, STATUS_PERIOD_MS, TimeUnit.MILLISECONDS);
        LOG.info("Terminal attached to the window {} ms after the process started",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** When the sign-in screen became visible (epoch ms), or -1. */
    public long signInReadyMillis() {
        return signInReadyMillis;
    }

    public ScheduledExecutorService worker() {
        return worker;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Operators operators() {
        return operators;
    }

    public MainWindow window() {
        return window;
    }

    @Override
    public synchronized void close() {
        if (worker.isShutdown()) {
            return;
        }
        if (partChanges != null) {
            try {
                partChanges.close();
            } catch (Exception e) {
                LOG.debug("part-change listener: {}", e.toString());
            }
        }
        statusWorker.shutdown(); // its timer stops; a read under way ends before the terminal closes
        worker.shutdown();
        try {
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("The reader worker did not stop within 10 s");
                worker.shutdownNow();
            }
            if (!statusWorker.awaitTermination(2, TimeUnit.SECONDS)) {
                statusWorker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal != null) {
            terminal.close();
        }
        if (window != null) {
            SwingUtilities.invokeLater(() -> window.frame().dispose());
        }
    }
}
