package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.swing.JDialog;

import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcard.terminal.CjkFonts;
import org.medcard.terminal.TrainingTerminals;

/**
 * The screenshots of docs/cashier-guide.md, taken from the running app under Xvfb in both languages: sign-in,
 * the counter with a card whose holder's name has a character beyond the BMP (𠮷), the split before the debit, and
 * a frozen card's refusal. Needs a CJK font (skipped with the reason without one, see {@link CjkFonts}). Written to target/screenshots, or to {@code -Dmedcard.screenshotDir=../docs/images}.
 */
@ExtendWith(XvfbDisplay.class)
class ScreenshotsIT {

    /** The holder's name of training card 17: U+20BB7 needs a font beyond the BMP (fonts-hanazono). */
    private static final String RARE_NAME = "𠮷祥云";

    @TempDir
    Path dir;

    private GuiApp gui;

    @AfterEach
    void close() {
        if (gui != null) {
            gui.close();
        }
    }

    private DialogFixture dialog() {
        return WindowFinder.findDialog(new GenericTypeMatcher<JDialog>(JDialog.class) {
            @Override
            protected boolean isMatching(JDialog d) {
                return d.isShowing();
            }
        }).withTimeout(30_000).using(gui.robot);
    }

    private void present(int downPresses) {
        gui.key(KeyEvent.VK_F9);
        DialogFixture d = dialog();
        for (int i = 0; i < downPresses; i++) {
            gui.key(KeyEvent.VK_DOWN);
        }
        gui.key(KeyEvent.VK_ENTER);
        d.requireNotVisible();
    }

    private void scan(String code) {
        gui.window.textBox("counter.code").enterText(code);
        gui.key(KeyEvent.VK_ENTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh_CN"})
    void mainScreens(String language) throws Exception {
        String lang = language.equals("en") ? "en" : "zh";
        CjkFonts.needForScreen(RARE_NAME); // the pictures show Chinese in both languages: a name, the catalog
        Path out = GuiApp.screenshotDir();
        gui = GuiApp.start(dir, language, TrainingTerminals.CLOCK);
        GuiApp.waitFor("status bar filled", () -> !gui.window.label("status.center").target().getText().isEmpty());
        Path signIn = gui.screenshot(out, "app-signin-" + lang + ".png");

        gui.signIn("cashier", "11111111");
        present(17); // rare-name: 𠮷祥云 (U+20BB7, four bytes in UTF-8 and GB18030)
        GuiApp.waitFor("card read", () -> gui.window.label("counter.name").target().getText().startsWith("𠮷"));
        Font nameFont = GuiActionRunner.execute(() -> gui.window.label("counter.name").target().getFont());
        assertEquals(-1, nameFont.canDisplayUpTo(RARE_NAME), "the name's font has every character: " + nameFont);
        scan("XA10BAD003");
        scan("XC10AAA017");
        scan("XC10AAA017");
        GuiApp.waitFor("items", () -> GuiActionRunner.execute(() -> gui.window.table("counter.lines").target().getRowCount()) == 2);
        gui.screenshot(out, "app-counter-" + lang + ".png");

        gui.key(KeyEvent.VK_F12);
        dialog();
        gui.screenshot(out, "app-split-" + lang + ".png");
        gui.key(KeyEvent.VK_ESCAPE);
        GuiApp.waitFor("back at the counter", () -> !gui.window.label("counter.message").target().getText().isBlank());

        gui.key(KeyEvent.VK_F10);
        GuiApp.waitFor("card out", () -> gui.window.label("counter.name").target().getText().isBlank());
        present(3); // frozen
        GuiApp.waitFor("frozen card read", () -> gui.window.label("counter.banner").target().getText().contains("R5"));
        gui.screenshot(out, "app-counter-frozen-" + lang + ".png");

        assertTrue(Files.size(signIn) > 10_000, "a real picture: " + Files.size(signIn) + " bytes");
    }
}
