package org.medcard.terminal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.card.MedicalCard;
import org.medcard.queue.OutboxState;
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
import org.medcard.transport.CardFault;

/**
 * R15 loads end to end with real parts: training reader with the virtual card (which can tear CREDIT FOR LOAD),
 * the virtual PSAM, the embedded center over loopback HTTP, SQLite files, a fixed clock. Profile normal-3des has
 * two pending contributions of 350.00 each (L2026100000101, L2026110000101).
 */
class MonthlyLoadsIT {
    private static final long TWO_LOADS = 35_000 + 35_000;

    @TempDir
    Path dir;

    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private VirtualMedicalCard present() throws Exception {
        return ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
    }

    private List<MonthlyLoads.Outcome> loadNow() {
        MedicalCard card = terminal.openCard();
        card.select();
        return terminal.loads().apply(card, terminal.psam().terminalId(), terminal.onlineCenter().orElseThrow());
    }

    private long shadow(VirtualMedicalCard card) throws Exception {
        return TrainingTerminals.shadowBalance(terminal, card.profile().cardNo());
    }

    @Test
    void R15_pendingLoadsAreCreditedBeforeTheSaleWhenOnline() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present();
        long before = card.state().balance();

        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:2")),
                () -> "123456".toCharArray(), "cashier01")));

        assertEquals(SaleOutcome.Kind.SETTLED, o.kind(), o.message());
        assertEquals(before + TWO_LOADS - 2_500, card.state().balance(), "both contributions loaded once, then the sale paid");
        assertEquals(before + TWO_LOADS - 2_500, o.balanceAfterFen());
        assertEquals(before + TWO_LOADS - 2_500, shadow(card), "center confirmed both loads (8502) and the sale");
        for (String id : List.of("L2026100000101", "L2026110000101")) {
            assertEquals(LoadJournal.State.QUEUED, terminal.loads().journal().find(id).orElseThrow().state());
            assertEquals(OutboxState.DONE, terminal.loads().confirmationState(id).orElseThrow(), id + " confirmed");
        }

        assertTrue(loadNow().isEmpty(), "nothing left to load on the next contact");
        assertEquals(before + TWO_LOADS - 2_500, card.state().balance());
    }

    @Test
    void R15_loadTornAfterCredit_isConfirmedOnceNeverLoadedTwice() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present();
        long before = card.state().balance();
        card.tearAfterLoadApplied();

        assertThrows(CardFault.class, this::loadNow, "the card lost power after writing the load, before answering");
        assertEquals(before + 35_000, card.state().balance(), "the first load reached the card");
        assertEquals(LoadJournal.State.AUTHORIZED, terminal.loads().journal().find("L2026100000101").orElseThrow().state());

        VirtualMedicalCard again = present();
        List<MonthlyLoads.Outcome> next = loadNow();

        assertEquals(MonthlyLoads.Result.RECOVERED_CREDITED, next.get(0).result(), next.toString());
        assertEquals("L2026100000101", next.get(0).loadId());
        assertEquals(2, next.size(), "the torn load is confirmed, only the other one is credited: " + next);
        assertEquals(MonthlyLoads.Result.CREDITED, next.get(1).result());
        assertEquals("L2026110000101", next.get(1).loadId());
        assertEquals(before + TWO_LOADS, again.state().balance(), "each load credited exactly once");
        assertEquals(before + TWO_LOADS, shadow(again), "the center confirmed the torn load from the card's log");
        assertEquals(OutboxState.DONE, terminal.loads().confirmationState("L2026100000101").orElseThrow());

        assertTrue(loadNow().isEmpty(), "a third contact loads nothing");
        assertEquals(before + TWO_LOADS, again.state().balance());
    }

    @Test
    void R15_loadTornBeforeCredit_isLoadedOnceOnTheNextContact() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present();
        long before = card.state().balance();
        card.tearBeforeLoadApplied();

        assertThrows(CardFault.class, this::loadNow);
        assertEquals(before, card.state().balance(), "power lost before the load was written");

        VirtualMedicalCard again = present();
        List<MonthlyLoads.Outcome> next = loadNow();

        assertEquals(MonthlyLoads.Result.RECOVERED_NOT_CREDITED, next.get(0).result(), next.toString());
        assertEquals(3, next.size(), "the torn load is authorized afresh and credited, then the other: " + next);
        assertEquals(before + TWO_LOADS, again.state().balance());
        assertEquals(before + TWO_LOADS, shadow(again));
        assertTrue(loadNow().isEmpty());
    }

    @Test
    void R15_crashAfterCreditBeforeTheConfirmationWasQueued_isQueuedOnTheNextContact() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present();
        long before = card.state().balance();
        loadNow();
        // The state a crash between journalling CREDITED and queueing 8502 leaves: replayed by a second terminal
        // on a fresh queue would be invisible, so reproduce it on this journal with a confirmed load.
        LoadJournal j = terminal.loads().journal();
        LoadJournal.Entry e = j.find("L2026100000101").orElseThrow();
        j.credited(e.loadId(), e.tac());

        List<MonthlyLoads.Outcome> next = loadNow();

        assertEquals(1, next.size());
        assertEquals(MonthlyLoads.Result.RECOVERED_CREDITED, next.get(0).result());
        assertEquals(OutboxState.REJECTED, terminal.loads().confirmationState(e.loadId()).orElseThrow(),
                "the repeated 8502 is refused as already confirmed: no money moves");
        assertEquals(before + TWO_LOADS, card.state().balance());
        assertEquals(before + TWO_LOADS, shadow(card));
    }
    @Test
    void R2_voidedAccountShareComesBackAsALoadOnTheNextContact() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present();
        long before = card.state().balance();
        // The center settles the 2102 but its answer is lost (the PIN is asked just before the debit and 2102):
        // the settlement is UNKNOWN, and the terminal reverses it instead of resending.
        SaleView sale = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse("XJ01CAA001:2")), () -> {
            SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(new Fault(FaultKind.ANSWER_LOST, 0, 1));
            return "123456".toCharArray();
        }, "cashier01")));
        assertEquals(SaleOutcome.Kind.SETTLEMENT_PENDING, sale.kind(), sale.message());
        String settleMsgid = terminal.queue().messages(OutboxState.UNKNOWN).get(0).msgid();

        String reversal = terminal.queue().requestReversal(settleMsgid).msgid();
        assertEquals(OutboxState.DONE, terminal.forwarder().orElseThrow().sendNow(reversal).orElseThrow().state());
        List<MonthlyLoads.Outcome> next = loadNow();

        assertEquals(1, next.size(), next.toString());
        assertEquals(MonthlyLoads.Result.CREDITED, next.get(0).result());
        assertEquals(2_500, next.get(0).amountFen(), "the account share goes back onto the card, never into the till");
        assertEquals(before + TWO_LOADS, card.state().balance());
        assertEquals(before + TWO_LOADS, shadow(card));
    }
}
