package org.medcard.terminal.present.registration;

import java.util.List;
import java.util.Optional;

import org.medcard.terminal.registration.VisitOutcome;

/**
 * The end of a registration, settlement or cancellation as the clerk sees it.
 *
 * @param outcome   the desk's outcome (its record: visit id, card, plan in fen, the variant's own figures)
 * @param served    whether the patient may go on to the doctor / leave
 * @param headline  the large line ("Visit MDT… registered", "Collect 15.00 yuan in cash", the refusal)
 * @param split     the fee or visit split, one labelled amount a line (empty when nothing was priced)
 * @param detail    the next step for the clerk
 * @param fundNote  under the split, why the pooling fund pays nothing (issue 15: R6, R12 …), when it pays 0
 */
public record VisitAnswer(VisitOutcome outcome, boolean served, String headline, List<Line> split, String detail,
                          Optional<String> fundNote) {

    public VisitAnswer {
        split = List.copyOf(split);
        java.util.Objects.requireNonNull(fundNote, "fundNote");
    }

    /** An answer without a note under its split. */
    public VisitAnswer(VisitOutcome outcome, boolean served, String headline, List<Line> split, String detail) {
        this(outcome, served, headline, split, detail, Optional.empty());
    }

    /** One labelled amount ("Fund pays", "34.02"). */
    public record Line(String label, String amount) {
    }
}
