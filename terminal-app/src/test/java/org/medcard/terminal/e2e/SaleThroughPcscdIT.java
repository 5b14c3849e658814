package org.medcard.terminal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;

/**
 * One complete sale through the real PC/SC stack: the terminal opens "Virtual PCD 00 00" (card) and
 * "Virtual PCD 00 01" (PSAM) with javax.smartcardio, pcscd passes the APDUs to vpcd, vpcd to the simulator's
 * bridge, and the center is the embedded one on loopback. R15 loads first, then the sale.
 */
class SaleThroughPcscdIT {

    @TempDir
    Path dir;

    @Test
    void saleThroughPcscdAndVpcd_loadsThenSettles_andCardAndCenterAgree() throws Exception {
        try (PcscdRig rig = PcscdRig.start(dir.resolve("cards"), TrainingTerminals.CLOCK)) {
            VirtualMedicalCard card = rig.present("normal-3des");
            long before = card.state().balance();
            try (Terminal t = TrainingTerminals.open(dir.resolve("terminal"), Map.of(
                    "reader", "pcsc:" + PcscdRig.CARD_READER, "psam", "pcsc:" + PcscdRig.PSAM_READER))) {
                long apdusBefore = rig.cardApdus();

                SaleView o = SaleView.of(t, t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:2")),
                        () -> "123456".toCharArray(), "cashier01")));

                assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
                assertEquals(before + 70_000 - 2_500, card.state().balance(), "two contributions loaded, then 25.00 paid");
                assertEquals(before + 70_000 - 2_500, TrainingTerminals.shadowBalance(t, card.profile().cardNo()));
                assertTrue(rig.cardApdus() - apdusBefore > 10, "the card's APDUs went through pcscd: " + (rig.cardApdus() - apdusBefore));
            }
        }
    }
}
