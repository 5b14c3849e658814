package org.medcard.terminal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.medcard.terminal.status.CardStatus;
import org.medcard.terminal.status.StatusReport;
import org.medcard.terminal.status.StatusReport.Source;

/** The status rules CardCheck applies itself, with fixed dates. */
class CardCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 2, 1);

    @Test
    void R5_suspendedMoreThanThreeMonthsAgo_countsAsFrozen_exactlyThreeMonthsDoesNot() {
        StatusReport old = new StatusReport(Source.CARD, CardStatus.SUSPENDED, null, LocalDate.of(2026, 10, 31));
        StatusReport threeMonths = new StatusReport(Source.CARD, CardStatus.SUSPENDED, null, LocalDate.of(2026, 11, 1));
        StatusReport unknownSince = StatusReport.of(Source.CARD, CardStatus.SUSPENDED);

        assertEquals(CardStatus.FROZEN, CardCheck.longSuspensionFreezes(old, TODAY).status());
        assertEquals(CardStatus.SUSPENDED, CardCheck.longSuspensionFreezes(threeMonths, TODAY).status());
        assertEquals(CardStatus.SUSPENDED, CardCheck.longSuspensionFreezes(unknownSince, TODAY).status());
        assertEquals(CardStatus.NORMAL,
                CardCheck.longSuspensionFreezes(StatusReport.of(Source.CARD, CardStatus.NORMAL), TODAY).status());
    }
}
