package org.medcard.terminal.ui.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.config.TerminalConfig;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.ui.XvfbDisplay;
import org.medcard.terminal.ui.queue.DesktopRig;

/**
 * Issue 15, print/save on every outcome: after a void on the supervisor screen, F7 prints the void's journalled
 * receipt on the configured printer (an ESC/POS device that is a real file here) and F8 saves it as a PDF in the
 * receipts folder; the line under the result says which, and the keys are listed once a receipt is ready. Keyboard
 * only, under Xvfb, in English; training terminal, embedded center, SQLite files.
 */
@ExtendWith(XvfbDisplay.class)
class VoidSlipGuiIT {

    @TempDir
    Path dir;
    private TerminalConfig config;
    private SaleReceipt sale;
    private Path printer;

    /** Metformin x3 with 10.01 from the account (cash 4.57), sold and journalled before the app starts. */
    @BeforeEach
    void aSaleOfToday() throws Exception {
        DesktopRig.needDisplay();
        printer = Files.createFile(dir.resolve("printer.bin"));
        config = TrainingTerminals.config(dir, Map.of("language", "en", "printer", "escpos:" + printer));
        try (Terminal t = open()) {
            t.devices().training().orElseThrow().present("normal-3des");
            SaleView o = SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:3")),
                    () -> "123456".toCharArray(), "cashier").withRequestedAccount(1_001)));
            assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
            sale = (SaleReceipt) o.receiptDocument().orElseThrow();
            t.receipts().issue(sale);
        }
    }

    private Terminal open() {
        return new Terminal(config, TrainingTerminals.CLOCK, new Terminal.Options(false, false, "T01"));
    }

    @Test
    void afterAVoid_F7PrintsAndF8SavesItsReceipt_andTheLineSaysSo() throws Exception {
        try (DesktopRig rig = DesktopRig.open(open())) {
            rig.signIn("supervisor", "22222222");
            rig.show("supervisor");
            rig.waitForFocus("void.setl_id");

            rig.key(KeyEvent.VK_F7);
            rig.waitForLabel("void.slip", () -> "no slip before a void", t -> t.equals("No void receipt to print yet: void a settlement first."));

            rig.type(sale.setlId());
            rig.key(KeyEvent.VK_F5);
            DialogFixture confirm = rig.dialog();
            confirm.textBox("void.password").enterText("22222222");
            confirm.textBox("void.reason").enterText("patient returned the goods");
            confirm.textBox("void.reason").pressAndReleaseKeys(KeyEvent.VK_ENTER);
            rig.waitForLabel("void.headline", () -> "the void", t -> t.contains("Hand back 4.57"));
            rig.waitForLabel("void.slip", () -> "the keys listed", t -> t.equals("F7 print receipt \u00b7 F8 save PDF"));
            long id = rig.terminal().receipts().listAll().stream().filter(e -> e.kind().equals("void-receipt")).findFirst()
                    .orElseThrow().id();
            rig.waitForFocus("void.setl_id");

            rig.key(KeyEvent.VK_F7);
            rig.waitForLabel("void.slip", () -> "printed", t -> t.equals("Slip No. " + id + " printed on " + rig.terminal().receipts().printer().target() + "."));
            assertTrue(Files.size(printer) > 0, "the printer got the receipt");

            rig.key(KeyEvent.VK_F8);
            Path pdf = dir.resolve("receipts").resolve("void-receipt-" + id + ".pdf");
            rig.waitForLabel("void.slip", () -> "saved", t -> t.equals("Slip No. " + id + " saved as " + pdf));
            assertTrue(Files.exists(pdf));
            assertEquals(1, rig.terminal().receipts().listAll().stream().filter(e -> e.kind().equals("void-receipt")).count(),
                    "one journal entry, however many copies");
            rig.screenshot("void-slip-en");
        }
    }
}
