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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;

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
        return terminal.devices().training().orElseThrow().reader().slot(0);
    }

    /** A cash sale while the reader is unplugged: the R11 case 2 entry these tests re-settle. */
    private String cashSaleDuringAReaderFault(String idNumber) {
        cardSlot().setUnplugged(true);
        SaleOutcome o = new PharmacySale(terminal).sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")), RIGHT_PIN,
                "cashier01").withIdNumber(idNumber));
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, o.kind(), o.message());
        assertEquals(4_860, o.plan().cashFen());
        cardSlot().setUnplugged(false);
        return o.entryNo();
    }

    @Test
    void R11_faultClearedEntryIsReSettledWithRefundOfTheInsuredShares() throws Exception {
        open();
        VirtualMedicalCard card = terminal.devices().training().orElseThrow().present("normal-3des");
        long before = card.state().balance();
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = new ResettleDesk(terminal);
        clock.advance(Duration.ofDays(3));

        assertEquals(1, desk.registerOpenEntries(), "the fault is cleared: the entry is registered with the center (8400)");
        List<EntryView> listed = desk.list(card.profile().psnCertNo());
        assertEquals(1, listed.size());
        assertEquals("OPEN", listed.get(0).state());
        assertEquals(4_860, listed.get(0).cashPaidFen());
        CenterProbe center = new CenterProbe(terminal, clock);
        assertEquals("OPEN", center.ask("8402", "{}").path("entries").get(0).path("status").asText(),
                "every counter of the institution sees the entry");

        ResettleOutcome r = desk.settle(entryNo, "cashier01");

        assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
        assertEquals(3_402, r.fundFen(), "70 % of the chronic item, as of the original service date");
        assertEquals(0, r.accountFen());
        assertEquals(r.fundFen() + r.accountFen(), r.refundFen(), "refund = pooling + personal account");
        assertTrue(r.message().contains(entryNo) && r.message().contains("34.02"), r.message());
        assertNotNull(r.setlId());
        var entry = terminal.queue().resettlement(entryNo).orElseThrow();
        assertEquals(ResettlementState.SETTLED, entry.state());
        assertEquals(3_402L, entry.refundFen());
        assertEquals(r.setlId(), entry.setlId());
        assertEquals(before, card.state().balance(), "the card paid nothing");
        assertEquals(before, center.shadowBalance(card.profile().cardNo()), "card and center agree");
        assertEquals("SETTLED", desk.list(null).get(0).state(), "kept, never deleted");
        assertEquals(ResettleOutcome.Kind.REFUSED, desk.settle(entryNo, "cashier01").kind(), "settled once only");
    }

    @Test
    void R11_aCardOfAnotherPersonIsRefusedForTheEntry() throws Exception {
        open();
        VirtualMedicalCard card = terminal.devices().training().orElseThrow().present("normal-3des");
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = new ResettleDesk(terminal);
        desk.registerOpenEntries();
        terminal.devices().training().orElseThrow().present("normal-sm4");

        ResettleOutcome r = desk.settle(entryNo, "cashier01");

        assertEquals(ResettleOutcome.Kind.REFUSED, r.kind());
        assertEquals("resettle.wrong_card", r.messageKey());
        assertTrue(r.message().contains("110***********1235"), "names the recorded ID, masked: " + r.message());
        assertEquals(ResettlementState.OPEN, terminal.queue().resettlement(entryNo).orElseThrow().state(), "still open");
        assertTrue(terminal.audit().latest(5).stream().anyMatch(a -> a.action().equals("RESETTLE_WRONG_CARD")));

        terminal.devices().training().orElseThrow().present("normal-3des");
        assertEquals(ResettleOutcome.Kind.SETTLED, desk.settle(entryNo, "cashier01").kind(), "the right card settles it");
    }

    @Test
    void R11_entryNotReSettledWithinMaxDaysEndsExpired() throws Exception {
        open();
        VirtualMedicalCard card = terminal.devices().training().orElseThrow().present("normal-3des");
        String entryNo = cashSaleDuringAReaderFault(card.profile().psnCertNo());
        ResettleDesk desk = new ResettleDesk(terminal);
        desk.registerOpenEntries();
        clock.advance(Duration.ofDays(91));

        ResettleOutcome r = desk.settle(entryNo, "cashier01");

        assertEquals(ResettleOutcome.Kind.EXPIRED, r.kind(), r.message());
        var entry = terminal.queue().resettlement(entryNo).orElseThrow();
        assertEquals(ResettlementState.EXPIRED, entry.state(), "kept as EXPIRED, never deleted");
        assertTrue(entry.reason().contains("90"), entry.reason());
        assertFalse(desk.list(null).isEmpty());
    }
}
