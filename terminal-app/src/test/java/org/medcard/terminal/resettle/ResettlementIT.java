package org.medcard.terminal.resettle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * R11 cases 3 and 4 end to end with real parts: the training reader (virtual card, virtual PSAM), the
 * embedded center over loopback HTTP, SQLite files in a temp folder, and a clock the test steps.
 */
class ResettlementIT {

    private static final String METFORMIN = "XA10BAD003"; // 16.20, chronic: 70 % pooled at pharmacies for an employee
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();

    @TempDir
    Path dir;

    private final StepClock clock = new StepClock(Instant.parse("2026-11-23T02:15:00Z"), ZoneId.of("Asia/Shanghai"));
    private Terminal terminal;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private Terminal open() {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of()), clock, new Terminal.Options(false, false, "cashier01"));
        return terminal;
    }

    private SimulatedSlot cardSlot() {
        return ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).reader().slot(0);
    }

    /** A cash sale while the reader is unplugged: the R11 case 2 entry these tests re-settle. */
    private String cashSaleDuringAReaderFault(String idNumber) {
        cardSlot().setUnplugged(true);
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")), RIGHT_PIN,
                "cashier01").withIdNumber(idNumber)));
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, o.kind(), o.message());
        assertEquals(4_860, o.plan().cashFen());
        cardSlot().setUnplugged(false);
        return o.entryNo();
    }

    @Test
    void R11_faultClearedEntryIsReSettledWithRefundOfTheInsuredShares() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = terminal.resettleDesk();
        clock.advance(Duration.ofDays(3));

        assertEquals(1, desk.registerOpenEntries(), "the fault is cleared: the entry is registered with the center (8400)");
        List<EntryView> listed = desk.list(card.profile().psnCertNo());
        assertEquals(1, listed.size());
        assertEquals("OPEN", listed.get(0).state());
        assertEquals(4_860, listed.get(0).cashPaidFen());
        CenterProbe center = new CenterProbe(terminal, clock);
        assertEquals("OPEN", center.ask("8402", "{}").path("entries").get(0).path("status").asText(),
                "every counter of the institution sees the entry");

        ResettleView r = ResettleView.of(terminal, desk.settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.empty()));

        assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
        assertEquals(3_402, r.fundFen(), "70 % of the chronic item, as of the original service date");
        assertEquals(1_458, r.accountFen(), "the personal account pays the rest of the insured share");
        assertEquals(4_860, r.refundFen(), "refund = pooling + personal account");
        assertTrue(r.message().contains(entryNo) && r.message().contains("48.60"), r.message());
        assertNotNull(r.setlId());
        var entry = terminal.queue().resettlement(entryNo).orElseThrow();
        assertEquals(ResettlementState.SETTLED, entry.state());
        assertEquals(4_860L, entry.refundFen());
        assertEquals(1_458L, entry.acctPayFen());
        assertEquals(r.setlId(), entry.setlId());
        VirtualMedicalCard after = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        assertEquals(before - 1_458, after.state().balance(), "the card paid the account share once");
        assertEquals(before - 1_458, center.shadowBalance(card.profile().cardNo()), "card and center agree (TAC verified)");
        var debit = terminal.queue().messages(org.medcard.queue.OutboxState.DONE).stream()
                .filter(m -> "8401".equals(m.transaction())).findFirst().orElseThrow();
        assertNotNull(debit.saleId(), "the 8401 belongs to a journalled card debit");
        assertTrue(debit.inputJson().contains("\"purse\""), "the 8401 carries the purse record");
        assertTrue(terminal.queue().journalOfSale(debit.saleId()).stream().anyMatch(j -> j.kind().equals("CARD_DEBITED")),
                "the TAC is in the journal");
        assertEquals("SETTLED", desk.list().get(0).state(), "kept, never deleted");
        assertEquals(ResettleOutcome.Kind.REFUSED, desk.settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.empty()).kind(), "settled once only");
        assertEquals(before - 1_458, ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des").state().balance(),
                "and debited once only");
    }

    @Test
    void R11_theAccountPaysAtMostWhatIsAsked_andANegativeAskIsRefusedBeforeAnythingIsRead() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = terminal.resettleDesk();
        desk.registerOpenEntries();

        IllegalArgumentException negative = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> desk.settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.of(-1)));
        assertTrue(negative.getMessage().contains("-1 fen"), negative.getMessage());
        assertEquals(ResettlementState.OPEN, terminal.queue().resettlement(entryNo).orElseThrow().state(), "nothing happened");

        ResettleView r = ResettleView.of(terminal, desk.settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.of(1_000)));

        assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
        assertEquals(3_402, r.fundFen(), "the pooling share as of the original date");
        assertEquals(1_000, r.accountFen(), "10.00 asked of the account's 14.58");
        assertEquals(4_402, r.refundFen(), "refund = pooling + what the account paid");
        assertEquals(before - 1_000, ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des")
                .state().balance(), "the card paid what was asked");
    }

    @Test
    void R11_withoutThePinTheAccountShareIsNotTaken_andPoolingAloneCanBeRefunded() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = terminal.resettleDesk();
        desk.registerOpenEntries();

        ResettleView noPin = ResettleView.of(terminal, desk.settle(entryNo, "cashier01"));
        assertEquals(ResettleOutcome.Kind.REFUSED, noPin.kind(), noPin.message());
        assertEquals("sale.pin_needed", noPin.messageKey(), "R10: no debit without the PIN");
        assertEquals(ResettlementState.OPEN, terminal.queue().resettlement(entryNo).orElseThrow().state(), "still open");

        ResettleView poolingOnly = ResettleView.of(terminal, desk.settle(entryNo, "cashier01", PinSource.NONE, OptionalLong.of(0)));
        assertEquals(ResettleOutcome.Kind.SETTLED, poolingOnly.kind(), poolingOnly.message());
        assertEquals(3_402, poolingOnly.fundFen());
        assertEquals(0, poolingOnly.accountFen());
        assertEquals(3_402, poolingOnly.refundFen());
        assertEquals(before, ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des").state().balance(),
                "the card paid nothing");
    }

    @Test
    void R11_cardPulledDuringTheAccountDebit_recoveredOnNextContact_settledAndDebitedOnce() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        long before = card.state().balance();
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = terminal.resettleDesk();
        desk.registerOpenEntries();
        card.tearAfterDebitApplied();

        ResettleView torn = ResettleView.of(terminal, desk.settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.empty()));
        assertEquals(ResettleOutcome.Kind.INTERRUPTED, torn.kind(), torn.message());
        assertEquals(ResettlementState.OPEN, terminal.queue().resettlement(entryNo).orElseThrow().state());
        assertEquals(1, terminal.queue().summary().unfinishedSales(), "the debit stays unfinished in the journal");

        VirtualMedicalCard again = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        assertEquals(before - 1_458, again.state().balance(), "the card did debit before it was pulled");
        ResettleView next = ResettleView.of(terminal, desk.settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.empty()));

        assertEquals(ResettleOutcome.Kind.SETTLED, next.kind(), next.message());
        assertEquals(1_458, next.accountFen());
        assertEquals(4_860, next.refundFen());
        assertEquals(0, terminal.queue().summary().unfinishedSales());
        assertEquals(before - 1_458, again.state().balance(), "debited once");
        assertEquals(before - 1_458, new CenterProbe(terminal, clock).shadowBalance(card.profile().cardNo()));
    }

    @Test
    void R11_aCardOfAnotherPersonIsRefusedForTheEntry() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = terminal.resettleDesk();
        desk.registerOpenEntries();
        terminal.devices().training().orElseThrow().present("normal-sm4");

        ResettleView r = ResettleView.of(terminal, desk.settle(entryNo, "cashier01"));

        assertEquals(ResettleOutcome.Kind.REFUSED, r.kind());
        assertEquals("resettle.wrong_card", r.messageKey());
        assertTrue(r.message().contains("110***********1235"), "names the recorded ID, masked: " + r.message());
        assertEquals(ResettlementState.OPEN, terminal.queue().resettlement(entryNo).orElseThrow().state(), "still open");
        assertTrue(terminal.audit().latest(5).stream().anyMatch(a -> a.action().equals("RESETTLE_WRONG_CARD")));

        terminal.devices().training().orElseThrow().present("normal-3des");
        assertEquals(ResettleOutcome.Kind.SETTLED, desk.settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.empty()).kind(), "the right card settles it");
    }

    @Test
    void R11_entryNotReSettledWithinMaxDaysEndsExpired() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = terminal.resettleDesk();
        desk.registerOpenEntries();
        clock.advance(Duration.ofDays(91));

        ResettleView r = ResettleView.of(terminal, desk.settle(entryNo, "cashier01"));

        assertEquals(ResettleOutcome.Kind.EXPIRED, r.kind(), r.message());
        var entry = terminal.queue().resettlement(entryNo).orElseThrow();
        assertEquals(ResettlementState.EXPIRED, entry.state(), "kept as EXPIRED, never deleted");
        assertTrue(entry.reason().contains("90"), entry.reason());
        assertFalse(desk.list().isEmpty());
    }
}
