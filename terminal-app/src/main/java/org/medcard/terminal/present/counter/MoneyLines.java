package org.medcard.terminal.present.counter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.medcard.terminal.text.Texts;
import org.medcard.terminal.receipt.CardMoney;
import org.medcard.terminal.receipt.CashReceipt;
import org.medcard.terminal.receipt.ReceiptDocument;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.sale.PaymentPlan;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * The money of one sale as a cashier reads it out (issue 15), on screen and on the receipt: the balance before, any
 * monthly load (amount and month, R15), the amount the card paid, the balance after; cash tendered and change.
 * They add up: before + load − paid = after. Amounts in fen; -1 when the card would not tell.
 */
public record MoneyLines(long balanceBeforeFen, long loadedFen, String loadMonth, long paidFen, long balanceAfterFen,
                         long cashFen, long tenderedFen, long changeFen) {

    /**
     * @param readLoad the load credited when this card was read at the counter, empty when none was
     * @param tendered the cash tendered at the split (0: no cash share)
     */
    public static MoneyLines of(SaleOutcome o, Optional<CardLoad> readLoad, long tendered) {
        PaymentPlan p = o.plan().orElse(null);
        long paid = p == null ? 0 : p.accountFen();
        long cash = p == null ? 0 : p.cashFen();
        long loaded = o.loadedFen() + readLoad.map(CardLoad::amountFen).orElse(0L);
        String month = o.loadedFen() > 0 ? null : readLoad.map(CardLoad::month).orElse(null);
        long after = o.balanceAfterFen().orElse(-1);
        long before = after < 0 ? -1 : after + paid - loaded;
        long given = tendered >= cash && cash > 0 ? tendered : 0;
        return new MoneyLines(before < 0 ? -1 : before, loaded, month, paid, after, cash, given, given > 0 ? given - cash : 0);
    }

    /** The lines under the sale's result, in the order the patient hears them. */
    public List<String> lines(Texts texts) {
        List<String> out = new ArrayList<>();
        if (balanceBeforeFen >= 0) {
            out.add(texts.text("money.before", Texts.yuan(balanceBeforeFen)));
        }
        if (loadedFen > 0) {
            out.add(loadMonth == null ? texts.text("money.load_nomonth", Texts.yuan(loadedFen))
                    : texts.text("money.load", Texts.yuan(loadedFen), loadMonth));
        }
        if (paidFen > 0 || balanceAfterFen >= 0) {
            out.add(texts.text("money.paid", Texts.yuan(paidFen)));
        }
        if (balanceAfterFen >= 0) {
            out.add(texts.text("done.balance", Texts.yuan(balanceAfterFen)));
        }
        if (tenderedFen > 0) {
            out.add(texts.text("money.tendered", Texts.yuan(tenderedFen)));
            out.add(texts.text("done.change", Texts.yuan(changeFen)));
        }
        return out;
    }

    /**
     * The sale receipt with these lines added, the fault path's cash receipt (R11 case 2) with cash tendered and
     * change; any other document unchanged.
     */
    public ReceiptDocument onReceipt(ReceiptDocument document) {
        if (document instanceof CashReceipt c) {
            try {
                return c.withTendered(tenderedFen);
            } catch (IllegalArgumentException e) {
                return document; // the sale stands; its receipt prints without the two lines
            }
        }
        if (document instanceof SaleReceipt s) {
            try {
                return s.withMoney(new CardMoney(balanceBeforeFen, loadedFen, loadMonth, tenderedFen, changeFen));
            } catch (IllegalArgumentException e) {
                // The sale stands whatever these extra lines say: its receipt prints without them.
                return document;
            }
        }
        return document;
    }

    /**
     * A load credited when the card was read (R15), until the sale that follows shows it.
     *
     * @param month the load's month ({@code 2026-12}), or null when not known
     */
    public record CardLoad(long amountFen, String month) {
    }
}
