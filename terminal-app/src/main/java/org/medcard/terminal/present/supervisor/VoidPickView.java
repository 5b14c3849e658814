package org.medcard.terminal.present.supervisor;

import java.util.List;

/** The void screen's list of today's sales. Called on the UI thread. */
public interface VoidPickView extends Work.Busy {

    /** Offers today's sales, one {@code lines} entry each; the view puts the chosen one's number in its field. */
    void chooseSale(List<SaleToVoid> sales, List<String> lines);
}
