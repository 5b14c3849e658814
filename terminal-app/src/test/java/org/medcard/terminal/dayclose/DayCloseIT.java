package org.medcard.terminal.dayclose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OutboxState;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.DayCloseReport.Source;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatedCenter;

/** Day close against the embedded center: real queue file, loopback HTTP, fixed clock (2026-11-23 in Beijing). */
class DayCloseIT {
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    static SaleView sell(Terminal t, String... codeQty) {
        return SaleView.of(t, t.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(codeQty).stream().map(SaleItem::parse).toList(),
                () -> "123456".toCharArray(), "cashier01")));
    }

    /** Two online sales (one with a fund share) and one offline debit uploaded later. */
    static void aDayOfSales(Terminal t) throws Exception {
        t.devices().training().orElseThrow().present("normal-3des");
        assertEquals(SaleOutcome.Kind.SETTLED, sell(t, "XJ01CAA001:2").kind());
        assertEquals(SaleOutcome.Kind.SETTLED, sell(t, "XA10BAD003:3").kind());
        SimulatedCenter.of(t.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
        assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, sell(t, "XJ01CAA001:1").kind());
        SimulatedCenter.of(t.embeddedCenter().orElseThrow()).faults().clearAll();
        t.signIn();
        var results = t.forwarder().orElseThrow().drainOnce();
        assertEquals(OutboxState.DONE, results.get(results.size() - 1).state());
    }

    private static DayCloseReport.SourceTotal total(DayClose.Result r, Source s) {
        return r.totals().stream().filter(t -> t.source() == s).findFirst().orElseThrow();
    }

    @Test
    void dayClose_onlineAndOfflineSales_reconcileWithTheCenter_MATCH() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        aDayOfSales(terminal);

        DayClose.Result r = new DayClose(terminal.queue(), terminal.onlineCenter(), terminal.clock()).close(DAY);

        assertEquals(DayCloseReport.Result.MATCH, r.reconciliation().result(), r.reconciliation().detail());
        assertEquals(2, total(r, Source.ONLINE).count());
        assertEquals(3_402, total(r, Source.ONLINE).fundSum(), "70 % of 3 x 16.20 for an employee");
        assertEquals(1, total(r, Source.OFFLINE_DEBIT).count());
        assertEquals(1_250, total(r, Source.OFFLINE_DEBIT).acctSum());
        assertEquals(0, total(r, Source.OFFLINE_DEBIT).fundSum(), "the fund pays nothing offline");
        assertEquals(3, r.reconciliation().centerCount());
        assertEquals(r.fundSum(), r.reconciliation().centerFundSum());
        assertEquals(r.acctSum(), r.reconciliation().centerAcctSum());
        assertEquals(r.cashSum(), r.reconciliation().centerCashSum());
        assertTrue(r.differences().isEmpty());
        assertEquals(0, r.queue().pendingDebits());
    }

    @Test
    void dayClose_centerSaysMismatch_reportsTheCenterTotalsAndComparesTheDetail() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        aDayOfSales(terminal);
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.RECONCILIATION_MISMATCH));

        DayClose.Result r = new DayClose(terminal.queue(), terminal.onlineCenter(), terminal.clock()).close(DAY);

        assertEquals(DayCloseReport.Result.MISMATCH, r.reconciliation().result());
        assertEquals(3, r.reconciliation().centerCount(), "the center's own totals come back with the MISMATCH");
        assertEquals(r.acctSum(), r.reconciliation().centerAcctSum());
        assertTrue(r.reconciliation().detail().contains("terminal: 3 settlements"), r.reconciliation().detail());
        assertTrue(r.differences().isEmpty(), "3202 shows every record agrees: the mismatch was the center's own");
    }

    @Test
    void dayClose_centerDown_isNotRunAndStillCountsTheDay() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        aDayOfSales(terminal);
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));

        DayClose.Result r = new DayClose(terminal.queue(), terminal.onlineCenter(), terminal.clock()).close(DAY);

        assertEquals(DayCloseReport.Result.NOT_RUN, r.reconciliation().result());
        assertEquals(3, r.count());
    }
}
