package org.medcard.terminal.ui.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.util.Map;

import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.ui.XvfbDisplay;
import org.medcard.terminal.ui.queue.DesktopRig;

/**
 * The registration desk through the desktop app under Xvfb, keyboard only, in Simplified Chinese, on a HOSPITAL
 * training terminal (virtual card and PSAM, embedded center on loopback HTTP, SQLite files in a temp folder):
 * register with the fee paid at once (PIN in the dialog), then register a second visit for later and cancel it.
 */
@ExtendWith(XvfbDisplay.class)
class RegistrationDeskGuiIT {

    @TempDir
    Path dir;

    @Test
    void registerAndPayTheFee_thenRegisterForLaterAndCancel() throws Exception {
        DesktopRig.needDisplay();
        Terminal terminal = new Terminal(TrainingTerminals.config(dir, Map.of("institution.kind", "HOSPITAL", "language", "zh_CN")),
                TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01"));
        try (DesktopRig rig = DesktopRig.open(terminal)) {
            VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
            long before = card.state().balance();
            rig.signIn("cashier", "11111111");
            rig.show("registration");
            assertEquals("挂号费 50.00 元", rig.label("reg.fee"));
            assertEquals("D01 内科 · 50.00 元", GuiActionRunner.execute(() -> rig.window().list("reg.departments").target().getModel().getElementAt(0)));

            rig.window().list("reg.departments").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            DialogFixture pin = rig.dialog();
            pin.textBox("pin.field").enterText("123456");
            pin.textBox("pin.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            rig.waitForLabel("reg.headline", () -> "paid", t -> t.startsWith("已支付"));

            String visit = rig.text("reg.visit");
            assertTrue(visit.startsWith("MDT"), visit);
            assertEquals("已支付：就诊 " + visit, rig.label("reg.headline"));
            assertEquals("合计: 50.00\n统筹基金支付: 35.00\n个人账户支付: 15.00\n应收现金: 0.00\n", rig.text("reg.split"));
            assertEquals(before + 70_000 - 1_500, card.state().balance(), "the account share came off the card (after the R15 loads)");
            rig.screenshot("registration-zh");

            rig.window().list("reg.departments").selectItem(1);
            rig.waitForLabel("reg.fee", () -> "外科", t -> t.equals("挂号费 50.00 元"));
            rig.window().list("reg.departments").pressAndReleaseKeys(KeyEvent.VK_F5);
            rig.waitForLabel("reg.headline", () -> "registered", t -> t.startsWith("挂号成功"));
            String open = rig.text("reg.visit");
            assertEquals(1, GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getRowCount()), "listed until paid");
            assertEquals("外科", GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getValueAt(0, 1)));
            rig.screenshot("registration-open-zh");

            rig.window().list("reg.departments").pressAndReleaseKeys(KeyEvent.VK_F8);
            DialogFixture ask = rig.dialog();
            assertTrue(ask.textBox("reg.cancel.ask").text().contains(open));
            ask.button("dialog.ok").requireFocused();
            rig.key(KeyEvent.VK_ENTER);
            rig.waitForLabel("reg.headline", () -> "cancelled", t -> t.endsWith("已退号"));
            assertEquals("就诊 " + open + " 已退号", rig.label("reg.headline"));
            assertEquals(0, GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getRowCount()));
            assertEquals(before + 70_000 - 1_500, card.state().balance(), "registering for later and cancelling debit nothing");
        }
    }
}
