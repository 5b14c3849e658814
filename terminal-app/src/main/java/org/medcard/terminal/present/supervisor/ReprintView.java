package org.medcard.terminal.present.supervisor;

import java.util.List;

/** The reprint screen. Called on the UI thread. */
public interface ReprintView {

    /** The receipts to choose from, and what the list is ("Today's receipts: 12", "2 receipts with 2026…"). */
    void showReceipts(List<ReceiptRow> rows, String headline);

    /** A copy was made ("Receipt 12 reprinted (copy 2) on os:Counter; saved as …"). */
    void showDone(String message);

    void showMessage(String message);

    void showBusy(boolean busy, String what);
}
