package org.medcard.terminal.present.rejected;

import java.util.List;

/**
 * What the rejected-messages screen shows.
 *
 * @param headline        how many, how many still need a supervisor
 * @param needsSupervisor whether any does (the headline is red)
 * @param message         what the last action did, or null
 */
public record RejectedAnswer(String headline, boolean needsSupervisor, List<RejectedRow> rows, String message) {
    public RejectedAnswer {
        rows = List.copyOf(rows);
    }
}
