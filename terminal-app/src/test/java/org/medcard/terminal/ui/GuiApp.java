package org.medcard.terminal.ui;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.imageio.ImageIO;
import javax.swing.JLabel;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.assertj.swing.timing.Timeout;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * Test helper: the real desktop app in this JVM on a training terminal in a temp folder (simulated reader and PSAM,
 * embedded center on loopback, SQLite files), driven by AssertJ Swing's robot through the keyboard.
 */
final class GuiApp implements AutoCloseable {

    final DesktopApp app;
    final FrameFixture window;
    final org.assertj.swing.core.Robot robot;

    private GuiApp(DesktopApp app, FrameFixture window, org.assertj.swing.core.Robot robot) {
        this.app = app;
        this.window = window;
        this.robot = robot;
    }

    static GuiApp start(Path dataDir, String language, Clock clock) {
        return start(dataDir, language, clock, Map.of());
    }

    /** Like {@link #start(Path, String, Clock)} with more configuration (e.g. PC/SC readers instead of the simulator). */
    static GuiApp start(Path dataDir, String language, Clock clock, Map<String, String> extra) {
        Map<String, String> o = new HashMap<>(extra);
        o.put("language", language);
        TerminalConfig config = TrainingTerminals.config(dataDir, o);
        UiFonts fonts = UiFonts.discover();
        Theme theme = new Theme(fonts, false, UiFonts.BASE_SIZE);
        GuiActionRunner.execute(theme::install);
        Terminal terminal = new Terminal(config, clock, new Terminal.Options(false, true, DesktopLauncher.stationOperator(config)));
        DesktopApp app = new DesktopApp(terminal, fonts, theme);
        MainWindow w = GuiActionRunner.execute(app::open);
        org.assertj.swing.core.Robot robot = BasicRobot.robotWithCurrentAwtHierarchy();
        robot.settings().delayBetweenEvents(20);
        FrameFixture fixture = new FrameFixture(robot, w.frame());
        fixture.moveTo(new java.awt.Point(0, 0));
        return new GuiApp(app, fixture, robot);
    }

    /** Waits (max 30 s) until {@code condition} holds, read on the event thread. */
    static void waitFor(String description, Supplier<Boolean> condition) {
        Pause.pause(new Condition(description) {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(condition::get);
            }
        }, Timeout.timeout(30_000));
    }

    /** The text of the label named {@code name}, read on the event thread. */
    String label(String name) {
        return GuiActionRunner.execute(() -> window.label(name).target().getText());
    }

    /** Signs in with the keyboard only. */
    void signIn(String operator, String password) {
        window.textBox("signin.name").focus().enterText(operator);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        window.textBox("signin.password").requireFocused().enterText(password);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
        waitFor("the counter after sign-in", () -> app.window().current().map(s -> s.id().equals("counter")).orElse(false));
    }

    void key(int keyCode) {
        robot.pressAndReleaseKey(keyCode);
    }

    /** A PNG of the whole window, written to {@code dir/name}. */
    Path screenshot(Path dir, String name) {
        try {
            robot.waitForIdle();
            Rectangle r = GuiActionRunner.execute(() -> app.window().frame().getBounds());
            BufferedImage img = new Robot().createScreenCapture(r);
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            ImageIO.write(img, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.awt.AWTException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Screenshots go to {@code -Dmedcard.screenshotDir} (e.g. docs/images), else target/screenshots. */
    static Path screenshotDir() {
        return Path.of(System.getProperty("medcard.screenshotDir", "target/screenshots"));
    }

    static GenericTypeMatcher<JLabel> labelNamed(String name) {
        return new GenericTypeMatcher<>(JLabel.class) {
            @Override
            protected boolean isMatching(JLabel l) {
                return name.equals(l.getName()) && l.isShowing();
            }
        };
    }

    @Override
    public void close() {
        window.cleanUp();
        app.close();
    }
}
