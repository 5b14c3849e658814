package org.medcard.terminal.receipt.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.receipt.FundNote;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.SampleDocuments;

/** Issue 15: the sale receipt's "fund pays 0" reason is journalled with it and reprinted; older rows still read. */
class FundNoteCodecTest {

    private final DocumentCodec codec = new DocumentCodec();

    @Test
    void theReason_survivesTheJournal_andReprintsTheSameLine() {
        SaleReceipt noted = SampleDocuments.sale(false).withFundNote(new FundNote("R6", LocalDate.of(2027, 2, 1)));

        SaleReceipt back = (SaleReceipt) codec.fromJson("sale-receipt", codec.toJson(noted));

        assertEquals(new FundNote("R6", LocalDate.of(2027, 2, 1)), back.fundNote());
        assertEquals(noted.toSheet(), back.toSheet());
    }

    @Test
    void anOlderRowWithoutIt_readsWithNoReason() {
        SaleReceipt sale = SampleDocuments.sale(false);
        String json = codec.toJson(sale).replace(",\"fundNote\":null", "");

        SaleReceipt back = (SaleReceipt) codec.fromJson("sale-receipt", json);

        assertNull(back.fundNote());
        assertEquals(sale, back);
    }
}
