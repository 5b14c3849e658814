package org.medcard.terminal.ui.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.medcard.terminal.text.Texts;
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
            assertEquals(2, GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getRowCount()),
                    "the paid visit stays listed for its items; the new one until paid");
            assertEquals("外科", GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getValueAt(1, 1)));
            rig.screenshot("registration-open-zh");

            rig.window().list("reg.departments").pressAndReleaseKeys(KeyEvent.VK_F8);
            DialogFixture ask = rig.dialog();
            assertTrue(ask.textBox("reg.cancel.ask").text().contains(open));
            ask.button("dialog.ok").requireFocused();
            rig.key(KeyEvent.VK_ENTER);
            rig.waitForLabel("reg.headline", () -> "cancelled", t -> t.endsWith("已退号"));
            assertEquals("就诊 " + open + " 已退号", rig.label("reg.headline"));
            assertEquals(1, GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getRowCount()), "the cancelled one left");
            assertEquals(before + 70_000 - 1_500, card.state().balance(), "registering for later and cancelling debit nothing");

            // Issue 15: after the cancel dialog the keyboard is back in the departments: Up chooses the first one.
            rig.waitForFocus("reg.departments");
            rig.key(KeyEvent.VK_UP);
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().list("reg.departments").target().getSelectedIndex()) == 0,
                    "the department above chosen by key after the cancel dialog");
        }
    }

    private static void waitForText(DesktopRig rig, String name, String start) throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        while (!rig.text(name).startsWith(start) && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertTrue(rig.text(name).startsWith(start), name + " says " + rig.text(name));
    }

    /** Issue 14: a visit is paid more than once (fee at registration, then the prescribed items), then closed with F10. */
    @Test
    void visitPaidAtRegistration_thenItsItemsWithF7_thenClosedWithF10() throws Exception {
        DesktopRig.needDisplay();
        Terminal terminal = new Terminal(TrainingTerminals.config(dir, Map.of("institution.kind", "HOSPITAL", "language", "en")),
                TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01"));
        try (DesktopRig rig = DesktopRig.open(terminal)) {
            VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
            rig.signIn("cashier", "11111111");
            rig.show("registration");
            rig.window().list("reg.departments").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            DialogFixture pin = rig.dialog();
            pin.textBox("pin.field").enterText("123456");
            pin.textBox("pin.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            rig.waitForLabel("reg.headline", () -> "fee paid", t -> t.startsWith("Paid"));
            String visit = rig.text("reg.visit");
            long afterFee = card.state().balance();

            rig.window().list("reg.departments").click();
            rig.window().textBox("reg.items").click();
            rig.window().textBox("reg.items").enterText("XJ01CAA001:2");
            rig.window().textBox("reg.items").pressAndReleaseKeys(KeyEvent.VK_F7);
            DialogFixture pin2 = rig.dialog();
            pin2.textBox("pin.field").enterText("123456");
            pin2.textBox("pin.field").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            waitForText(rig, "reg.split", "Total: 25.00");

            assertEquals("Paid: visit " + visit, rig.label("reg.headline"));
            assertEquals("Total: 25.00\nFund pays: 17.50\nPersonal account pays: 7.50\nCash to collect: 0.00\n", rig.text("reg.split"),
                    "the fee was paid at registration: the items only");
            assertEquals(afterFee - 750, card.state().balance());
            assertEquals(1, GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getRowCount()), "still open");

            rig.window().list("reg.departments").click();
            rig.window().list("reg.departments").pressAndReleaseKeys(KeyEvent.VK_F10);
            rig.waitForLabel("reg.headline", () -> "closed", t -> t.endsWith("closed"));
            assertEquals("Visit " + visit + " closed", rig.label("reg.headline"));
            assertEquals(0, GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getRowCount()));
            rig.screenshot("registration-visit-closed-en");
        }
    }

    /**
     * Issue 14 (R11 case 2 at the registration desk): the configured reader is not there. F6 (register, fee now)
     * asks for the ID number; a wrong check digit is asked again saying the right one; the right number takes the fee
     * in cash with a re-settlement entry, shown with the visit. Keyboard only; the focus is back in the departments.
     */
    @Test
    void R11_missingReader_F6_idNumberAsked_wrongCheckDigitSaysWhich_thenTheCashEntryAndTheVisit() throws Exception {
        DesktopRig.needDisplay();
        Terminal terminal = new Terminal(TrainingTerminals.config(dir, Map.of("institution.kind", "HOSPITAL", "language", "en",
                "reader", "serial:/dev/ttyUSB9")), TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01"));
        try (DesktopRig rig = DesktopRig.open(terminal)) {
            rig.signIn("cashier", "11111111");
            rig.show("registration");
            rig.waitForFocus("reg.departments");
            rig.key(KeyEvent.VK_F6);

            DialogFixture id = rig.dialog();
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> id.label("ask.prompt").target().getText()).contains("Pay in cash during the fault"),
                    "the fault named in the question");
            id.textBox("ask.field").requireFocused();
            rig.type("110101197805211234"); // the last digit mistyped: it must be 5
            rig.key(KeyEvent.VK_ENTER);
            DialogFixture again = rig.dialog();
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> again.label("ask.prompt").target().getText()).contains("it must be 5"),
                    "the right check digit said");
            again.textBox("ask.field").requireFocused();
            rig.type("110101197805211235");
            rig.key(KeyEvent.VK_ENTER);

            rig.waitForLabel("reg.headline", () -> "cash", t -> t.startsWith("Collect 50.00 yuan in cash"));
            java.util.List<org.medcard.queue.ResettlementEntry> open = terminal.queue().resettlements(org.medcard.queue.ResettlementState.OPEN);
            assertEquals(1, open.size(), "one re-settlement entry");
            assertEquals(5_000, open.get(0).cashPaidFen());
            String visit = rig.text("reg.visit");
            String detail = rig.text("reg.detail");
            assertTrue(detail.contains(open.get(0).entryNo()) && detail.contains(visit), detail);
            assertEquals("Total: 50.00\nFund pays: 0.00\nPersonal account pays: 0.00\nCash to collect: 50.00\n", rig.text("reg.split"));
            assertEquals(1, GuiActionRunner.execute(() -> rig.window().table("reg.open").target().getRowCount()),
                    "the cash visit is listed for its batches");
            rig.screenshot("registration-reader-missing-cash-en");

            // The keyboard is back at the desk's main field after the dialogs: Down chooses the next department.
            rig.waitForFocus("reg.departments");
            rig.key(KeyEvent.VK_DOWN);
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().list("reg.departments").target().getSelectedIndex()) == 1,
                    "the next department chosen by key");
        }
    }

    /** F9 at the desk, as at the counter: the training-card chooser, the card chosen with the arrow keys and Enter. */
    private static void presentTrainingCard(DesktopRig rig, int downPresses) {
        rig.waitForFocus("reg.departments");
        rig.key(KeyEvent.VK_F9);
        DialogFixture chooser = rig.dialog();
        assertEquals("Put a training card in the reader", chooser.target().getTitle());
        rig.waitForFocus("dialog.list");
        for (int i = 0; i < downPresses; i++) {
            rig.key(KeyEvent.VK_DOWN);
        }
        rig.key(KeyEvent.VK_ENTER);
        chooser.requireNotVisible();
    }

    /**
     * Issue 15: the registration desk's card panel and F9, keyboard only. A frozen training card shows its holder with
     * the rule's red message; registering it is refused; the next patient's card clears that refusal and shows the
     * name before registering; the fee paid, the panel shows the balance after; the next card clears the "paid" answer.
     */
    @Test
    void F9_trainingCard_nameOnThePanelBeforeRegistering_theNextCardClearsTheLastPatientsMessage() throws Exception {
        DesktopRig.needDisplay();
        Terminal terminal = new Terminal(TrainingTerminals.config(dir, Map.of("institution.kind", "HOSPITAL", "language", "en")),
                TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01"));
        try (DesktopRig rig = DesktopRig.open(terminal)) {
            rig.signIn("cashier", "11111111");
            rig.show("registration");
            rig.waitForLabel("reg.banner", () -> "no card yet", t -> t.contains("Insert the patient card."));

            presentTrainingCard(rig, 3); // normal-3des, normal-sm4, suspended, frozen
            rig.waitForLabel("reg.name", () -> "the frozen card's holder", t -> t.equals("刘芳"));
            String banner = rig.label("reg.banner");
            assertTrue(banner.contains("Card frozen") && banner.contains("(R5)"), banner);
            assertEquals(org.medcard.terminal.ui.shell.Theme.RED,
                    GuiActionRunner.execute(() -> rig.window().label("reg.banner").target().getBackground()));
            assertTrue(rig.label("reg.cardno").contains("*"), "masked: " + rig.label("reg.cardno"));
            assertTrue(rig.text("reg.detail").startsWith("This card cannot be used: Card frozen"), rig.text("reg.detail"));

            rig.waitForFocus("reg.departments");
            rig.key(KeyEvent.VK_ENTER); // register and pay: the desk refuses the frozen card
            rig.waitForLabel("reg.headline", () -> "refused", t -> t.equals("Not done"));
            assertTrue(rig.text("reg.detail").contains("(R5)"), rig.text("reg.detail"));
            rig.screenshot("registration-card-frozen-en");

            presentTrainingCard(rig, 0); // normal-3des, 张伟, two monthly loads of 350.00 pending (R15)
            rig.waitForLabel("reg.name", () -> "the next patient's name", t -> t.equals("张伟"));
            rig.waitForLabel("reg.headline", () -> "the refusal cleared", t -> t.isBlank());
            assertFalse(rig.text("reg.detail").contains("(R5)"), "the last patient's refusal is gone: " + rig.text("reg.detail"));
            assertTrue(rig.text("reg.detail").startsWith("Card read."), rig.text("reg.detail"));
            assertEquals("Card OK", rig.label("reg.banner").replaceAll("<[^>]+>", ""));
            assertEquals(Texts.yuan(128_650 + 70_000), rig.label("reg.balance"), "the balance after the R15 loads");

            rig.waitForFocus("reg.departments");
            rig.key(KeyEvent.VK_ENTER);
            DialogFixture pin = rig.dialog();
            rig.waitForFocus("pin.field");
            rig.type("123456");
            rig.key(KeyEvent.VK_ENTER);
            rig.waitForLabel("reg.headline", () -> "paid", t -> t.startsWith("Paid"));
            pin.requireNotVisible();
            assertTrue(rig.text("reg.detail").startsWith("张伟"), "the holder with the visit: " + rig.text("reg.detail"));
            rig.waitForLabel("reg.balance", () -> "the balance after the fee", t -> t.equals(Texts.yuan(128_650 + 70_000 - 1_500)));
            rig.screenshot("registration-card-paid-en");

            presentTrainingCard(rig, 1); // normal-sm4, 王秀英
            rig.waitForLabel("reg.name", () -> "the third patient's name", t -> t.equals("王秀英"));
            rig.waitForLabel("reg.headline", () -> "the last patient's answer cleared", t -> t.isBlank());
            assertTrue(rig.text("reg.detail").startsWith("Card read"), rig.text("reg.detail"));
            assertEquals("", rig.text("reg.split"), "the last visit's split is not this patient's");

            // The keyboard is still the desk's after the chooser: Down chooses the next department.
            rig.waitForFocus("reg.departments");
            rig.key(KeyEvent.VK_DOWN);
            DesktopRig.waitFor(() -> GuiActionRunner.execute(() -> rig.window().list("reg.departments").target().getSelectedIndex()) == 1,
                    "the next department chosen by key");
        }
    }
}
