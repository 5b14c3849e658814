package org.medcard.terminal.ui.queue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.text.JTextComponent;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.fixture.FrameFixture;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.ui.DesktopApp;
import org.medcard.terminal.ui.DesktopLauncher;
import org.medcard.terminal.ui.MainWindow;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;
import org.medcard.testsupport.SystemParts;

/**
 * Test helper for the GUI tests of the registration desk, queue and supervisor screens, like {@code ui.GuiApp} but
 * around a terminal the test configures (offline start, CASH_RESETTLE, HOSPITAL): the real desktop app
 * ({@link DesktopApp}: FlatLaf, fonts, every screen) around a given terminal, driven by AssertJ Swing's robot
 * with the keyboard. Needs a display: the tests use {@code ui.XvfbDisplay} (failsafe's DISPLAY, Xvfb started when
 * nothing serves it) or {@code xvfb-run -a}; without one the test is skipped, or fails when
 * {@code -Dmedcard.requireSystemParts=true}. With {@code -Dmedcard.screenshotDir=DIR} (the property ui.GuiApp uses too) it writes PNGs of the
 * window there (docs/images is made that way).
 */
public final class DesktopRig implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Robot robot;
    private final DesktopApp app;
    private final FrameFixture window;

    private DesktopRig(Robot robot, DesktopApp app, FrameFixture window) {
        this.robot = robot;
        this.app = app;
        this.window = window;
    }

    public static void needDisplay() {
        SystemParts.need(DesktopLauncher.displayAvailable(), "a display (X11 or Xvfb)",
                "run the build under xvfb-run -a -s '-screen 0 1280x1024x24'; Debian package xvfb");
    }

    /** Opens the app around {@code terminal} (the app closes the terminal when the rig is closed). */
    public static DesktopRig open(Terminal terminal) {
        return open(terminal, false);
    }

    /** As {@link #open(Terminal)}, in the dark theme when {@code dark} (the guide's pictures). */
    public static DesktopRig open(Terminal terminal, boolean dark) {
        Robot robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(30);
        UiFonts fonts = UiFonts.discover();
        Theme theme = new Theme(fonts, dark, UiFonts.BASE_SIZE);
        GuiActionRunner.execute(theme::install);
        DesktopApp app = new DesktopApp(terminal, fonts, theme);
        MainWindow w = GuiActionRunner.execute(app::open);
        FrameFixture f = new FrameFixture(robot, w.frame());
        return new DesktopRig(robot, app, f);
    }

    public FrameFixture window() {
        return window;
    }

    public Terminal terminal() {
        return app.terminal();
    }

    public MainWindow shell() {
        return app.window();
    }

    public void signIn(String name, String password) {
        window.textBox("signin.name").setText(name);
        window.textBox("signin.password").setText(password);
        window.textBox("signin.password").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
        waitFor(() -> shell().operator().isPresent(), "signed in as " + name);
    }

    /** Switches screens the way the cashier does: Ctrl+number, the number on the screen's button. */
    public void show(String screenId) {
        int n = GuiActionRunner.execute(() -> shell().screens().stream().map(s -> s.id()).toList().indexOf(screenId)) + 1;
        if (n < 1 || n > 9) {
            throw new AssertionError("no screen " + screenId + " with a Ctrl+number key");
        }
        // Xvfb has no window manager: after a dialog closes nobody gives the main window its focus back, and
        // X gives the keyboard to the window under the pointer. A click on the (inert) training banner does.
        window.label("training.banner").click();
        robot.pressKey(java.awt.event.KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_0 + n);
        robot.releaseKey(java.awt.event.KeyEvent.VK_CONTROL);
        try {
            waitFor(() -> shell().current().map(s -> s.id().equals(screenId)).orElse(false), "screen " + screenId);
        } catch (AssertionError e) {
            String windows = GuiActionRunner.execute(() -> java.util.Arrays.stream(java.awt.Window.getWindows())
                    .filter(java.awt.Window::isShowing).map(w -> w.getName() + (w.isFocused() ? "(focused)" : "")).toList().toString());
            throw new AssertionError(e.getMessage() + "; showing windows " + windows + "; the screen: " + screenText(), e);
        }
    }

    /**
     * Switches screens with Ctrl+number only, without the click {@link #show} makes first: the keyboard must reach
     * the window after a dialog closed (issue 15).
     */
    public void showByKeysOnly(String screenId) {
        int n = GuiActionRunner.execute(() -> shell().screens().stream().map(s -> s.id()).toList().indexOf(screenId)) + 1;
        robot.pressKey(java.awt.event.KeyEvent.VK_CONTROL);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_0 + n);
        robot.releaseKey(java.awt.event.KeyEvent.VK_CONTROL);
        waitFor(() -> shell().current().map(s -> s.id().equals(screenId)).orElse(false), "screen " + screenId + " by Ctrl+" + n);
    }

    /** Waits until the component named {@code name} has the keyboard focus. */
    public void waitForFocus(String name) {
        waitFor(() -> GuiActionRunner.execute(() -> {
            java.awt.Component c = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            return c != null && name.equals(c.getName());
        }), "the focus in " + name);
    }

    /** Types {@code text} where the focus is, as a keyboard (or a scanner) does. */
    public void type(String text) {
        robot.enterText(text);
    }

    /** The modal dialog now showing. */
    public DialogFixture dialog() {
        return WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog d) {
                return d.isShowing();
            }
        }).withTimeout(WAIT.toMillis()).using(robot);
    }

    /** Presses a key where the focus is. */
    public void key(int keyCode) {
        robot.pressAndReleaseKey(keyCode);
    }

    public String label(String name) {
        return GuiActionRunner.execute(() -> window.label(name).target().getText());
    }

    public String text(String name) {
        return GuiActionRunner.execute(() -> robot.finder().findByName(window.target(), name, JTextComponent.class, false).getText());
    }

    public void waitForLabel(String name, Supplier<String> what, java.util.function.Predicate<String> ok) {
        Supplier<String> text = () -> GuiActionRunner.execute(() -> robot.finder().findByName(window.target(), name, JLabel.class, false).getText());
        try {
            waitFor(() -> ok.test(text.get()), name + " " + what.get());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it says \"" + text.get() + "\"; the screen: " + screenText(), e);
        }
    }

    /** Every text on the window's labels and text areas, for a failure message. */
    private String screenText() {
        return GuiActionRunner.execute(() -> {
            StringBuilder b = new StringBuilder();
            for (java.awt.Component c : robot.finder().findAll(window.target(), new GenericTypeMatcher<java.awt.Component>(
                    java.awt.Component.class) {
                @Override
                protected boolean isMatching(java.awt.Component c) {
                    return c.isShowing() && (c instanceof JLabel || c instanceof JTextComponent);
                }
            })) {
                String t = c instanceof JLabel l ? l.getText() : ((JTextComponent) c).getText();
                if (t != null && !t.isBlank()) {
                    b.append(" | ").append(c.getName()).append(": ").append(t.replace('\n', ' '));
                }
            }
            return b.toString();
        });
    }

    public static void waitFor(Supplier<Boolean> condition, String what) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
    }

    /** Writes the window as {@code name}.png into {@code -Dmedcard.screenshots}, if given. */
    public void screenshot(String name) {
        String dir = System.getProperty("medcard.screenshotDir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        robot.waitForIdle();
        Rectangle r = GuiActionRunner.execute(() -> {
            java.awt.Point p = window.target().getLocationOnScreen();
            return new Rectangle(p.x, p.y, window.target().getWidth(), window.target().getHeight());
        });
        try {
            BufferedImage img = new java.awt.Robot().createScreenCapture(r);
            Path out = Path.of(dir).resolve(name + ".png");
            Files.createDirectories(out.getParent());
            ImageIO.write(img, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException("no screen capture: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            window.cleanUp();
        } finally {
            app.close();
        }
    }
}
