package org.medcard.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.Tear;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;

/**
 * Found by the chaos soak: a terminal that stays running (the desktop app, the soak's terminal process)
 * sold once, the card was pulled during DEBIT and put back — and every later sale failed with
 * SCARD_E_NOT_TRANSACTED. The JDK's PC/SC {@code CardTerminal.connect} hands back the cached {@code Card}
 * of the earlier session as long as it was never disconnected, and its handle died with the pulled card.
 * Each card session now closes the one before it.
 */
class CardPutBackThroughPcscdIT {

    @TempDir
    Path dir;

    @Test
    void cardPulledDuringDebitAndPutBack_thenAnotherCard_eachSaleOpensAFreshSession() throws Exception {
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            VirtualMedicalCard card = rig.present("normal-sm4");
            try (Terminal t = TrainingTerminals.open(dir.resolve("terminal"), Map.of(
                    "reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER))) {
                SaleRequest request = SaleRequest.of(List.of(SaleItem.parse("XB05XAL013:1")), () -> "123456".toCharArray(), "cashier01");
                assertEquals(SaleOutcome.Kind.SETTLED, SaleView.of(t, t.pharmacySale().sell(request)).kind(), "a first sale, to open a session");
                card.arm(Tear.AFTER_DEBIT);

                SaleView torn = SaleView.of(t, t.pharmacySale().sell(request));
                assertEquals(SaleOutcome.Kind.INTERRUPTED, torn.kind(), torn.message());
                VirtualMedicalCard back = rig.present("normal-sm4");
                long balance = back.state().balance();

                SaleView next = SaleView.of(t, t.pharmacySale().sell(request));
                assertEquals(SaleOutcome.Kind.SETTLED, next.kind(), next.message());
                assertEquals(1, next.recovered().size(), "the torn sale was recovered first");
                assertTrue(next.recovered().get(0).debited(), "the card had debited before it was pulled");
                assertEquals(balance - 290, back.state().balance(), "one more debit of 2.90, the torn one not repeated");
                assertEquals(back.state().balance(), TrainingTerminals.shadowBalance(t, back.profile().cardNo()));

                VirtualMedicalCard other = rig.present("normal-3des");
                long otherBefore = other.state().balance();
                SaleView swapped = SaleView.of(t, t.pharmacySale().withoutLoads().sell(request));
                assertEquals(SaleOutcome.Kind.SETTLED, swapped.kind(), "the next patient's card: " + swapped.message());
                assertEquals(otherBefore - 290, other.state().balance());
            }
        }
    }
}
