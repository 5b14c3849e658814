package org.medcard.terminal.present.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * Issue 15: a wrong PIN lets the patient try again, the tries left shown, without a new split; the amount is in
 * every PIN question. A real training terminal ({@link TrainingCounter}: simulated card and PSAM, SQLite files, the
 * embedded center on loopback), a recording view.
 */
class PinRetryIT extends TrainingCounterCase {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, A

    @Test
    void R10_aWrongPin_isAskedAgainWithTheTriesLeft_andTheRightOneSettles_withOneSplit() throws Exception {
        VirtualMedicalCard card = counter.present("normal-3des");
        long before = card.state().balance();
        counter.model().scan(AMOXICILLIN);
        counter.view().pins.add("000000");
        counter.view().pins.add("123456");

        counter.model().pay();

        assertEquals(1, counter.view().offers.size(), "the split is not asked again");
        assertEquals(List.of(-1, 2), counter.view().pinTriesShown, "the second question says 2 tries left");
        assertEquals(List.of(1_250L, 1_250L), counter.view().pinAmounts, "the amount in both");
        SaleDone d = counter.view().done.get(0);
        assertEquals(SaleOutcome.Kind.SETTLED, d.kind(), d.message());
        assertEquals(1, counter.view().done.size(), "one outcome, one message");
        assertEquals(before - 1_250, card.state().balance());
    }

    @Test
    void R10_goingBackAfterAWrongPin_endsWithTheTriesLeft_andNothingIsDebited() throws Exception {
        counter.model().presentTrainingCard("normal-3des");
        counter.model().scan(AMOXICILLIN);
        counter.view().pins.add("000000");

        counter.model().pay();

        assertEquals(List.of(-1, 2), counter.view().pinTriesShown);
        SaleDone d = counter.view().done.get(0);
        assertEquals(SaleOutcome.Kind.REFUSED, d.kind());
        assertFalse(d.served());
        assertTrue(d.message().startsWith("Wrong PIN") && d.message().contains("2"), d.message());
        assertEquals(1, counter.model().lines().size(), "the cart stays");
    }
}
