package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.CardMoney;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Issue 15, money a cashier can read: balance before, the month's load (R15), paid, balance after, and cash
 * tendered / change, on screen and on the receipt. A real training terminal, a recording view.
 */
class MoneyLinesTest {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, A

    @TempDir
    Path dir;

    private Terminal terminal;
    private RecordingCounterView view;
    private CounterModel model;
    private final List<ReceiptDocument> issued = new ArrayList<>();

    @BeforeEach
    void open() {
        terminal = TrainingTerminals.open(dir, Map.of("language", "en"));
        view = new RecordingCounterView();
        ReceiptOutput receipts = new ReceiptOutput() {
            @Override
            public ReceiptDesk.Issued issue(ReceiptDocument document) {
                issued.add(document);
                return new ReceiptDesk.Issued(issued.size(), document, 0, null);
            }

            @Override
            public String print(ReceiptDesk.Issued receipt) {
                return "printer";
            }

            @Override
            public String savePdf(ReceiptDesk.Issued receipt) {
                return dir.resolve("receipt.pdf").toString();
            }
        };
        model = new CounterModel(org.medcard.terminal.ui.counter.TerminalCounterPorts.of(terminal, receipts), Runnable::run, Runnable::run, view,
                Texts.of(CounterModel.BUNDLE, Locale.ENGLISH), () -> "cashier");
    }

    @AfterEach
    void close() {
        terminal.close();
    }

    private VirtualMedicalCard present(String profile) throws Exception {
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard(profile);
        model.pollCard();
        return card;
    }

    @Test
    void R15_theMonthsLoadAtTheCardRead_isShownWithTheSale_andAddsUp_onScreenAndOnTheReceipt() throws Exception {
        VirtualMedicalCard card = present("normal-3des"); // two pending loads of 350.00 (2026-10, 2026-11)
        long before = card.profile().balance();
        model.scan(AMOXICILLIN);
        view.pins.add("123456");

        model.pay();

        assertEquals(SaleOutcome.Kind.SETTLED, view.done.get(0).kind(), view.done.get(0).message());
        MoneyLines m = view.money.get(0);
        assertEquals(new MoneyLines(before, 70_000, "2026-10, 2026-11", 1_250, before + 70_000 - 1_250, 0, 0, 0), m);
        assertEquals(card.state().balance(), m.balanceAfterFen(), "the card agrees");
        Texts texts = Texts.of(CounterModel.BUNDLE, Locale.ENGLISH);
        assertEquals(List.of("Card balance before: " + Texts.yuan(before), "Monthly load (2026-10, 2026-11): ¥700.00",
                "Paid from the card: ¥12.50", "Card balance after: " + Texts.yuan(before + 68_750)), m.lines(texts));

        SaleReceipt receipt = (SaleReceipt) issued.get(0);
        assertEquals(new CardMoney(before, 70_000, "2026-10, 2026-11", 0, 0), receipt.money());
        String paper = receipt.toSheet().plainText();
        assertTrue(paper.contains("Balance before") && paper.contains("Monthly load 2026-10, 2026-11") && paper.contains("700.00"), paper);

        model.scan(AMOXICILLIN);
        view.pins.add("123456");
        model.pay();
        assertEquals(0, view.money.get(1).loadedFen(), "the load is told once, with the sale that followed it");
        assertEquals(m.balanceAfterFen(), view.money.get(1).balanceBeforeFen());
    }

    @Test
    void cashShare_tenderedAndChange_onScreenAndOnTheReceipt_andEnterMeansTheExactAmount() throws Exception {
        present("low-balance"); // 3.50 on the card
        model.scan(AMOXICILLIN); // 12.50: 9.00 in cash
        view.splitAnswers.add(SplitAnswer.confirm(2_000));
        view.pins.add("123456");

        model.pay();

        MoneyLines m = view.money.get(0);
        assertEquals(900, m.cashFen());
        assertEquals(2_000, m.tenderedFen());
        assertEquals(1_100, m.changeFen());
        assertTrue(m.lines(Texts.of(CounterModel.BUNDLE, Locale.ENGLISH)).containsAll(List.of("Cash tendered: ¥20.00", "Give change: ¥11.00")));
        SaleReceipt receipt = (SaleReceipt) issued.get(0);
        String paper = receipt.toSheet().plainText();
        assertTrue(paper.contains("Cash tendered") && paper.contains("20.00") && paper.contains("Change") && paper.contains("11.00"), paper);
    }

    /** Issue 15 and R11 case 2: a cash sale during a fault prints cash tendered and change on its cash receipt too. */
    @Test
    void R11_cashSaleDuringAFault_tenderedAndChange_onTheCashReceipt() throws Exception {
        VirtualMedicalCard card = present("normal-3des");
        var slot = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0);
        slot.setUnplugged(true); // the reader stops answering: R11 case 2, the whole sale in cash
        model.scan(AMOXICILLIN); // 12.50
        view.idNumbers.add(card.profile().psnCertNo());
        view.splitAnswers.add(SplitAnswer.confirm(5_000)); // ¥50 handed over

        model.pay();
        slot.setUnplugged(false);

        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, view.done.get(0).kind(), view.done.get(0).message());
        MoneyLines m = view.money.get(0);
        assertEquals(1_250, m.cashFen());
        assertEquals(5_000, m.tenderedFen());
        assertEquals(3_750, m.changeFen());
        CashReceipt receipt = (CashReceipt) issued.get(0);
        assertEquals(1_250, receipt.cashPaid());
        assertEquals(5_000, receipt.tenderedFen());
        assertEquals(3_750, receipt.changeFen());
        String paper = receipt.toSheet().plainText();
        assertTrue(paper.contains("Cash tendered") && paper.contains("50.00") && paper.contains("Change") && paper.contains("37.50"), paper);
        assertTrue(paper.indexOf("Cash tendered") < paper.indexOf("Entry No."), "under the split, before the entry number: " + paper);
    }
}
