package org.medcard.terminal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * R5 when the center cannot be asked: the {@code suspended} profile's card says SUSPENDED since 2026-10-15. More than
 * three months later (fixed clock 2027-02-01) it counts as FROZEN: no offline debit, {@code status.frozen}. Within three
 * months (2026-12-20) the personal account still pays offline (R4).
 */
class LongSuspensionOfflineIT {

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private SaleView offlineSaleOn(String instant, VirtualMedicalCard[] card) throws Exception {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneId.of("Asia/Shanghai"));
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of()), clock, new Terminal.Options(false, false, "cashier01"));
        card[0] = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("suspended");
        SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(Fault.always(FaultKind.DOWN));
        return SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:1")),
                () -> "123456".toCharArray(), "cashier01")));
    }

    @Test
    void R5_suspendedMoreThanThreeMonths_countsAsFrozenOffline_noOfflineDebit() throws Exception {
        VirtualMedicalCard[] card = new VirtualMedicalCard[1];
        SaleView o = offlineSaleOn("2027-02-01T02:15:00Z", card);

        assertEquals(SaleOutcome.Kind.REFUSED, o.kind(), o.message());
        assertEquals("status.frozen", o.messageKey());
        assertEquals(card[0].profile().balance(), card[0].state().balance(), "no offline debit");
        assertEquals(0, terminal.queue().summary().queuedDebits());
    }

    @Test
    void R4_suspendedWithinThreeMonths_personalAccountStillPaysOffline() throws Exception {
        VirtualMedicalCard[] card = new VirtualMedicalCard[1];
        SaleView o = offlineSaleOn("2026-12-20T02:15:00Z", card);

        assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, o.kind(), o.message());
        assertEquals(card[0].profile().balance() - 1_250, card[0].state().balance());
    }
}
