package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.status.PartState;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.e2e.PcscdRig;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.resettle.ResettleDesk;
import org.medcard.terminal.resettle.ResettleOutcome;
import org.medcard.terminal.resettle.ResettleView;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * Issue 14 through the real pcscd + vpcd: mid-day the card reader goes away (the PC/SC service dies, so no reader
 * answers; vpcd cannot take a reader out of pcscd's list, so this is how a reader gone looks to the terminal). The
 * desktop counter's model sees it from the reader watch, the next sale (F12) goes to cash with an entry, and once
 * the reader is back the patient's card re-settles that entry with the refund. Inline executors, a recording view.
 */
class ReaderGoneCashThroughPcscdIT {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, A: all from the personal account online

    @TempDir
    Path dir;

    @Test
    void R11_readerGoneMidDay_nextSaleIsCashWithAnEntry_reSettledWithTheCardWhenTheReaderIsBack() throws Exception {
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            VirtualMedicalCard card = rig.present("normal-sm4");
            String idNumber = card.profile().psnCertNo();
            try (Terminal t = TrainingTerminals.open(dir.resolve("terminal"), Map.of("language", "en",
                    "reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER))) {
                RecordingCounterView view = new RecordingCounterView();
                RecordingReceiptOutput receipts = RecordingReceiptOutput.withoutPrinter(dir.resolve("receipt.pdf").toString());
                List<ReceiptDocument> issued = receipts.issued;
                CounterModel model = new CounterModel(org.medcard.terminal.ui.counter.TerminalCounterPorts.of(t, receipts), Runnable::run,
                        Runnable::run, view, Texts.of(CounterModel.BUNDLE, Locale.ENGLISH), () -> "cashier01");
                t.devices().addListener(e -> model.pollCard());
                t.devices().watchReaders();
                model.pollCard();
                awaitTrue(() -> model.card().present() && !model.card().name().isEmpty(), "the card read through pcscd");
                awaitTrue(() -> t.state().reader().isOk(), "reader OK");

                rig.killPcscd();
                awaitTrue(() -> t.state().reader().health() == PartState.Health.FAULT, "the reader shown at fault at once");
                awaitTrue(() -> !model.card().present(), "the card panel cleared");

                model.scan(AMOXICILLIN);
                view.idNumbers.add(idNumber);
                model.pay();

                SaleDone cash = view.done.get(view.done.size() - 1);
                assertEquals(SaleOutcome.Kind.CASH_RESETTLE, cash.kind(), cash.message() + " / " + view.messages);
                assertEquals(1, view.idQuestions.size(), "F12 asked for the ID number, not for the card");
                List<ResettlementEntry> open = t.queue().resettlements(ResettlementState.OPEN);
                assertEquals(1, open.size());
                String entryNo = open.get(0).entryNo();
                assertEquals(1_250, open.get(0).cashPaidFen());
                CashReceipt receipt = (CashReceipt) issued.get(issued.size() - 1);
                assertEquals(entryNo, receipt.entryNo());
                assertEquals(java.time.LocalDate.now(TrainingTerminals.CLOCK).plusDays(t.config().resettleMaxDays()),
                        receipt.resettleBy());
                long before = card.state().balance();

                rig.startPcscd();
                awaitTrue(() -> t.state().reader().isOk(), "the reader back by itself");
                assertTrue(rig.cardVisible(Duration.ofSeconds(10)), "the card still in the slot is seen again");
                awaitTrue(() -> model.card().present() && !model.card().name().isEmpty(), "the card read again");

                ResettleDesk desk = t.resettleDesk();
                assertEquals(1, desk.registerOpenEntries(), "the entry registered with the center (8400)");
                ResettleView r = ResettleView.of(t, desk.settle(entryNo, "cashier01", () -> "123456".toCharArray(), OptionalLong.empty()));
                assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
                assertEquals(1_250, r.refundFen(), "the insured shares handed back in cash");
                assertEquals(before - 1_250, card.state().balance(), "the account share debited once, with the card");
                assertFalse(t.queue().resettlement(entryNo).orElseThrow().state() == ResettlementState.OPEN);
            }
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            Thread.sleep(20);
        }
    }
}
