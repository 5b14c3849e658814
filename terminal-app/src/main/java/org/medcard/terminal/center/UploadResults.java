package org.medcard.terminal.center;

import java.util.List;

/** Host {@code 8301}: what became of each uploaded offline debit. */
public record UploadResults(List<RecordResult> results) {
    public UploadResults {
        results = List.copyOf(results);
    }

    /**
     * One record's result.
     *
     * @param cardNo         the record's card, or null when the center answers by position only
     * @param offlineCounter the record's card counter, or -1 when not named
     * @param result         {@code ACCEPTED}, {@code DUPLICATE} or {@code REJECTED}
     * @param setlId         the settlement (ACCEPTED; DUPLICATE: the first one), or null
     * @param reason         why REJECTED, or null
     */
    public record RecordResult(String cardNo, long offlineCounter, String result, String setlId, String reason) {
        public boolean accepted() {
            return "ACCEPTED".equals(result);
        }
    }
}
