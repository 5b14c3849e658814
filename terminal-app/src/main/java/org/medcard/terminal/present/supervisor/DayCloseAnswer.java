package org.medcard.terminal.present.supervisor;

import java.util.List;

import org.medcard.terminal.dayclose.DayClose;

/**
 * A closed day as the supervisor reads it.
 *
 * @param result      the full model (printed as the day-close report)
 * @param matched     the center agrees with the terminal
 * @param headline    "Reconciled: the center agrees" / "MISMATCH …" / "Not reconciled: …"
 * @param totals      one line per source (online, offline debit, cash during a fault, re-settlement, void)
 * @param differences one line per record the two sides disagree on (empty when they agree)
 * @param queueLine   what still waits (offline debits, unregistered entries, open entries)
 */
public record DayCloseAnswer(DayClose.Result result, boolean matched, String headline, List<String> totals,
                             List<String> differences, String queueLine) {
    public DayCloseAnswer {
        totals = List.copyOf(totals);
        differences = List.copyOf(differences);
    }
}
