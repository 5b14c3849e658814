package org.medcard.terminal.dayclose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.center.Reconciliation.CenterRecord;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.DayCloseReport.Source;

class DayCloseTest {

    private static DayClose.Counted counted(String setlId, long acct) {
        return new DayClose.Counted(Source.ONLINE, setlId, "M-" + setlId, 0, acct, 0);
    }

    private static CenterRecord center(String setlId, long acct, String status) {
        return new CenterRecord(setlId, "M-" + setlId, "2102", "card", acct, 0, acct, 0, status);
    }

    @Test
    void mismatchDetail_listsRecordsMissingOnEitherSideAndDifferentAmounts_ignoringReversedOnes() {
        DayClose.Result r = new DayClose.Result(LocalDate.of(2026, 11, 23), List.of(),
                List.of(counted("S1", 100), counted("S2", 200), counted("S3", 300)),
                DayCloseReport.Reconciliation.notRun("-"), List.of(), new DayCloseReport.QueueState(0, 0, null, 0), List.of());

        List<DayClose.Difference> d = DayClose.differences(r, List.of(center("S1", 100, "SETTLED"), center("S2", 250, "SETTLED"),
                center("S4", 400, "SETTLED"), center("S5", 500, "REVERSED")));

        assertEquals(List.of("S2 amounts differ", "S4 only at the center", "S3 only at the terminal"),
                d.stream().map(x -> x.setlId() + " " + x.what()).toList());
    }
}
