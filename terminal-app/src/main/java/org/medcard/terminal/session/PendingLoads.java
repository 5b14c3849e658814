package org.medcard.terminal.session;

import java.util.List;

import org.medcard.card.MedicalCard;
import org.medcard.psam.TerminalId;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.load.MonthlyLoads;

/** R15 as the card session sees it: credits the card's pending monthly loads ({@link MonthlyLoads#apply}). */
@FunctionalInterface
public interface PendingLoads {

    /** Loads nothing (a test that pins the card's balance to its profile). */
    PendingLoads NONE = (card, terminalId, center) -> List.of();

    List<MonthlyLoads.Outcome> apply(MedicalCard card, TerminalId terminalId, HostApi center);
}
