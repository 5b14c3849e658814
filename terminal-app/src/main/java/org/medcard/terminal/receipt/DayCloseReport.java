package org.medcard.terminal.receipt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.medcard.terminal.logging.SensitiveNumbers;
import org.medcard.terminal.receipt.sheet.Align;
import org.medcard.terminal.receipt.sheet.Sheet;
import org.medcard.terminal.receipt.sheet.SheetElement.Column;
import org.medcard.terminal.text.Texts;
import org.medcard.terminal.config.Money;

/**
 * The day-close report: the day's totals per source, the result of reconciling them with the center
 * (host {@code 3201}), the state of the store-and-forward queue, and the re-settlement entries still open.
 */
public record DayCloseReport(ReceiptHeader header, LocalDate businessDate, List<SourceTotal> totals,
                             Reconciliation reconciliation, QueueState queue, List<OpenEntry> openEntries)
        implements ReceiptDocument {

    /**
     * Where the day's money came through. Every row shows positive figures; the total nets them: a void hands
     * back its fund, account and cash shares; a re-settlement moves its fund and account shares off the cash
     * taken during a fault, and its cash figure is the refund handed back to the patient.
     */
    public enum Source {
        ONLINE("联网结算 Online", 1, 1, 1),
        OFFLINE_DEBIT("离线扣款 Offline debit", 1, 1, 1),
        CASH_FAULT("故障现金 Cash (fault)", 1, 1, 1),
        RESETTLEMENT("重新结算 Re-settlement", 1, 1, -1),
        VOID("撤销 Void", -1, -1, -1);

        private final String label;
        private final int fundSign;
        private final int acctSign;
        private final int cashSign;

        Source(String label, int fundSign, int acctSign, int cashSign) {
            this.label = label;
            this.fundSign = fundSign;
            this.acctSign = acctSign;
            this.cashSign = cashSign;
        }

        public String label() {
            return label;
        }

        /** A sale (counted in the total's count) rather than money handed back or moved. */
        boolean isSale() {
            return this == ONLINE || this == OFFLINE_DEBIT || this == CASH_FAULT;
        }
    }

    /** One source's count and sums, fen (never negative: the sign is the source's). */
    public record SourceTotal(Source source, int count, long fundSum, long acctSum, long cashSum) {
        public SourceTotal {
            Objects.requireNonNull(source, "source");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative: " + count);
            }
            Texts.requireFen(fundSum, "fundSum");
            Texts.requireFen(acctSum, "acctSum");
            Texts.requireFen(cashSum, "cashSum");
        }
    }

    /**
     * The day's net, fen: sales less voids, re-settlement refunds taken off the cash. It may go below zero on a
     * day of refunds only, and is shown as it is.
     *
     * @param count      the sales less the voids
     * @param cashSum    the cash that should be in the drawer (beyond the float)
     */
    public record NetTotal(long count, long fundSum, long acctSum, long cashSum) {
        public static NetTotal of(List<SourceTotal> totals) {
            long count = 0;
            long fund = 0;
            long acct = 0;
            long cash = 0;
            for (SourceTotal t : totals) {
                Source s = t.source();
                count += s.isSale() ? t.count() : s == Source.VOID ? -t.count() : 0;
                fund += s.fundSign * t.fundSum();
                acct += s.acctSign * t.acctSum();
                cash += s.cashSign * t.cashSum();
            }
            return new NetTotal(count, fund, acct, cash);
        }
    }

    /** The center's answer to {@code 3201}. */
    public enum Result { MATCH, MISMATCH, NOT_RUN }

    /**
     * @param result MATCH, MISMATCH, or NOT_RUN (center unreachable at day close)
     * @param centerCount the center's count ({@code -1} when not run)
     * @param detail a sentence for the reader (the mismatch, or why it did not run)
     */
    public record Reconciliation(Result result, int centerCount, long centerFundSum, long centerAcctSum,
                                 long centerCashSum, String detail) {
        public Reconciliation {
            Objects.requireNonNull(result, "result");
        }

        public static Reconciliation notRun(String why) {
            return new Reconciliation(Result.NOT_RUN, -1, 0, 0, 0, why);
        }
    }

    /**
     * @param pendingDebits offline debits not yet accepted by the center
     * @param pendingAmount their sum, fen
     * @param oldestPending the oldest one's time, {@code null} when none
     * @param unregisteredEntries re-settlement entries not yet registered ({@code 8400})
     */
    public record QueueState(int pendingDebits, long pendingAmount, LocalDateTime oldestPending, int unregisteredEntries) {
        public QueueState {
            Texts.requireFen(pendingAmount, "pendingAmount");
        }
    }

    /** An open re-settlement entry; the ID number is masked on paper. */
    public record OpenEntry(String entryNo, LocalDateTime originalTime, String psnCertNo, long cashPaid, String status) {
        public OpenEntry {
            Texts.requireText(entryNo, "entryNo");
            Objects.requireNonNull(originalTime, "originalTime");
            Texts.requireText(psnCertNo, "psnCertNo");
            Texts.requireFen(cashPaid, "cashPaid");
            Texts.requireText(status, "status");
        }

        @Override
        public String toString() {
            return "OpenEntry[" + entryNo + ", " + SensitiveNumbers.mask(psnCertNo) + ", " + cashPaid + " fen, " + status + "]";
        }
    }

    public DayCloseReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(businessDate, "businessDate");
        totals = List.copyOf(totals);
        Objects.requireNonNull(reconciliation, "reconciliation");
        Objects.requireNonNull(queue, "queue");
        openEntries = List.copyOf(openEntries);
    }

    /** The total row: voids and re-settlement refunds netted. */
    public NetTotal net() {
        return NetTotal.of(totals);
    }

    @Override
    public Sheet toSheet() {
        SheetBuilder b = new SheetBuilder("day-close-report", "日结报表 Day-close report", header)
                .boldField("营业日 Business date", Texts.date(businessDate));
        List<List<String>> rows = new ArrayList<>();
        for (SourceTotal t : totals) {
            rows.add(List.of(t.source().label(), Integer.toString(t.count()), Money.formatYuan(t.fundSum()),
                    Money.formatYuan(t.acctSum()), Money.formatYuan(t.cashSum())));
        }
        NetTotal net = net();
        rows.add(List.of("合计 Total", Long.toString(net.count()), Money.formatYuan(net.fundSum()), Money.formatYuan(net.acctSum()),
                Money.formatYuan(net.cashSum())));
        b.boldText("按来源汇总 Totals per source").table(List.of(
                new Column("来源 Source", 5, Align.LEFT),
                new Column("笔数 Count", 2, Align.RIGHT),
                new Column("统筹 Fund", 3, Align.RIGHT),
                new Column("账户 Account", 3, Align.RIGHT),
                new Column("现金 Cash", 3, Align.RIGHT)), rows);
        b.text("合计为净额：撤销与重新结算退款已扣除 The total is net: voids and re-settlement refunds (cash column) are taken off");
        b.boldMoney("钱箱应有现金 Cash in the drawer should be", net.cashSum());
        b.rule().boldField("对账结果 Reconciliation", reconciliation.result().name());
        if (reconciliation.result() != Result.NOT_RUN) {
            b.field("中心笔数 Center count", Integer.toString(reconciliation.centerCount()))
                    .money("中心统筹 Center fund", reconciliation.centerFundSum())
                    .money("中心账户 Center account", reconciliation.centerAcctSum())
                    .money("中心现金 Center cash", reconciliation.centerCashSum());
        }
        if (reconciliation.detail() != null && !reconciliation.detail().isBlank()) {
            b.text(reconciliation.detail());
        }
        b.rule().boldText("上传队列 Store-and-forward queue")
                .field("待上传笔数 Pending debits", Integer.toString(queue.pendingDebits()))
                .money("待上传金额 Pending amount", queue.pendingAmount())
                .field("最早待上传 Oldest pending", queue.oldestPending() == null ? null : Texts.time(queue.oldestPending()))
                .field("未登记重结单 Unregistered entries", Integer.toString(queue.unregisteredEntries()));
        b.rule().boldText("未结重新结算单 Open re-settlement entries: " + openEntries.size());
        List<List<String>> entries = new ArrayList<>();
        for (OpenEntry e : openEntries) {
            // Narrow columns on 80 mm paper: the status rides with the entry number, the date stands for the time.
            entries.add(List.of(e.entryNo() + " " + e.status(), Texts.date(e.originalTime().toLocalDate()),
                    SensitiveNumbers.mask(e.psnCertNo()), Money.formatYuan(e.cashPaid())));
        }
        b.table(List.of(
                new Column("单号 Entry", 5, Align.LEFT),
                new Column("日期 Date", 5, Align.LEFT),
                new Column("身份证号 ID No.", 9, Align.LEFT),
                new Column("现金 Cash", 4, Align.RIGHT)), entries);
        return b.rule().signature("收银员 Cashier").signature("复核 Checked by").build();
    }
}
