package org.medcard.terminal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.desk.ReceiptDesk;

/**
 * Issue 14 (R11 case 2 at the desktop counter): the configured reader is not there ({@code serial:/dev/ttyUSB9}).
 * The status bar names the fault at once, and F12 leads, keyboard only, to cash: the ID number from the ID card,
 * the cash tendered, and a cash receipt carrying the entry number and the last day it can be re-settled. Real
 * Swing under Xvfb, the simulator's PSAM, the embedded center on loopback, SQLite files in a temp folder.
 */
@ExtendWith(XvfbDisplay.class)
class ReaderFaultCashGuiIT {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50
    private static final String ID_NUMBER = "110101197805211235";

    @TempDir
    Path dir;

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

    /** Every label's text in a window, for a message shown in a dialog. */
    private static String labels(java.awt.Container c) {
        return GuiActionRunner.execute(() -> {
            StringBuilder b = new StringBuilder();
            collect(c, b);
            return b.toString();
        });
    }

    private static void collect(java.awt.Container c, StringBuilder b) {
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof javax.swing.JLabel l && l.getText() != null) {
                b.append(l.getText()).append('\n');
            }
            if (k instanceof java.awt.Container inner) {
                collect(inner, b);
            }
        }
    }

    @Test
    void R11_missingReader_redTagWithTheReason_F12_cash_entryNumberAndLastDayOnTheReceipt() {
        gui = GuiApp.start(dir, "en", TrainingTerminals.CLOCK, Map.of("reader", "serial:/dev/ttyUSB9"));
        gui.signIn("cashier", "11111111");
        long start = System.nanoTime();
        GuiApp.waitFor("the reader named at fault",
                () -> gui.window.label("status.reader").target().getText().equals("Reader: NOT CONNECTED"));
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "at once, not at the first card");
        String tip = GuiActionRunner.execute(() -> gui.window.label("status.reader").target().getToolTipText());
        assertTrue(tip.startsWith("Card reader not connected \u2014 serial /dev/ttyUSB9"), tip);

        gui.window.textBox("counter.code").requireFocused().enterText(AMOXICILLIN);
        gui.key(KeyEvent.VK_ENTER);
        GuiApp.waitFor("the item", () -> gui.window.label("counter.total").target().getText().equals("¥12.50"));

        gui.key(KeyEvent.VK_F12);
        DialogFixture id = dialog("ID number");
        id.textBox("ask.field").requireFocused().enterText("110101197805211234"); // wrong check digit: 5
        gui.key(KeyEvent.VK_ENTER);
        DialogFixture again = dialog("ID number");
        GuiApp.waitFor("the right check digit said", () -> labels(again.target()).contains("it must be 5"));
        again.textBox("ask.field").requireFocused().deleteText().enterText(ID_NUMBER);
        gui.key(KeyEvent.VK_ENTER);

        DialogFixture split = dialog("Check the split");
        assertEquals("¥12.50", split.label("split.cash").text());
        split.textBox("split.tendered").requireFocused().deleteText().enterText("20.00");
        gui.key(KeyEvent.VK_ENTER);

        GuiApp.waitFor("cash sale recorded", () -> gui.window.textBox("counter.result").target().getText().startsWith("Pay in cash"));
        List<ResettlementEntry> open = gui.app.terminal().queue().resettlements(ResettlementState.OPEN);
        assertEquals(1, open.size());
        ResettlementEntry entry = open.get(0);
        assertEquals(1_250, entry.cashPaidFen());
        String result = GuiActionRunner.execute(() -> gui.window.textBox("counter.result").target().getText());
        assertTrue(result.contains(entry.entryNo()), result);
        assertTrue(result.contains("card reader not connected"), result);
        assertTrue(result.contains("Give change: ¥7.50"), result);
        gui.screenshot(GuiApp.screenshotDir(), "it-counter-reader-missing-cash-en.png");

        ReceiptDesk.Issued issued = gui.app.terminal().receipts().reprint(1).orElseThrow();
        CashReceipt receipt = (CashReceipt) issued.document();
        assertEquals(entry.entryNo(), receipt.entryNo());
        LocalDate today = LocalDate.now(TrainingTerminals.CLOCK);
        assertEquals(today.plusDays(gui.app.terminal().config().resettleMaxDays()), receipt.resettleBy());
        assertEquals("card reader not connected", receipt.fault());
    }
}
