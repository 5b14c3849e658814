package org.medcard.terminal.receipt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.medcard.terminal.receipt.CommissioningReport.CheckItem;
import org.medcard.terminal.receipt.DayCloseReport.OpenEntry;
import org.medcard.terminal.receipt.DayCloseReport.QueueState;
import org.medcard.terminal.receipt.DayCloseReport.Reconciliation;
import org.medcard.terminal.receipt.DayCloseReport.Source;
import org.medcard.terminal.receipt.DayCloseReport.SourceTotal;

/** One of every document, filled as the terminal core would, for tests, the PNG renders and the bench. */
public final class SampleDocuments {

    public static final String INSTITUTION = "北京市朝阳区康宁大药房";
    public static final String ID_NUMBER = "110105194912310017";
    public static final String MASKED_ID = "110***********0017";
    public static final String CARD_NUMBER = "11010020261122000017";
    public static final String MASKED_CARD = "110*************0017";
    /** A name with a character beyond the BMP (U+20BB7). */
    public static final String NAME = "张𠮷祥";
    public static final String TAC = "6FBC1D52";
    public static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 22, 10, 15, 2);

    private SampleDocuments() {
    }

    public static ReceiptHeader header(boolean training) {
        return new ReceiptHeader("P11010100001", INSTITUTION, "T01", "cashier01 李娜", TIME, training);
    }

    public static Insured insured() {
        return new Insured(NAME, ID_NUMBER, CARD_NUMBER);
    }

    public static List<LineItem> items() {
        return List.of(
                new LineItem("XA01BAC", "阿莫西林胶囊 0.25g×24粒", 2, 1_250),
                new LineItem("XC09AAB", "硝苯地平缓释片 10mg×30片", 1, 3_680));
    }

    /** 61.80 yuan: 0.00 fund, 50.00 account, 11.80 cash. */
    public static SaleReceipt sale(boolean training) {
        return new SaleReceipt(header(training), insured(), null, items(), new Split(6_180, 0, 5_000, 1_180),
                "S20261122000123", new CardProof(TAC, 123_456), false);
    }

    public static RegistrationSlip registration(boolean training) {
        return new RegistrationSlip(header(training), insured(), "M20261122000045", "心血管内科", "刘医生",
                new Split(5_000, 3_500, 1_500, 0), "S20261122000124", new CardProof("1A2B3C4D", 121_956));
    }

    public static CashReceipt cash(boolean training) {
        return new CashReceipt(header(training), new Insured(NAME, ID_NUMBER, null), items(), 6_180, "T01-000017",
                "读卡器无响应 reader not answering", CashReceipt.lastResettleDay(TIME.toLocalDate(), 90));
    }

    public static ResettlementReceipt resettlement(boolean training) {
        return new ResettlementReceipt(header(training), insured(), "T01-000017", TIME.minusDays(3), 6_180,
                new Split(6_180, 1_200, 4_000, 980), 5_200, "S20261125000007", new CardProof("0BADF00D", 83_456));
    }

    public static VoidReceipt voidReceipt(boolean training) {
        return new VoidReceipt(header(training), insured(), "S20261122000123", TIME.minusHours(1),
                new Split(6_180, 0, 5_000, 1_180), "开错药品 wrong item", 5_000, 0, new CardProof("77AA55EE", 128_456));
    }

    public static DayCloseReport dayClose(boolean training) {
        return new DayCloseReport(header(training), LocalDate.of(2026, 11, 22),
                List.of(new SourceTotal(Source.ONLINE, 42, 123_400, 98_765, 45_600),
                        new SourceTotal(Source.OFFLINE_DEBIT, 3, 0, 15_000, 2_300),
                        new SourceTotal(Source.CASH_FAULT, 1, 0, 0, 6_180),
                        new SourceTotal(Source.RESETTLEMENT, 1, 1_200, 4_000, 980),
                        new SourceTotal(Source.VOID, 1, 0, 5_000, 1_180)),
                new Reconciliation(DayCloseReport.Result.MISMATCH, 44, 124_600, 102_765, 46_580,
                        "中心少 1 笔离线扣款 The center lacks 1 offline debit (queued)"),
                new QueueState(1, 5_000, TIME.minusHours(5), 0),
                List.of(new OpenEntry("T01-000017", TIME.minusDays(3), ID_NUMBER, 6_180, "OPEN"),
                        new OpenEntry("T01-000019", TIME.minusDays(1), "44030419850101123X", 2_500, "OPEN")));
    }

    public static CommissioningReport commissioning(boolean training) {
        return new CommissioningReport(header(training), "tech07 赵工",
                List.of(new CheckItem("读卡器 PC/SC reader", true, "ACS ACR39U 00 00, ATR 3B 8F …"),
                        new CheckItem("PSAM", true, "terminal id 010203040506"),
                        new CheckItem("中心连接 Center link", true, "sign-in 9001 in 48 ms"),
                        new CheckItem("打印机 Printer", false, "escpos:/dev/ttyUSB1 did not open: no such port"),
                        new CheckItem("字体 Receipt font", true, "wqy-microhei.ttc")));
    }

    /** Every document, with training mode on or off. */
    public static List<ReceiptDocument> all(boolean training) {
        return List.of(sale(training), registration(training), cash(training), resettlement(training),
                voidReceipt(training), dayClose(training), commissioning(training));
    }
}
