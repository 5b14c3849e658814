package org.medcard.terminal.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.receipt.DayCloseReport.NetTotal;
import org.medcard.terminal.receipt.DayCloseReport.QueueState;
import org.medcard.terminal.receipt.DayCloseReport.Source;
import org.medcard.terminal.receipt.DayCloseReport.SourceTotal;

/** The day-close report's total row and drawer line (issue 14: the total added voids to the sales). */
class DayCloseReportTotalTest {

    /** The day: a sale of 25.00 on the account kept, one of 227.42 voided, a cash entry re-settled with 63.00 back. */
    private static final List<SourceTotal> DAY = List.of(
            new SourceTotal(Source.ONLINE, 2, 3_919, 25_242, 19_930),
            new SourceTotal(Source.OFFLINE_DEBIT, 0, 0, 0, 0),
            new SourceTotal(Source.CASH_FAULT, 1, 0, 0, 9_000),
            new SourceTotal(Source.RESETTLEMENT, 1, 6_300, 0, 6_300),
            new SourceTotal(Source.VOID, 1, 3_919, 22_742, 19_930));

    private static DayCloseReport report() {
        return new DayCloseReport(SampleDocuments.header(false), LocalDate.of(2026, 11, 23), DAY,
                DayCloseReport.Reconciliation.notRun("offline"), new QueueState(0, 0, null, 0), List.of());
    }

    @Test
    void totalRow_netsVoidsAndReSettlementRefunds_toTheFen() {
        assertEquals(new NetTotal(2, 6_300, 2_500, 9_000 - 6_300), NetTotal.of(DAY));
    }

    @Test
    void printedReport_showsTheNetTotalAndTheCashTheDrawerShouldHold() {
        List<String> lines = report().toSheet().plainText().lines().toList();
        String total = lines.stream().filter(l -> l.startsWith("合计 Total")).findFirst().orElseThrow();
        assertTrue(total.contains("25.00") && total.contains("63.00") && total.contains("27.00"), total);
        assertTrue(lines.stream().noneMatch(l -> l.contains("227.42") && l.contains("Total")), String.join("\n", lines));
        String drawer = lines.stream().filter(l -> l.contains("Cash in the drawer should be")).findFirst().orElseThrow();
        assertTrue(drawer.contains("27.00"), drawer);
    }

    @Test
    void voidRow_carriesTheFundAndCashHandedBack() {
        String voidRow = report().toSheet().plainText().lines().filter(l -> l.contains("Void")).findFirst().orElseThrow();
        assertTrue(voidRow.contains("39.19") && voidRow.contains("199.30"), voidRow);
    }
}
