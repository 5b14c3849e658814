package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AWTException;
import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Map;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.ui.queue.DesktopRig;

/**
 * Issue 15, type-ahead: a scanner's burst right after the sign-in's Enter reaches the cart; a code scanned into the
 * PIN box or the training-card chooser goes to the item field (the PIN box stays for the PIN, the sale goes on).
 * The burst is typed by an AWT robot with no delay between keys, as a scanner sends it.
 */
@ExtendWith(XvfbDisplay.class)
class TypeAheadGuiIT {

    private static final String AMOXICILLIN = "XJ01CAA001";
    private static final String IBUPROFEN = "XM01AEB002";

    @TempDir
    Path dir;

    @BeforeEach
    void display() {
        DesktopRig.needDisplay();
    }

    private DesktopRig open() {
        return DesktopRig.open(new Terminal(TrainingTerminals.config(dir, Map.of("language", "en")), TrainingTerminals.CLOCK,
                new Terminal.Options(false, false, "T01")));
    }

    /** Types {@code text} and Enter at a scanner's speed. */
    private static void scanBurst(String text) {
        try {
            Robot r = new Robot();
            r.setAutoDelay(0);
            for (char c : text.toCharArray()) {
                boolean upper = Character.isUpperCase(c);
                int code = KeyEvent.getExtendedKeyCodeForChar(Character.toLowerCase(c));
                if (upper) {
                    r.keyPress(KeyEvent.VK_SHIFT);
                }
                r.keyPress(code);
                r.keyRelease(code);
                if (upper) {
                    r.keyRelease(KeyEvent.VK_SHIFT);
                }
            }
            r.keyPress(KeyEvent.VK_ENTER);
            r.keyRelease(KeyEvent.VK_ENTER);
        } catch (AWTException e) {
            throw new IllegalStateException("no AWT robot: " + e.getMessage(), e);
        }
    }

    /**
     * A scanner's burst with exact key times (2 ms apart), posted to the event queue for the focus owner: on a busy
     * build machine the X server's own times for robot keys may stretch past the 30 ms a scanner stays under.
     */
    private static void scanBurstTimed(String text) {
        java.awt.Component target = GuiActionRunner.execute(() -> {
            java.awt.KeyboardFocusManager m = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager();
            return m.getFocusOwner() != null ? m.getFocusOwner() : m.getFocusedWindow(); // nobody: the window
        });
        java.awt.EventQueue q = java.awt.Toolkit.getDefaultToolkit().getSystemEventQueue();
        long t = System.currentTimeMillis();
        for (char c : (text + "\n").toCharArray()) {
            int code = c == '\n' ? KeyEvent.VK_ENTER : KeyEvent.getExtendedKeyCodeForChar(Character.toLowerCase(c));
            q.postEvent(new KeyEvent(target, KeyEvent.KEY_PRESSED, t, 0, code, c));
            q.postEvent(new KeyEvent(target, KeyEvent.KEY_TYPED, t, 0, KeyEvent.VK_UNDEFINED, c));
            q.postEvent(new KeyEvent(target, KeyEvent.KEY_RELEASED, t + 1, 0, code, c));
            t += 2;
        }
    }

    private static int lines(DesktopRig rig) {
        return GuiActionRunner.execute(() -> rig.window().table("counter.lines").target().getRowCount());
    }

    @Test
    void aScanRightAfterTheSignInsEnter_reachesTheCart() {
        try (DesktopRig rig = open()) {
            rig.window().textBox("signin.name").setText("cashier");
            rig.window().textBox("signin.password").setText("11111111");
            rig.window().textBox("signin.password").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            scanBurst(AMOXICILLIN);
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.shell().current().isPresent()), "signed in");
            DesktopRig.waitFor(() -> lines(rig) == 1, "the scanned item in the cart");
            assertEquals(AMOXICILLIN, GuiActionRunner.execute(() -> rig.window().table("counter.lines").target().getValueAt(0, 0)));
        }
    }

    @Test
    void aScanIntoThePinBox_goesToTheItemField_andThePinBoxStaysForThePin() throws Exception {
        try (DesktopRig rig = open()) {
            org.medcard.simulator.card.VirtualMedicalCard card = ((SimulatorTrainingReader) rig.terminal().devices().training()
                    .orElseThrow()).presentCard("normal-3des");
            rig.signIn("cashier", "11111111");
            rig.waitForLabel("counter.name", () -> "the card read", t -> t.equals("张伟"));
            rig.waitForFocus("counter.code");
            rig.type(AMOXICILLIN + "\n");
            DesktopRig.waitFor(() -> lines(rig) == 1, "the item in the cart");
            rig.key(KeyEvent.VK_F12);
            rig.dialog().requireVisible();
            rig.key(KeyEvent.VK_ENTER); // the split
            DialogFixture pin = rig.dialog();
            rig.waitForFocus("pin.field");
            assertTrue(pin.label("pin.prompt").text().contains("¥12.50"), pin.label("pin.prompt").text());

            scanBurstTimed(IBUPROFEN);
            rig.waitForFocus("pin.field");
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> pin.textBox("pin.field").target().getText()).isEmpty(),
                    "the PIN box emptied of the code");
            pin.requireVisible();
            rig.type("123456");
            rig.key(KeyEvent.VK_ENTER);

            // The card paid 12.50 after its two monthly loads of 350.00 (R15): the sale went on with the PIN.
            DesktopRig.waitFor(() -> card.state().balance() == card.profile().balance() + 70_000 - 1_250, "the card debited");
            // One look on the event thread: the cart is emptied by the sale and the scan added after it.
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> {
                javax.swing.JTable t = rig.window().table("counter.lines").target();
                return t.getRowCount() == 1 && IBUPROFEN.equals(t.getValueAt(0, 0));
            }), "the scanned code alone in the next cart");
        }
    }

    @Test
    void aScanWithTheTrainingCardChooserOpen_closesIt_andTheItemIsAdded() {
        try (DesktopRig rig = open()) {
            rig.signIn("cashier", "11111111");
            rig.waitForFocus("counter.code");
            rig.key(KeyEvent.VK_F9);
            DialogFixture chooser = rig.dialog();
            rig.waitForFocus("dialog.list");
            scanBurstTimed(AMOXICILLIN);
            chooser.requireNotVisible();
            DesktopRig.waitFor(() -> lines(rig) == 1, "the scanned item in the cart");
            assertEquals("", rig.label("counter.name").trim(), "no training card was put in");
        }
    }

    /** Nobody in the window has the keyboard focus (as while the code field is off and until its request lands). */
    private static void focusNowhere(DesktopRig rig) {
        GuiActionRunner.execute(() -> java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().clearGlobalFocusOwner());
        DesktopRig.waitFor(() -> GuiActionRunner.execute(
                () -> java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner() == null), "no focus owner");
    }

    /**
     * When a sale or card read ends the code field is switched on and asks for the focus, but AWT moves it later:
     * while the field was off nobody in the window had the focus (the cart and the key buttons take none), and keys
     * that came first went to the window itself and were lost. They go to the code field instead, a scanner's burst
     * and a slow typist alike.
     */
    @Test
    void keysThatComeBeforeTheFocusIsBackInTheField_goToTheCodeField() {
        try (DesktopRig rig = open()) {
            rig.signIn("cashier", "11111111");
            rig.waitForFocus("counter.code");
            focusNowhere(rig);

            scanBurstTimed(AMOXICILLIN);
            DesktopRig.waitFor(() -> lines(rig) == 1, "the scanned item in the cart");
            assertEquals(AMOXICILLIN, GuiActionRunner.execute(() -> rig.window().table("counter.lines").target().getValueAt(0, 0)));

            rig.waitForFocus("counter.code");
            focusNowhere(rig);
            rig.type(IBUPROFEN.substring(0, 4)); // typed, then the rest once the focus is back in the field
            rig.waitForFocus("counter.code");
            DesktopRig.waitFor(() -> rig.text("counter.code").equals(IBUPROFEN.substring(0, 4)), "the first keys in the field");
            rig.type(IBUPROFEN.substring(4) + "\n");
            DesktopRig.waitFor(() -> lines(rig) == 2, "the typed item in the cart");
            assertEquals(IBUPROFEN, GuiActionRunner.execute(() -> rig.window().table("counter.lines").target().getValueAt(1, 0)));
            assertEquals("", rig.text("counter.code"));
        }
    }
}
