package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.CardMoney;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * Issue 15, money a cashier can read: balance before, the month's load (R15), paid, balance after, and cash
 * tendered / change, on screen and on the receipt. A real training terminal ({@link TrainingCounter}: SQLite files
 * and the embedded center on loopback), a recording view.
 */
class MoneyLinesIT extends TrainingCounterCase {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, A

    @Test
    void R15_theMonthsLoadAtTheCardRead_isShownWithTheSale_andAddsUp_onScreenAndOnTheReceipt() throws Exception {
        VirtualMedicalCard card = counter.present("normal-3des"); // two pending loads of 350.00 (2026-10, 2026-11)
        long before = card.profile().balance();
        counter.model().scan(AMOXICILLIN);
        counter.view().pins.add("123456");

        counter.model().pay();

        assertEquals(SaleOutcome.Kind.SETTLED, counter.view().done.get(0).kind(), counter.view().done.get(0).message());
        MoneyLines m = counter.view().money.get(0);
        assertEquals(new MoneyLines(before, 70_000, "2026-10, 2026-11", 1_250, before + 70_000 - 1_250, 0, 0, 0), m);
        assertEquals(card.state().balance(), m.balanceAfterFen(), "the card agrees");
        Texts texts = Texts.of(CounterModel.BUNDLE, Locale.ENGLISH);
        assertEquals(List.of("Card balance before: " + Texts.yuan(before), "Monthly load (2026-10, 2026-11): ¥700.00",
                "Paid from the card: ¥12.50", "Card balance after: " + Texts.yuan(before + 68_750)), m.lines(texts));

        SaleReceipt receipt = (SaleReceipt) counter.receipts().issued.get(0);
        assertEquals(new CardMoney(before, 70_000, "2026-10, 2026-11", 0, 0), receipt.money());
        String paper = receipt.toSheet().plainText();
        assertTrue(paper.contains("Balance before") && paper.contains("Monthly load 2026-10, 2026-11") && paper.contains("700.00"), paper);

        counter.model().scan(AMOXICILLIN);
        counter.view().pins.add("123456");
        counter.model().pay();
        assertEquals(0, counter.view().money.get(1).loadedFen(), "the load is told once, with the sale that followed it");
        assertEquals(m.balanceAfterFen(), counter.view().money.get(1).balanceBeforeFen());
    }

    @Test
    void cashShare_tenderedAndChange_onScreenAndOnTheReceipt_andEnterMeansTheExactAmount() throws Exception {
        counter.present("low-balance"); // 3.50 on the card
        counter.model().scan(AMOXICILLIN); // 12.50: 9.00 in cash
        counter.view().splitAnswers.add(SplitAnswer.confirm(2_000));
        counter.view().pins.add("123456");

        counter.model().pay();

        MoneyLines m = counter.view().money.get(0);
        assertEquals(900, m.cashFen());
        assertEquals(2_000, m.tenderedFen());
        assertEquals(1_100, m.changeFen());
        assertTrue(m.lines(Texts.of(CounterModel.BUNDLE, Locale.ENGLISH)).containsAll(List.of("Cash tendered: ¥20.00", "Give change: ¥11.00")));
        SaleReceipt receipt = (SaleReceipt) counter.receipts().issued.get(0);
        String paper = receipt.toSheet().plainText();
        assertTrue(paper.contains("Cash tendered") && paper.contains("20.00") && paper.contains("Change") && paper.contains("11.00"), paper);
    }

    /** Issue 15 and R11 case 2: a cash sale during a fault prints cash tendered and change on its cash receipt too. */
    @Test
    void R11_cashSaleDuringAFault_tenderedAndChange_onTheCashReceipt() throws Exception {
        VirtualMedicalCard card = counter.present("normal-3des");
        var slot = ((SimulatorTrainingReader) counter.terminal().devices().training().orElseThrow()).reader().slot(0);
        slot.setUnplugged(true); // the reader stops answering: R11 case 2, the whole sale in cash
        counter.model().scan(AMOXICILLIN); // 12.50
        counter.view().idNumbers.add(card.profile().psnCertNo());
        counter.view().splitAnswers.add(SplitAnswer.confirm(5_000)); // ¥50 handed over

        counter.model().pay();
        slot.setUnplugged(false);

        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, counter.view().done.get(0).kind(), counter.view().done.get(0).message());
        MoneyLines m = counter.view().money.get(0);
        assertEquals(1_250, m.cashFen());
        assertEquals(5_000, m.tenderedFen());
        assertEquals(3_750, m.changeFen());
        CashReceipt receipt = (CashReceipt) counter.receipts().issued.get(0);
        assertEquals(1_250, receipt.cashPaid());
        assertEquals(5_000, receipt.tenderedFen());
        assertEquals(3_750, receipt.changeFen());
        String paper = receipt.toSheet().plainText();
        assertTrue(paper.contains("Cash tendered") && paper.contains("50.00") && paper.contains("Change") && paper.contains("37.50"), paper);
        assertTrue(paper.indexOf("Cash tendered") < paper.indexOf("Entry No."), "under the split, before the entry number: " + paper);
    }
}
