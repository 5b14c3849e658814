package org.medcard.terminal.center;

/**
 * The center's answer to {@code 3201}: MATCH or not, and the center's own totals of the day (fen).
 */
public record Reconciliation(boolean match, long count, long fundSum, long acctSum, long cashSum) {

    /** One settlement the center holds for the day ({@code 3202}). */
    public record CenterRecord(String setlId, String msgid, String infno, String cardNo, long totalFen, long fundFen,
                               long acctFen, long cashFen, String status) {

        /** The counter that made the settlement: the msgid's terminal digits (positions 27–28), "" when unknown. */
        public String termNo() {
            return msgid != null && msgid.length() >= 28 ? msgid.substring(26, 28) : "";
        }
    }
}
