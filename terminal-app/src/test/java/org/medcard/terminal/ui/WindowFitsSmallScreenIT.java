package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.nio.file.Path;

import javax.swing.JLabel;

import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcard.terminal.CjkFonts;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.testsupport.SystemParts;

/**
 * The window fits a 1024×768 screen: the status bar and the sign-out button are wholly on screen, at sign-in and
 * at the counter; the receipt font's tag says whether Chinese prints. Runs in failsafe's {@code gui-small-it}
 * execution, on its own display where {@link XvfbDisplay} starts Xvfb at 1024x768 ({@code -Dmedcard.smallTestDisplay}).
 */
@ExtendWith(XvfbDisplay.class)
class WindowFitsSmallScreenIT {

    @TempDir
    Path dir;

    private GuiApp gui;

    @AfterEach
    void close() {
        if (gui != null) {
            gui.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh_CN"})
    void at1024x768_statusBarAndSignOutAreOnScreen(String language) {
        Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
        SystemParts.need(screen.width == 1024 && screen.height == 768, "a 1024x768 X display (this one is "
                + screen.width + "x" + screen.height + ")", "pass -Dmedcard.smallTestDisplay=:N with no X server on :N");
        Rectangle onScreen = new Rectangle(0, 0, 1024, 768);
        gui = GuiApp.start(dir, language, TrainingTerminals.CLOCK);
        GuiApp.waitFor("status bar filled", () -> !gui.window.label("status.center").target().getText().isEmpty());
        assertInside(onScreen, "the window", gui.window.target());
        assertInside(onScreen, "the status bar at sign-in", gui.window.panel("status").target());
        // the receipt font's tag: hidden with a CJK font, red ("Chinese will not print") without; its tooltip says which
        JLabel tag = gui.robot.finder().findByName(gui.window.target(), "status.receiptFont", JLabel.class, false);
        GuiApp.waitFor("receipt font known", () -> tag.getToolTipText() != null);
        boolean cjk = CjkFonts.forReceipts();
        String tip = GuiActionRunner.execute(() -> tag.getToolTipText());
        assertEquals(!cjk, GuiActionRunner.execute(() -> tag.isShowing()), tip);
        assertTrue(tip.startsWith(cjk ? "receipt font: " : "no Chinese (CJK) TrueType font found"), tip);

        gui.signIn("cashier", "11111111");
        gui.robot.waitForIdle();
        assertInside(onScreen, "the window", gui.window.target());
        assertInside(onScreen, "the status bar at the counter", gui.window.panel("status").target());
        assertInside(onScreen, "the sign-out button", gui.window.button("shell.signout").target());
        assertInside(onScreen, "the queue tag (the status bar's last)", gui.window.label("status.queue").target());
    }

    private static void assertInside(Rectangle screen, String what, Component c) {
        Rectangle r = GuiActionRunner.execute(() -> {
            assertTrue(c.isShowing(), what + " is showing");
            return new Rectangle(c.getLocationOnScreen(), c.getSize());
        });
        assertTrue(r.width > 0 && r.height > 0 && screen.contains(r), what + " " + r + " is wholly inside the screen " + screen);
    }
}
