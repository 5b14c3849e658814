package org.medcard.terminal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.config.Money;
import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.desk.ReceiptDesk;
import org.medcard.terminal.receipt.pdf.PaperFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medcard day-close}: the day's totals per source, reconciled with the center ({@code 3201}/{@code 3202}),
 * the queue and the open re-settlement entries. Exit 0 MATCH, 1 MISMATCH or not reconciled (center away), 2 usage.
 */
@Command(name = "day-close", description = "Close the day: totals per payment source, reconciliation with the center, queue state.",
        mixinStandardHelpOptions = true)
final class DayCloseCommand implements Callable<Integer> {
    private final TerminalEnvironment env;

    @Mixin
    CommonOptions options;

    @Option(names = "--date", paramLabel = "yyyy-MM-dd", description = "the business day (default: today)")
    LocalDate date;

    @Option(names = "--pdf", paramLabel = "FILE", description = "also write the day-close report as a PDF (A4)")
    Path pdf;

    @Option(names = "--institution", description = "supervisor: also reconcile the whole institution (every counter, no term_no)"
            + " and list each counter's totals as the center holds them")
    boolean institution;

    @Mixin
    ReceiptOptions receipt;

    @Spec
    CommandSpec spec;

    DayCloseCommand(TerminalEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Terminal t = TerminalCommands.open(options, env, err, receipt.output(), new TerminalCommands.Output(pdf, receipt.replace))) {
            LocalDate day = date == null ? LocalDate.now(t.clock()) : date;
            DayClose dayClose = t.dayCloseOfThisCounter();
            DayClose.InstitutionResult all = institution ? dayClose.closeInstitution(day) : null;
            DayClose.Result r = all != null ? all.own() : dayClose.close(day);
            if (t.config().kind() == org.medcard.terminal.config.TerminalKind.HOSPITAL) {
                // The day close ends the day's outpatient visits (issue 14): they took batches until now.
                t.registrationDesk(org.medcard.terminal.registration.DepartmentCatalog.bundled())
                        .closeDay(day);
            }
            // One receipt desk: the report is journalled once, and the A4 PDF of --pdf is that journalled document.
            ReceiptDesk desk = t.receipts();
            ReceiptDesk.Issued issued = desk.issue(r.toReport(t.letterhead().stamp("cashier")));
            if (pdf != null) {
                org.medcard.terminal.security.OutputFiles.write(pdf, desk.pdf(issued, PaperFormat.A4), receipt.replace);
            }
            if (options.json) {
                ObjectNode n = json(r);
                if (all != null) {
                    json(n.putObject("institution"), all);
                }
                TerminalCommands.printJson(out, n);
            } else {
                text(out, r);
                if (all != null) {
                    text(out, all);
                }
            }
            receipt.deliver(desk, issued, options.json, out, err);
            boolean institutionMatches = all == null || all.institution().result() == DayCloseReport.Result.MATCH;
            return r.reconciliation().result() == DayCloseReport.Result.MATCH && institutionMatches ? 0 : 1;
        }
    }

    private static ObjectNode json(DayClose.Result r) {
        ObjectNode n = TerminalCommands.JSON.createObjectNode();
        n.put("date", r.date().toString());
        ArrayNode totals = n.putArray("totals");
        for (DayCloseReport.SourceTotal s : r.totals()) {
            totals.addObject().put("source", s.source().name()).put("count", s.count()).put("fund_fen", s.fundSum())
                    .put("acct_fen", s.acctSum()).put("cash_fen", s.cashSum());
        }
        DayCloseReport.NetTotal net = DayCloseReport.NetTotal.of(r.totals());
        n.putObject("net").put("count", net.count()).put("fund_fen", net.fundSum()).put("acct_fen", net.acctSum())
                .put("cash_fen", net.cashSum());
        n.put("cash_in_drawer_fen", net.cashSum());
        n.putObject("terminal").put("count", r.count()).put("fund_sum", r.fundSum()).put("acct_sum", r.acctSum())
                .put("cash_sum", r.cashSum());
        DayCloseReport.Reconciliation rec = r.reconciliation();
        ObjectNode c = n.putObject("reconciliation").put("result", rec.result().name()).put("detail", rec.detail());
        if (rec.result() != DayCloseReport.Result.NOT_RUN) {
            c.put("count", rec.centerCount()).put("fund_sum", rec.centerFundSum()).put("acct_sum", rec.centerAcctSum())
                    .put("cash_sum", rec.centerCashSum());
        }
        ArrayNode diffs = n.putArray("differences");
        for (DayClose.Difference d : r.differences()) {
            ObjectNode x = diffs.addObject().put("setl_id", d.setlId()).put("what", d.what());
            if (d.terminal() != null) {
                x.putObject("terminal").put("fund_fen", d.terminal().fundFen()).put("acct_fen", d.terminal().acctFen())
                        .put("cash_fen", d.terminal().cashFen());
            }
            if (d.center() != null) {
                x.putObject("center").put("fund_fen", d.center().fundFen()).put("acct_fen", d.center().acctFen())
                        .put("cash_fen", d.center().cashFen());
            }
        }
        n.putObject("queue").put("pending_debits", r.queue().pendingDebits()).put("pending_fen", r.queue().pendingAmount())
                .put("unregistered_entries", r.queue().unregisteredEntries());
        ArrayNode open = n.putArray("open_entries");
        r.openEntries().forEach(e -> open.addObject().put("entry_no", e.entryNo()).put("cash_fen", e.cashPaid()).put("status", e.status()));
        return n;
    }

    private static void text(PrintWriter out, DayClose.Result r) {
        out.println("day:          " + r.date());
        for (DayCloseReport.SourceTotal s : r.totals()) {
            out.println(String.format(java.util.Locale.ROOT, "%-14s %4d  fund %12s  account %12s  cash %12s", s.source().name(), s.count(),
                    Yuan.format(s.fundSum()), Yuan.format(s.acctSum()), Yuan.format(s.cashSum())));
        }
        DayCloseReport.NetTotal net = DayCloseReport.NetTotal.of(r.totals());
        // Money.formatYuan, not Yuan.format: a net may be below zero, and Yuan.format reads -1 as "unknown".
        out.println(String.format(java.util.Locale.ROOT, "%-14s %4d  fund %12s  account %12s  cash %12s", "TOTAL (net)", net.count(),
                Money.formatYuan(net.fundSum()), Money.formatYuan(net.acctSum()), Money.formatYuan(net.cashSum())));
        out.println("cash in the drawer should be: " + Money.formatYuan(net.cashSum()));
        DayCloseReport.Reconciliation rec = r.reconciliation();
        out.println("terminal:     " + r.count() + " settlements, fund " + Yuan.format(r.fundSum()) + ", account "
                + Yuan.format(r.acctSum()) + ", cash " + Yuan.format(r.cashSum()));
        out.println("center:       " + rec.result() + (rec.result() == DayCloseReport.Result.NOT_RUN ? ""
                : " — " + rec.centerCount() + " settlements, fund " + Yuan.format(rec.centerFundSum()) + ", account "
                + Yuan.format(rec.centerAcctSum()) + ", cash " + Yuan.format(rec.centerCashSum()))
                + (rec.detail() == null ? "" : " (" + rec.detail() + ")"));
        for (DayClose.Difference d : r.differences()) {
            out.println("  differs:    " + d.setlId() + " " + d.what());
        }
        out.println("queue:        " + r.queue().pendingDebits() + " offline debits to upload (" + Yuan.format(r.queue().pendingAmount())
                + "), " + r.queue().unregisteredEntries() + " entries unregistered");
        out.println("open entries: " + r.openEntries().size());
        r.openEntries().forEach(e -> out.println("  " + e));
    }

    private static void json(ObjectNode n, DayClose.InstitutionResult all) {
        DayCloseReport.Reconciliation rec = all.institution();
        n.put("result", rec.result().name()).put("detail", rec.detail());
        if (rec.result() != DayCloseReport.Result.NOT_RUN) {
            n.put("count", rec.centerCount()).put("fund_sum", rec.centerFundSum()).put("acct_sum", rec.centerAcctSum())
                    .put("cash_sum", rec.centerCashSum());
        }
        ArrayNode counters = n.putArray("counters");
        for (DayClose.CounterTotals c : all.counters()) {
            counters.addObject().put("term_no", c.termNo()).put("count", c.count()).put("fund_sum", c.fundSum())
                    .put("acct_sum", c.acctSum()).put("cash_sum", c.cashSum());
        }
    }

    private static void text(PrintWriter out, DayClose.InstitutionResult all) {
        DayCloseReport.Reconciliation rec = all.institution();
        out.println("institution:  " + rec.result() + (rec.detail() == null ? "" : " (" + rec.detail() + ")"));
        for (DayClose.CounterTotals c : all.counters()) {
            out.println(String.format(java.util.Locale.ROOT, "  counter %-4s %4d  fund %12s  account %12s  cash %12s", c.termNo(),
                    c.count(), Yuan.format(c.fundSum()), Yuan.format(c.acctSum()), Yuan.format(c.cashSum())));
        }
    }
}
