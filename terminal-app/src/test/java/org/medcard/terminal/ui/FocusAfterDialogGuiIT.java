package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import org.medcard.terminal.ui.supervisor.SupervisorScreen;

/**
 * Issue 15: after any dialog the keyboard goes back to the screen's main field, with no mouse click (Xvfb has no
 * window manager, as a bare kiosk X server). On every screen a dialog is opened and closed with the keyboard, then
 * a key is used. The re-settlement screen's PIN dialog is covered in {@code OfflineSaleResettlementGuiIT}.
 */
@ExtendWith(XvfbDisplay.class)
class FocusAfterDialogGuiIT {

    @TempDir
    Path dir;

    @BeforeEach
    void display() {
        DesktopRig.needDisplay();
    }

    private Terminal terminal(Map<String, String> settings) {
        return new Terminal(TrainingTerminals.config(dir, settings), TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01"));
    }

    @Test
    void counter_afterTheSearchDialog_aScanReachesTheCodeField() {
        try (DesktopRig rig = DesktopRig.open(terminal(Map.of("language", "en")))) {
            rig.signIn("cashier", "11111111");
            rig.waitForFocus("counter.code");
            rig.key(KeyEvent.VK_F3);
            DialogFixture search = rig.dialog();
            rig.waitForFocus("ask.field");
            rig.key(KeyEvent.VK_ESCAPE);
            search.requireNotVisible();

            rig.waitForFocus("counter.code");
            rig.type("XJ01CAA001\n");
            DesktopRig.waitFor(() -> !rig.label("counter.total").equals("¥0.00"), "the scanned item in the cart");
            assertEquals(1, GuiActionRunner.execute(() -> rig.window().table("counter.lines").target().getRowCount()));
        }
    }

    @Test
    void registration_afterThePinDialog_theArrowKeysMoveInTheDepartments() throws Exception {
        try (DesktopRig rig = DesktopRig.open(terminal(Map.of("institution.kind", "HOSPITAL", "language", "zh_CN")))) {
            ((SimulatorTrainingReader) rig.terminal().devices().training().orElseThrow()).presentCard("normal-3des");
            rig.signIn("cashier", "11111111");
            rig.show("registration");
            rig.window().list("reg.departments").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            DialogFixture pin = rig.dialog();
            rig.waitForFocus("pin.field");
            rig.key(KeyEvent.VK_ESCAPE);
            pin.requireNotVisible();

            rig.waitForFocus("reg.departments");
            int before = GuiActionRunner.execute(() -> rig.window().list("reg.departments").target().getSelectedIndex());
            rig.key(KeyEvent.VK_DOWN);
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().list("reg.departments").target().getSelectedIndex()) == before + 1,
                    "the next department selected by the Down key");
            rig.showByKeysOnly("counter");
        }
    }

    @Test
    void supervisor_afterTheAddOperatorDialog_theTableAndCtrlNumberWork() {
        try (DesktopRig rig = DesktopRig.open(terminal(Map.of("language", "en")))) {
            rig.signIn("supervisor", "22222222");
            rig.show("supervisor");
            GuiActionRunner.execute(() -> ((SupervisorScreen) rig.shell().current().orElseThrow()).showTab(2));
            rig.waitForFocus("operators.table");
            rig.key(KeyEvent.VK_F5);
            DialogFixture add = rig.dialog();
            rig.waitForFocus("operators.field.name");
            rig.key(KeyEvent.VK_ESCAPE);
            add.requireNotVisible();

            rig.waitForFocus("operators.table");
            rig.key(KeyEvent.VK_F5);
            DialogFixture again = rig.dialog();
            assertNotEquals(null, again.target().getTitle(), "F5 reached the screen: the dialog is back");
            rig.key(KeyEvent.VK_ESCAPE);
            again.requireNotVisible();
            rig.showByKeysOnly("counter");
            rig.waitForFocus("counter.code");
        }
    }
}
