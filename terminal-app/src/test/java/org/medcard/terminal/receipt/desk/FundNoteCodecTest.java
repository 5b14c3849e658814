package org.medcard.terminal.receipt.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.receipt.FundNote;
import org.medcard.terminal.receipt.RegistrationSlip;
import org.medcard.terminal.receipt.SaleReceipt;
import org.medcard.terminal.receipt.SampleDocuments;
import org.medcard.terminal.receipt.Split;

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
    void theRegistrationSlipsReason_survivesTheJournal() {
        RegistrationSlip s = SampleDocuments.registration(false);
        RegistrationSlip noted = new RegistrationSlip(s.header(), s.insured(), s.mdtrtId(), s.department(), s.doctor(),
                new Split(5_000, 0, 5_000, 0), s.setlId(), s.proof(), new FundNote("R12", null));

        RegistrationSlip back = (RegistrationSlip) codec.fromJson("registration-slip", codec.toJson(noted));

        assertEquals(noted, back);
        assertTrue(back.toSheet().plainText().contains("(R12)."), back.toSheet().plainText());
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
