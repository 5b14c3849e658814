package org.medcard.terminal.receipt.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.receipt.CardMoney;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.SampleDocuments;

/** Issue 15: the sale receipt's money lines are journalled and reprinted; rows written before them still read. */
class MoneyLinesCodecTest {

    private final DocumentCodec codec = new DocumentCodec();

    @Test
    void theMoneyLines_surviveTheJournal() {
        SaleReceipt sale = SampleDocuments.sale(false);
        SaleReceipt withMoney = sale.withMoney(new CardMoney(128_650, 70_000, "2026-11", 0, 0));

        SaleReceipt back = (SaleReceipt) codec.fromJson("sale-receipt", codec.toJson(withMoney));

        assertEquals(withMoney, back);
        assertEquals(withMoney.toSheet(), back.toSheet());
    }

    @Test
    void anOlderRowWithoutThem_readsWithNoMoneyLines() {
        SaleReceipt sale = SampleDocuments.sale(false);
        String json = codec.toJson(sale).replace(",\"money\":null", "");

        SaleReceipt back = (SaleReceipt) codec.fromJson("sale-receipt", json);

        assertNull(back.money());
        assertEquals(sale, back);
    }

    @Test
    void tenderedMinusChange_mustBeTheCashShare() {
        SaleReceipt sale = SampleDocuments.sale(false);
        long cash = sale.split().cashPay();
        assertThrows(IllegalArgumentException.class, () -> sale.withMoney(new CardMoney(-1, 0, null, cash + 500, 100)));
        assertEquals(cash + 500, sale.withMoney(new CardMoney(-1, 0, null, cash + 500, 500)).money().tenderedFen());
    }
}
