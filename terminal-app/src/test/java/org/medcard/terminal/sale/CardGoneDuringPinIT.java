package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.reader.CardTornException;
import org.medcard.simulator.reader.SimulatedCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Found by the chaos soak: the card pulled (or the reader unplugged) while VERIFY PIN was on its way made
 * the sale throw a CardFault at the cashier instead of giving an outcome. Nothing is debited before DEBIT,
 * so it is the R11 fault path like any card fault before the debit: cash and a re-settlement entry.
 */
class CardGoneDuringPinIT {

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    @Test
    void cardPulledDuringVerifyPin_cashWithAResettlementEntry_nothingDebited() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();
        ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().cardSlot().insert(new PulledOnVerify(card));
        SaleRequest request = SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:2")), () -> "123456".toCharArray(), "cashier01")
                .withIdNumber(card.profile().psnCertNo());

        SaleView o = SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(request));

        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, o.kind(), o.message());
        assertNotNull(o.entryNo());
        assertEquals(2_500, terminal.queue().resettlement(o.entryNo()).orElseThrow().cashPaidFen());
        assertEquals(before, card.state().balance(), "nothing debited");
        assertEquals(List.of(), terminal.queue().unfinishedSales(), "no sale journalled: DEBIT never went out");
    }

    /** The card as it is pulled out just as VERIFY PIN arrives (INS 20). */
    private record PulledOnVerify(VirtualMedicalCard card) implements SimulatedCard {
        @Override
        public byte[] atr() {
            return card.atr();
        }

        @Override
        public byte[] process(byte[] command) {
            if ((command[1] & 0xFF) == 0x20) {
                throw new CardTornException("pulled during VERIFY PIN");
            }
            return card.process(command);
        }

        @Override
        public void reset() {
            card.reset();
        }

        @Override
        public String describe() {
            return "pulled on VERIFY: " + card.describe();
        }
    }
}
