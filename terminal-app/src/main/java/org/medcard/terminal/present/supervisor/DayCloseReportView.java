package org.medcard.terminal.present.supervisor;

import java.util.List;

/** The day-close report on screen (issue 15). Called on the UI thread. */
public interface DayCloseReportView extends Work.Busy {

    /** The report's lines, as printed: totals per source with fund/account/cash, net total, cash in the drawer, MATCH/MISMATCH. */
    void showReport(List<String> lines);

    /** A copy was made ("Printed on …", "Saved as …"). */
    void showReportDone(String message);
}
