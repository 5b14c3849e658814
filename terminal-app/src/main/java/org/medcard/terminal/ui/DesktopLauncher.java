package org.medcard.terminal.ui;

import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CountDownLatch;

import javax.swing.SwingUtilities;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.config.ConfigException;
import org.medcard.terminal.config.ConfigLoader;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * Starts the desktop app from {@code medcard-terminal.jar} with no command: loads the configuration (none: TRAINING
 * MODE with the simulator, as the terminal core decides), installs the theme, shows the window with the sign-in
 * screen, and opens the {@link Terminal} behind it, off the event thread. Returns when the window is closed.
 */
public final class DesktopLauncher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DesktopLauncher.class);

    private DesktopLauncher() {
    }

    /** Whether a display can be used: not headless and, on X11 systems, DISPLAY set. */
    public static boolean displayAvailable() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
    }

    /** Runs the app until its window closes; returns the process exit code. */
    public static int run(TerminalEnvironment env, PrintWriter err) {
        java.nio.file.Path file = env.defaultDataDir().resolve("medcard.properties");
        return run(env, err, () -> new ConfigLoader(env.defaultDataDir()).load(file, java.util.Map.of()), file);
    }

    /**
     * Runs the app with the configuration the start's global options chose ({@code medcard --config FILE
     * --reader R}); returns the process exit code.
     *
     * @param configuration loads and validates it (throws {@link ConfigException})
     * @param configFile    the file it was read from, for the data folder's purpose check
     */
    public static int run(TerminalEnvironment env, PrintWriter err, java.util.function.Supplier<ConfigLoader.Loaded> configuration,
                          java.nio.file.Path configFile) {
        ConfigLoader.Loaded loaded;
        try {
            loaded = configuration.get();
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 1;
        }
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        TerminalConfig config = loaded.config();
        try {
            org.medcard.terminal.config.DataFolderPurpose.check(config, configFile);
        } catch (org.medcard.terminal.config.DataFolderPurpose.Refused e) {
            err.println(e.getMessage());
            // The desktop user has no console: the reason and the next step in a dialog too.
            try {
                SwingUtilities.invokeAndWait(() -> javax.swing.JOptionPane.showMessageDialog(null, e.getMessage(),
                        "MedCard Terminal", javax.swing.JOptionPane.ERROR_MESSAGE));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (InvocationTargetException ignored) {
                // already on stderr
            }
            return 1;
        }
        UiFonts fonts = UiFonts.discover();
        Theme theme = new Theme(fonts, false, UiFonts.BASE_SIZE);
        try {
            SwingUtilities.invokeAndWait(theme::install);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (InvocationTargetException e) {
            err.println("The look and feel could not be installed: " + e.getCause());
            return 1;
        }
        // The window first, taking keys at once; the terminal (databases, embedded center, sign-in with the center,
        // catalog and blacklist downloads, training cards) opens behind it on this thread (issue 17).
        DesktopApp app = new DesktopApp(fonts, theme);
        CountDownLatch closed = new CountDownLatch(1);
        try {
            SwingUtilities.invokeAndWait(() -> app.showWindow(config.language(), config.trainingMode()).frame()
                    .addWindowListener(new java.awt.event.WindowAdapter() {
                        @Override
                        public void windowClosed(java.awt.event.WindowEvent e) {
                            closed.countDown();
                        }
                    }));
            Terminal terminal;
            try {
                terminal = new Terminal(config, env.clock(), new Terminal.Options(false, true, stationOperator(config)));
            } catch (RuntimeException e) {
                String line = whyNotOpened(e, config.dataDir(), config.language());
                LOG.error("{}", line, e); // the trace in the log only
                err.println(line);
                // The desktop user has no console: the reason and the next step in a dialog, then the window goes.
                SwingUtilities.invokeAndWait(() -> javax.swing.JOptionPane.showMessageDialog(app.window() == null ? null : app.window().frame(), line,
                        "MedCard Terminal", javax.swing.JOptionPane.ERROR_MESSAGE));
                app.close();
                return 1;
            }
            app.bind(terminal);
            if (closed.getCount() == 0) {
                app.close(); // the window was closed while the terminal opened
                return 0;
            }
            SwingUtilities.invokeAndWait(app::attach);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
            return 1;
        } catch (InvocationTargetException e) {
            err.println("The window could not be built: " + e.getCause());
            app.close();
            return 1;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.close();
        return 0;
    }

    /**
     * Why the terminal behind the window could not be opened, as one line with the next step (issue 15): a second
     * start on a data folder the app (or a command) already has open is told so, never a stack trace.
     */
    public static String whyNotOpened(RuntimeException e, java.nio.file.Path dataDir, java.util.Locale language) {
        org.medcard.terminal.text.Texts texts = org.medcard.terminal.text.Texts.of(DesktopApp.SHELL_BUNDLE, language);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.medcard.queue.QueueStoreException q && q.reason() == org.medcard.queue.QueueStoreException.Reason.LOCKED) {
                return texts.text("start.already_running", dataDir.toAbsolutePath().toString());
            }
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("").trim();
        return texts.text("start.not_opened", m, dataDir.resolve("logs").toAbsolutePath().toString());
    }

    /**
     * The name the terminal signs in to the center with (9001 {@code opter}) at start, before any operator has
     * signed in locally: the station account {@code T<terminal number>}. Each sale still records the signed-in
     * operator as its cashier (receipts, re-settlement entries, audit log). See docs/decisions.md.
     */
    public static String stationOperator(TerminalConfig config) {
        return "T" + config.terminalNumber();
    }
}
