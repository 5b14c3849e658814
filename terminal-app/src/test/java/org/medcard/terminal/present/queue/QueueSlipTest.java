package org.medcard.terminal.present.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.present.counter.DeskReceiptOutput;
import org.medcard.terminal.present.outcome.OutcomeSlip;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Issue 15, print/save on every outcome: the re-settlement's receipt journalled by the queue screen is kept, printed
 * on the configured printer (an ESC/POS device that is a real file) and saved as an owner-only PDF from that one
 * journal entry, and the line says which. Training terminal, inline executors, the recording view.
 */
class QueueSlipTest {

    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();
    private static final Executor INLINE = Runnable::run;

    @TempDir
    Path dir;
    private Terminal terminal;
    private final RecordingQueueView view = new RecordingQueueView();

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void afterAReSettlement_printAndSaveCopyItsJournalledReceipt_andSaySo() throws Exception {
        Path printer = Files.createFile(dir.resolve("printer.bin"));
        terminal = TrainingTerminals.open(dir, Map.of("language", "en", "printer", "escpos:" + printer));
        QueueModel model = new QueueModel(org.medcard.terminal.ui.queue.TerminalQueuePorts.of(terminal), terminal.language(), () -> "cashier01",
                view, INLINE, INLINE)
                .keepSlipsIn(new OutcomeSlip(new DeskReceiptOutput(terminal.receipts(), dir.resolve("receipts")), Locale.ENGLISH));
        model.printSlip();
        assertEquals(List.of("No re-settlement receipt to print yet: re-settle an entry first."), view.messages);
        assertFalse(model.slipReady());

        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        var slot = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0);
        slot.setUnplugged(true);
        SaleView sale = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XA10BAD003:3")), RIGHT_PIN,
                "cashier01").withIdNumber(card.profile().psnCertNo())));
        slot.setUnplugged(false);
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, sale.kind(), sale.message());
        model.refresh();
        model.forwardNow();
        model.resettle(sale.entryNo());
        assertEquals(ResettleOutcome.Kind.SETTLED, view.resettled.get(0).outcome().kind(), view.resettled.get(0).detail());
        assertTrue(model.slipReady(), "the re-settlement's Issued is kept");
        var journalled = terminal.receipts().listAll().stream().filter(e -> e.kind().equals("resettlement-receipt")).toList();
        assertEquals(1, journalled.size());
        long id = journalled.get(0).id();

        view.messages.clear();
        model.printSlip();
        assertEquals(List.of("Slip No. " + id + " printed on " + terminal.receipts().printer().target() + "."), view.messages);
        assertTrue(Files.size(printer) > 0, "the ESC/POS bytes went to the printer");
        model.saveSlip();
        Path pdf = dir.resolve("receipts").resolve("resettlement-receipt-" + id + ".pdf");
        assertEquals("Slip No. " + id + " saved as " + pdf, view.messages.get(1));
        assertTrue(new String(Files.readAllBytes(pdf), 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF"));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(pdf));
        assertEquals(1, terminal.receipts().listAll().stream().filter(e -> e.kind().equals("resettlement-receipt")).count(),
                "copies come from the one journal entry");

        // Issue 15: signed out, the next cashier's Ctrl+P cannot print the previous patient's receipt.
        long printed = Files.size(printer);
        model.signedOut();
        assertFalse(model.slipReady());
        view.messages.clear();
        model.printSlip();
        model.saveSlip();
        assertEquals(List.of("No re-settlement receipt to print yet: re-settle an entry first.",
                "No re-settlement receipt to print yet: re-settle an entry first."), view.messages);
        assertEquals(printed, Files.size(printer), "nothing more went to the printer");
    }
}
