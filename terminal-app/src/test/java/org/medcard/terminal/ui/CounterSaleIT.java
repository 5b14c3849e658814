package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.event.KeyEvent;
import java.nio.file.Path;

import javax.swing.JDialog;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.ui.shell.Theme;
import org.medcard.terminal.ui.shell.UiFonts;

/**
 * The real app under Xvfb, driven with the keyboard only: sign in with the training account, put a simulated
 * card in (F9), scan items (type + Enter), pay (F12), confirm the split (Enter), type the PIN (masked) and Enter.
 * The card, PSAM and center are the simulator's (in-process reader, embedded center on loopback).
 */
@ExtendWith(XvfbDisplay.class)
class CounterSaleIT {

    @TempDir
    Path dir;

    /** Where the CLI may write: never inside the data folder (issue 18, case 2). */
    @TempDir
    Path outside;

    private GuiApp gui;

    @BeforeAll
    static void edtChecks() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterEach
    void close() {
        if (gui != null) {
            gui.close();
        }
    }

    private DialogFixture dialog(String title) {
        return WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog d) {
                return d.isShowing() && title.equals(d.getTitle());
            }
        }).withTimeout(30_000).using(gui.robot);
    }

    private void presentTrainingCard(int downPresses) {
        gui.key(KeyEvent.VK_F9);
        DialogFixture d = dialog("Put a training card in the reader");
        for (int i = 0; i < downPresses; i++) {
            gui.key(KeyEvent.VK_DOWN);
        }
        gui.key(KeyEvent.VK_ENTER);
        d.requireNotVisible();
    }

    /** The WCAG contrast ratio of two colours. */
    private static double contrast(java.awt.Color a, java.awt.Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(java.awt.Color c) {
        double[] v = new double[3];
        int[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            double s = rgb[i] / 255.0;
            v[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    private void ctrl(int key) {
        gui.robot.pressKey(KeyEvent.VK_CONTROL);
        gui.robot.pressAndReleaseKey(key);
        gui.robot.releaseKey(KeyEvent.VK_CONTROL);
    }

    private void scan(String code) {
        gui.window.textBox("counter.code").requireFocused().enterText(code);
        gui.key(KeyEvent.VK_ENTER);
    }

    @Test
    void fullSale_withTheSimulatedCard_keyboardOnly_endsSettled() {
        gui = GuiApp.start(dir, "en", TrainingTerminals.CLOCK);
        GuiApp.waitFor("training banner", () -> gui.window.label("training.banner").target().isShowing());
        GuiApp.waitFor("status bar filled", () -> gui.window.label("status.center").target().getText().startsWith("Center: "));
        assertEquals("Center: OK", gui.label("status.center"), "the state is visible before sign-in");
        gui.window.panel("signin.training").requireVisible();

        gui.signIn("cashier", "11111111");
        presentTrainingCard(0); // normal-3des, 张伟
        GuiApp.waitFor("card read", () -> gui.window.label("counter.name").target().getText().equals("张伟"));
        assertTrue(gui.label("counter.banner").contains("Card OK"), gui.label("counter.banner"));
        assertEquals(Theme.GREEN, GuiActionRunner.execute(() -> gui.window.label("counter.banner").target().getBackground()));
        GuiApp.waitFor("status says card in", () -> gui.window.label("status.card").target().getText().equals("Card: Card in"));

        scan("XJ01CAA001");
        scan("XJ01CAA001");
        scan("XM01AEB002");
        GuiApp.waitFor("three items", () -> gui.window.label("counter.total").target().getText().equals("¥40.80"));
        assertEquals(2, GuiActionRunner.execute(() -> gui.window.table("counter.lines").target().getRowCount()));

        gui.key(KeyEvent.VK_F12);
        DialogFixture split = dialog("Check the split");
        assertEquals("¥40.80", split.label("split.total").text());
        assertEquals("¥40.80", split.label("split.account").text());
        assertEquals("¥0.00", split.label("split.cash").text());
        gui.key(KeyEvent.VK_ENTER);

        DialogFixture pin = dialog("PIN");
        pin.textBox("pin.field").requireFocused().enterText("123456");
        assertEquals('\u2022', GuiActionRunner.execute(() -> ((javax.swing.JPasswordField) pin.textBox("pin.field").target())
                .getEchoChar()), "the PIN is masked");
        gui.key(KeyEvent.VK_ENTER);

        GuiApp.waitFor("sale settled", () -> gui.window.textBox("counter.result").target().getText().startsWith("Paid and settled"));
        String result = GuiActionRunner.execute(() -> gui.window.textBox("counter.result").target().getText());
        assertTrue(result.contains("Card balance after: ¥"), result);
        assertEquals("¥0.00", gui.label("counter.total"), "the cart is empty for the next customer");
        gui.screenshot(GuiApp.screenshotDir(), "it-counter-sale-done-en.png");

        // F8: the receipt journalled when the sale ended, saved under its number; the CLI lists and reprints it.
        gui.key(KeyEvent.VK_F8);
        GuiApp.waitFor("receipt saved", () -> gui.window.label("counter.message").target().getText().startsWith("Receipt No. 1 saved"));
        assertTrue(java.nio.file.Files.exists(dir.resolve("receipts").resolve("sale-receipt-1.pdf")));
        gui.close();
        gui = null;
        java.io.StringWriter out = new java.io.StringWriter();
        org.medcard.terminal.config.TerminalEnvironment env = new org.medcard.terminal.config.TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                java.io.InputStream.nullInputStream());
        assertEquals(0, org.medcard.terminal.cli.MedcardCli.create(env, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true)).execute("receipt", "list"));
        assertTrue(out.toString().contains("sale-receipt") && out.toString().contains("1 receipt(s)"), out.toString());
        assertEquals(0, org.medcard.terminal.cli.MedcardCli.create(env, new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true)).execute("receipt", "reprint", "1", "--receipt",
                outside.resolve("copy.pdf").toString()));
        assertTrue(java.nio.file.Files.exists(outside.resolve("copy.pdf")));
    }

    @Test
    void R5_frozenCard_showsTheRedRefusalBannerWithTheRule_andPayIsRefused_theNextCardClearsIt() {
        gui = GuiApp.start(dir, "en", TrainingTerminals.CLOCK);
        gui.signIn("cashier", "11111111");
        presentTrainingCard(3); // normal-3des, normal-sm4, suspended, frozen
        GuiApp.waitFor("frozen card read", () -> gui.window.label("counter.name").target().getText().equals("刘芳"));

        String banner = gui.label("counter.banner");
        assertTrue(banner.contains("Card frozen") && banner.contains("(R5)"), banner);
        Color bg = GuiActionRunner.execute(() -> gui.window.label("counter.banner").target().getBackground());
        assertEquals(Theme.RED, bg);

        scan("XJ01CAA001");
        gui.key(KeyEvent.VK_F12);
        GuiApp.waitFor("refusal said", () -> gui.window.label("counter.message").target().getText().contains("(R5)"));
        assertEquals(Theme.RED, GuiActionRunner.execute(() -> gui.window.label("counter.message").target().getForeground()));
        gui.screenshot(GuiApp.screenshotDir(), "it-counter-frozen-en.png");

        // Issue 15: the next patient's card clears the red refusal under the panel.
        presentTrainingCard(0); // normal-3des, 张伟
        GuiApp.waitFor("next card read", () -> gui.window.label("counter.name").target().getText().equals("张伟"));
        GuiApp.waitFor("the refusal cleared", () -> !gui.window.label("counter.message").target().getText().contains("(R5)"));
        assertTrue(gui.label("counter.message").startsWith("Monthly contributions loaded onto the card"), gui.label("counter.message"));
        assertTrue(!Theme.RED.equals(GuiActionRunner.execute(() -> gui.window.label("counter.message").target().getForeground())),
                "the line under the green panel is not red");
        assertEquals(Theme.GREEN, GuiActionRunner.execute(() -> gui.window.label("counter.banner").target().getBackground()));
    }

    @Test
    void zoomThemeAndSignOut_haveKeys() {
        gui = GuiApp.start(dir, "zh_CN", TrainingTerminals.CLOCK);
        gui.signIn("cashier", "11111111");
        Theme theme = gui.app.window().theme();

        int before = GuiActionRunner.execute(() -> gui.window.textBox("counter.code").target().getFont().getSize());
        ctrl(KeyEvent.VK_EQUALS);
        // issue 15: "Ctrl+Plus" as the keys line shows it, typed Ctrl+Shift+= on the keyboard
        gui.robot.pressKey(KeyEvent.VK_CONTROL);
        gui.robot.pressKey(KeyEvent.VK_SHIFT);
        gui.robot.pressAndReleaseKey(KeyEvent.VK_EQUALS);
        gui.robot.releaseKey(KeyEvent.VK_SHIFT);
        gui.robot.releaseKey(KeyEvent.VK_CONTROL);
        GuiApp.waitFor("zoomed in", () -> theme.size() == UiFonts.BASE_SIZE + 2);
        int after = GuiActionRunner.execute(() -> gui.window.textBox("counter.code").target().getFont().getSize());
        assertTrue(after > before, "the code field grew with the zoom: " + before + " -> " + after);
        ctrl(KeyEvent.VK_0);
        GuiApp.waitFor("zoom reset", () -> theme.size() == UiFonts.BASE_SIZE);

        ctrl(KeyEvent.VK_D);
        GuiApp.waitFor("dark theme", () -> theme.dark() && com.formdev.flatlaf.FlatLaf.isLafDark());
        // issue 15: the hints are readable on the dark background too (WCAG AA: 4.5:1)
        for (String hint : java.util.List.of("counter.hint", "shell.keys")) {
            double ratio = GuiActionRunner.execute(() -> {
                javax.swing.JLabel l = gui.window.label(hint).target();
                return contrast(l.getForeground(), l.getParent().getBackground());
            });
            assertTrue(ratio >= 4.5, hint + " contrast on the dark theme " + ratio);
        }
        ctrl(KeyEvent.VK_D);
        GuiApp.waitFor("light theme", () -> !theme.dark());

        ctrl(KeyEvent.VK_L);
        GuiApp.waitFor("signed out", () -> gui.app.window().operator().isEmpty());
        gui.window.textBox("signin.name").requireVisible();
        assertEquals("未登录", gui.label("shell.operator"));
    }
}
