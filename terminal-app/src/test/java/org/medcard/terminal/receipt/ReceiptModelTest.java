package org.medcard.terminal.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.text.Texts;

class ReceiptModelTest {

    @Test
    void split_mustAddUpToTheTotal() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Split(6_180, 0, 5_000, 1_000));
        assertTrue(e.getMessage().contains("do not add up"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Split(100, -1, 101, 0));
    }

    @Test
    void insured_toStringMasksNumbers_soARecordInALogLeaksNothing() {
        String s = SampleDocuments.insured().toString();
        assertFalse(s.contains(SampleDocuments.ID_NUMBER), s);
        assertFalse(s.contains(SampleDocuments.CARD_NUMBER), s);
        assertTrue(s.contains(SampleDocuments.MASKED_ID), s);
        assertFalse(SampleDocuments.dayClose(false).toString().contains(SampleDocuments.ID_NUMBER));
        assertFalse(SampleDocuments.sale(false).toString().contains(SampleDocuments.ID_NUMBER));
    }

    @Test
    void tac_isEightHexDigits_storedUpperCase() {
        assertEquals("6FBC1D52", new CardProof("6fbc1d52", 0).tac());
        assertThrows(IllegalArgumentException.class, () -> new CardProof("6FBC1D5", 0));
        assertThrows(IllegalArgumentException.class, () -> new CardProof("6FBC1D5G", 0));
    }

    @Test
    void saleReceipt_itemsMustMatchTheTotal_andADebitNeedsItsTac() {
        ReceiptHeader h = SampleDocuments.header(false);
        Insured p = SampleDocuments.insured();
        List<LineItem> items = SampleDocuments.items();
        assertThrows(IllegalArgumentException.class,
                () -> new SaleReceipt(h, p, null, items, new Split(6_000, 0, 5_000, 1_000), "S1", new CardProof("00000000", 0), false));
        assertThrows(IllegalArgumentException.class,
                () -> new SaleReceipt(h, p, null, items, new Split(6_180, 0, 5_000, 1_180), "S1", null, false));
    }

    @Test
    void onlineSale_whose2102AnswerIsAwaited_saysSoAndCarriesTheTac() {
        SaleReceipt r = new SaleReceipt(SampleDocuments.header(false), SampleDocuments.insured(), null, SampleDocuments.items(),
                new Split(6_180, 0, 5_000, 1_180), null, new CardProof("1CFE41F2", 0), false);
        String text = r.toSheet().plainText();
        assertTrue(text.contains("awaiting the center"), text);
        assertTrue(text.contains("resent until it answers"), text);
        assertTrue(text.contains("1CFE41F2"), text);
        assertFalse(text.contains("pending upload"), "not an offline debit: " + text);
    }

    @Test
    void familyAid_R3_fundPaysNothingForTheBeneficiary() {
        Insured child = new Insured("张小吉", "110105201501010011", null);
        assertThrows(IllegalArgumentException.class, () -> new SaleReceipt(SampleDocuments.header(false), SampleDocuments.insured(),
                child, SampleDocuments.items(), new Split(6_180, 1_000, 4_000, 1_180), "S1", new CardProof("00000000", 0), false));
        SaleReceipt ok = new SaleReceipt(SampleDocuments.header(false), SampleDocuments.insured(), child, SampleDocuments.items(),
                new Split(6_180, 0, 5_000, 1_180), "S1", new CardProof("00000000", 0), false);
        String text = ok.toSheet().plainText();
        assertTrue(text.contains("张小吉"), text);
        assertTrue(text.contains("110***********0011"), text);
        assertFalse(text.contains("110105201501010011"), text);
    }

    @Test
    void fundNote_theFundsZeroSaysWhyUnderTheSplit_inChineseAndEnglish_asTheScreenWordsIt() {
        SaleReceipt plain = SampleDocuments.sale(false);
        assertFalse(plain.toSheet().plainText().contains("Fund 0"), "no note, no line");

        SaleReceipt r = plain.withFundNote(new FundNote("R6", java.time.LocalDate.of(2027, 2, 1)));
        String text = r.toSheet().plainText();
        assertTrue(text.contains("统筹基金支付 0：参保资格核准满六个月后享受待遇，自 2027-02-01 起（R6）。"), text);
        assertTrue(text.contains("Fund 0: benefits start six months after qualification, on 2027-02-01 (R6)."), text);
        assertTrue(text.indexOf("(R6)") > text.indexOf("Cash pay"), "under the split: " + text);
        assertEquals(Texts.messages(java.util.Locale.ENGLISH).text("split.no_pooling.R12", ""),
                new FundNote("R12", null).words(java.util.Locale.ENGLISH), "the screen's sentence, not a copy");
        assertEquals(r.withMoney(new CardMoney(-1, 0, null, 0, 0)).fundNote(), r.fundNote(), "kept with the money lines");
    }

    @Test
    void fundNote_onAReceiptWhereTheFundPaid_isRefused() {
        SaleReceipt pooled = new SaleReceipt(SampleDocuments.header(false), SampleDocuments.insured(), null, SampleDocuments.items(),
                new Split(6_180, 1_000, 4_000, 1_180), "S1", new CardProof("00000000", 0), false);
        assertThrows(IllegalArgumentException.class, () -> pooled.withFundNote(new FundNote("R12", null)));
    }

    @Test
    void offlineSale_withoutSetlId_saysPendingUpload() {
        SaleReceipt r = new SaleReceipt(SampleDocuments.header(false), SampleDocuments.insured(), null, SampleDocuments.items(),
                new Split(6_180, 0, 5_000, 1_180), null, new CardProof("00000000", 0), true);
        assertTrue(r.toSheet().plainText().contains("pending upload"));
    }

    @Test
    void resettlement_refundIsFundPlusAccount() {
        assertThrows(IllegalArgumentException.class, () -> new ResettlementReceipt(SampleDocuments.header(false),
                SampleDocuments.insured(), "T01-000017", SampleDocuments.TIME, 6_180, new Split(6_180, 1_200, 4_000, 980),
                6_180, "S1", new CardProof("00000000", 0)));
    }

    @Test
    void amountsAreYuanWithTwoDecimals_independentOfTheDefaultLocale() {
        String text = SampleDocuments.dayClose(false).toSheet().plainText();
        assertTrue(text.contains("1234.00"), text);
        assertTrue(text.contains("987.65"), text);
        assertFalse(text.contains("1,234"), text);
    }

    @Test
    void headerFromClock_isTheClocksLocalTimeToTheSecond() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T02:15:02.789Z"), ZoneId.of("Asia/Shanghai"));
        ReceiptHeader h = ReceiptHeader.now("P11010100001", "药房", "T01", "op", false, clock);
        assertEquals(LocalDateTime.of(2026, 11, 22, 10, 15, 2), h.time());
    }

    @Test
    void cashReceipt_carriesEntryNumberAndResettlementSentence() {
        String text = SampleDocuments.cash(false).toSheet().plainText();
        assertTrue(text.contains("T01-000017"));
        assertTrue(text.contains("The expense will be re-settled at this institution"));
        assertTrue(text.contains("读卡器无响应"));
    }

    @Test
    void R11_cashReceipt_saysTheLastDayTheEntryCanBeResettled_faultDatePlusMaxDays() {
        // A fault at 23:59 on 22 Nov 2026 (local time, fixed clock): 90 days later is 20 Feb 2027.
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T15:59:00Z"), ZoneId.of("Asia/Shanghai"));
        ReceiptHeader h = ReceiptHeader.now("P11010100001", "药房", "T01", "op", false, clock);
        java.time.LocalDate last = CashReceipt.lastResettleDay(h.time().toLocalDate(), 90);
        assertEquals(java.time.LocalDate.of(2027, 2, 20), last);
        assertEquals(java.time.LocalDate.of(2026, 11, 29), CashReceipt.lastResettleDay(h.time().toLocalDate(), 7));
        assertThrows(IllegalArgumentException.class, () -> CashReceipt.lastResettleDay(h.time().toLocalDate(), 0));

        CashReceipt r = new CashReceipt(h, new Insured(SampleDocuments.NAME, SampleDocuments.ID_NUMBER, null),
                List.of(new LineItem("XJ01CAA001", "阿莫西林", 1, 1_000)), 1_000, "T01-000017", "读卡器无响应", last);
        String text = r.toSheet().plainText();
        assertTrue(text.contains("最迟重新结算日 Re-settle by"), text);
        assertTrue(text.contains("2027-02-20"), text);
    }

    @Test
    void commissioningReport_verdictFailsWhenAnyItemFails() {
        assertFalse(SampleDocuments.commissioning(false).allPassed());
        assertTrue(SampleDocuments.commissioning(false).toSheet().plainText().contains("FAIL 未通过 (4/5)"));
    }

    @Test
    void documentsAreReproducibleFromTheirData() {
        assertEquals(SampleDocuments.dayClose(true).toSheet(), SampleDocuments.dayClose(true).toSheet());
        assertEquals(SampleDocuments.sale(true), SampleDocuments.sale(true));
    }
}
