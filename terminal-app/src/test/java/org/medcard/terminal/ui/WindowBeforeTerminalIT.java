package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Map;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * Issue 17: the sign-in screen is up and takes keys before the terminal (databases, embedded center, downloads,
 * training accounts) is open; the status bar says it is starting, and a sign-in typed meanwhile goes through once
 * the terminal is attached — as the launcher runs it.
 */
@ExtendWith(XvfbDisplay.class)
class WindowBeforeTerminalIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void edtChecks() {
        FailOnThreadViolationRepaintManager.install();
    }

    @Test
    void signInTypedWhileTheTerminalOpensGoesThroughOnceItIsAttached() {
        TerminalConfig config = TrainingTerminals.config(dir, Map.of("language", "en"));
        UiFonts fonts = UiFonts.discover();
        Theme theme = new Theme(fonts, false, UiFonts.BASE_SIZE);
        GuiActionRunner.execute(theme::install);
        DesktopApp app = new DesktopApp(fonts, theme);
        MainWindow w = GuiActionRunner.execute(() -> app.showWindow(config.language(), config.trainingMode()));
        org.assertj.swing.core.Robot robot = BasicRobot.robotWithCurrentAwtHierarchy();
        FrameFixture window = new FrameFixture(robot, w.frame());
        try {
            assertTrue(GuiActionRunner.execute(() -> window.label("status.progress").target().getText()).startsWith("Starting"));
            // No terminal yet: the keys are taken all the same.
            window.textBox("signin.name").requireFocused().enterText("cashier");
            robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
            window.textBox("signin.password").requireFocused().enterText("11111111");
            robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
            assertTrue(GuiActionRunner.execute(() -> w.current().isEmpty() || !w.current().get().id().equals("counter")));

            Terminal terminal = new Terminal(config, TrainingTerminals.CLOCK,
                    new Terminal.Options(false, true, DesktopLauncher.stationOperator(config)));
            app.bind(terminal);
            GuiActionRunner.execute(app::attach);

            GuiApp.waitFor("the counter after the sign-in typed during the start",
                    () -> app.window().current().map(s -> s.id().equals("counter")).orElse(false));
            assertFalse(GuiActionRunner.execute(() -> window.label("status.progress").target().getText()).startsWith("Starting"));
        } finally {
            window.cleanUp();
            app.close();
        }
    }
}
