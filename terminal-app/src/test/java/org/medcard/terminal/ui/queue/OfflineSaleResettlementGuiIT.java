package org.medcard.terminal.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.ui.XvfbDisplay;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.ui.supervisor.SupervisorScreen;

/**
 * R11 through the desktop app under Xvfb, keyboard only: the center is down (the terminal started offline,
 * {@code offline.mode=CASH_RESETTLE}), a pharmacy sale at the counter falls to cash and becomes a re-settlement
 * entry; the next start the center is back, the queue screen forwards the entry's registration (F6) and
 * re-settles it with the patient's card (F8, Enter) ending with the refund to hand back. Then the supervisor
 * closes the day. Real parts throughout: the simulator's card and PSAM, the embedded center on loopback HTTP,
 * SQLite files in a temp folder, real Swing with FlatLaf.
 */
@ExtendWith(XvfbDisplay.class)
class OfflineSaleResettlementGuiIT {

    private static final String METFORMIN = "XA10BAD003"; // 16.20, chronic: 70 % pooled at pharmacies for an employee

    @TempDir
    Path dir;

    private TerminalConfig config;

    @BeforeEach
    void config() {
        DesktopRig.needDisplay();
        config = TrainingTerminals.config(dir, Map.of("language", "en", "offline.mode", "CASH_RESETTLE"));
        // A first start with the center: the catalog and blacklist are downloaded, as on any commissioned terminal.
        new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01")).close();
    }

    @Test
    void R11_offlineSaleBecomesAnEntry_laterReSettledWithTheRefundShown() {
        String idNumber;
        try (DesktopRig rig = DesktopRig.open(new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(true, false, "T01")))) {
            VirtualMedicalCard card = present(rig, "normal-3des");
            idNumber = card.profile().psnCertNo();
            rig.signIn("cashier", "11111111");
            rig.window().textBox("counter.code").enterText(METFORMIN + "\n");
            DesktopRig.waitFor(() -> rig.label("counter.total").contains("16.20"), "the line in the cart");
            rig.window().textBox("counter.code").pressAndReleaseKeys(KeyEvent.VK_F12);

            DialogFixture askId = rig.dialog();
            askId.textBox("ask.field").enterText(idNumber);
            askId.textBox("ask.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            DialogFixture split = rig.dialog();
            split.textBox("split.tendered").setText("20.00");
            split.textBox("split.tendered").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            DesktopRig.waitFor(() -> !rig.terminal().queue().resettlements(ResettlementState.OPEN).isEmpty(), "the re-settlement entry");
        }
        List<ResettlementEntry> open;

        try (DesktopRig rig = DesktopRig.open(new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01")))) {
            open = rig.terminal().queue().resettlements(ResettlementState.OPEN);
            assertEquals(1, open.size());
            String entryNo = open.get(0).entryNo();
            assertEquals(1_620, open.get(0).cashPaidFen(), "the whole sale was paid in cash");
            present(rig, "normal-3des");
            rig.signIn("supervisor", "22222222");
            rig.show("queue");
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().table("queue.table").target().getRowCount()) == 1,
                    "the entry listed");
            assertEquals(entryNo, GuiActionRunner.execute(() -> rig.window().table("queue.table").target().getValueAt(0, 0)));
            assertEquals("110***********" + idNumber.substring(14), GuiActionRunner.execute(
                    () -> rig.window().table("queue.table").target().getValueAt(0, 2)), "the ID is masked");
            assertEquals("1 re-settlement entry(ies) open", rig.label("queue.entries"));

            rig.window().table("queue.table").pressAndReleaseKeys(KeyEvent.VK_F6);
            rig.waitForLabel("queue.progress.line", () -> "forwarded", t -> t.startsWith("Forwarded"));
            assertEquals("Forwarded 1 message(s). Nothing more waits.", rig.label("queue.progress.line"));
            assertTrue(rig.terminal().queue().resettlement(entryNo).orElseThrow().registered(), "8400 answered");
            rig.screenshot("queue-en");

            rig.window().table("queue.table").selectRows(0);
            rig.window().table("queue.table").pressAndReleaseKeys(KeyEvent.VK_F8);
            DialogFixture ask = rig.dialog();
            assertTrue(ask.textBox("queue.card.ask").text().contains(entryNo));
            ask.button("dialog.ok").requireFocused();
            rig.key(KeyEvent.VK_ENTER);
            // The personal account pays its share as of the original date (R11), so the patient types the PIN.
            DialogFixture pin = rig.dialog();
            assertTrue(pin.label("pin.prompt").text().endsWith("¥4.86 from the personal account"), pin.label("pin.prompt").text());
            pin.textBox("pin.field").enterText("123456");
            pin.textBox("pin.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            rig.waitForLabel("queue.headline", () -> "the refund", t -> t.startsWith("Hand back"));

            assertEquals("Hand back 16.20 yuan in cash", rig.label("queue.headline"),
                    "70 % of 16.20 from the fund (11.34) + the rest from the personal account (4.86)");
            assertTrue(rig.text("queue.detail").contains(entryNo), rig.text("queue.detail"));
            assertEquals(ResettlementState.SETTLED, rig.terminal().queue().resettlement(entryNo).orElseThrow().state());
            assertEquals(1_620L, rig.terminal().queue().resettlement(entryNo).orElseThrow().refundFen());
            rig.screenshot("resettle-en");
            // Issue 15: after the PIN dialog the keyboard is back in the table, no click needed.
            rig.waitForFocus("queue.table");
            rig.showByKeysOnly("counter");

            rig.show("supervisor");
            // Every screen button can be seen, the last one too (the keys hint once pushed it out of the window).
            javax.swing.JButton supervisor = rig.window().button("nav.supervisor").target();
            java.awt.Container content = ((javax.swing.JFrame) rig.window().target()).getContentPane();
            // at the window's smallest size (1024 × 700), where a counter PC's screen may hold it
            java.awt.Rectangle last = GuiActionRunner.execute(() -> {
                java.awt.Window w = javax.swing.SwingUtilities.getWindowAncestor(content);
                w.setSize(w.getMinimumSize());
                w.validate();
                return javax.swing.SwingUtilities.convertRectangle(supervisor.getParent(), supervisor.getBounds(), content);
            });
            int width = GuiActionRunner.execute(content::getWidth);
            assertTrue(last.x + last.width <= width, "the supervisor button ends at " + (last.x + last.width) + " of " + width);
            GuiActionRunner.execute(() -> ((SupervisorScreen) rig.shell().current().orElseThrow()).showTab(1));
            rig.window().button("dayclose.go").pressAndReleaseKeys(KeyEvent.VK_F5);
            rig.waitForLabel("dayclose.headline", () -> "reconciled", t -> t.contains("reconciled"));
            assertTrue(rig.label("dayclose.headline").contains("the center agrees"), rig.label("dayclose.headline"));
            assertTrue(rig.text("dayclose.lines").contains("Re-settlement: 1"), rig.text("dayclose.lines"));
            rig.screenshot("dayclose-en");
            GuiActionRunner.execute(() -> ((SupervisorScreen) rig.shell().current().orElseThrow()).showTab(2));
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().table("operators.table").target().getRowCount()) == 3,
                    "the training operators listed");
            rig.screenshot("operators-en");
            GuiActionRunner.execute(() -> ((SupervisorScreen) rig.shell().current().orElseThrow()).showTab(3));
            DesktopRig.waitFor(() -> "simulator".equals(GuiActionRunner.execute(
                    () -> rig.window().comboBox("settings.reader").target().getEditor().getItem())), "the settings loaded");
            rig.screenshot("settings-en");
        }
    }

    private static VirtualMedicalCard present(DesktopRig rig, String profile) {
        try {
            return ((SimulatorTrainingReader) rig.terminal().devices().training().orElseThrow()).presentCard(profile);
        } catch (Exception e) {
            throw new IllegalStateException("training card " + profile + ": " + e.getMessage(), e);
        }
    }
}
