package org.medcard.terminal.resettle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * R11 case 3 across counters, with one simulated center on loopback and terminals with data folders (SQLite) of their
 * own: an entry re-settled at another counter of the institution does not stay OPEN on the counter that made it, and
 * is not re-settled twice; another institution cannot re-settle it.
 */
class EntryAtAnotherCounterIT {
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();
    private static final String METFORMIN = "XA10BAD003"; // 16.20, chronic
    private static final String EMPLOYEE_ID = "110101197805211235"; // normal-3des

    @TempDir
    Path dir;

    private SettlementCenter center;
    private final List<Terminal> terminals = new ArrayList<>();

    @BeforeEach
    void startCenter() {
        center = new SettlementCenter(CenterConfig.inMemory(), TrainingTerminals.CLOCK);
        center.start(0);
    }

    @AfterEach
    void stop() {
        terminals.forEach(Terminal::close);
        center.stop();
    }

    private Terminal counter(String institution, String termNo) {
        Map<String, String> o = new HashMap<>();
        o.put("center.url", "http://127.0.0.1:" + center.port() + "/");
        o.put("institution.code", institution);
        o.put("terminal.number", termNo);
        Terminal t = TrainingTerminals.open(dir.resolve(institution + "-" + termNo), o);
        terminals.add(t);
        return t;
    }

    private static SimulatorTrainingReader reader(Terminal t) {
        return (SimulatorTrainingReader) t.devices().training().orElseThrow();
    }

    /** Counter {@code t} sells in cash while its reader is unplugged, then registers the entry (8400) once plugged again. */
    private static String cashEntry(Terminal t) throws Exception {
        reader(t).presentCard("normal-3des");
        reader(t).reader().slot(0).setUnplugged(true);
        SaleOutcome o = t.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")), RIGHT_PIN, "cashier01")
                .withIdNumber(EMPLOYEE_ID));
        assertEquals(SaleOutcome.Kind.CASH_RESETTLE, o.kind(), o.messageKey());
        reader(t).reader().slot(0).setUnplugged(false);
        assertEquals(1, t.resettleDesk().registerOpenEntries(), "8400 registered");
        return ((SaleOutcome.CashResettle) o).entryNo();
    }

    @Test
    void R11_anEntryReSettledAtAnotherCounter_isSettledOnTheCounterThatMadeIt_notOpen() throws Exception {
        Terminal one = counter("P11010100001", "01");
        Terminal two = counter("P11010100001", "02");
        String entryNo = cashEntry(one);

        reader(two).presentCard("normal-3des");
        ResettleView there = ResettleView.of(two, two.resettleDesk().settle(entryNo, "cashier02", RIGHT_PIN, OptionalLong.empty()));
        assertEquals(ResettleOutcome.Kind.SETTLED, there.kind(), there.message());
        assertEquals(ResettlementState.OPEN, one.queue().resettlement(entryNo).orElseThrow().state(), "counter 01 does not know yet");

        List<EntryView> listed = one.resettleDesk().list();

        EntryView mine = listed.stream().filter(e -> e.entryNo().equals(entryNo)).findFirst().orElseThrow();
        assertEquals("SETTLED", mine.state(), "the center's 8402 says so");
        assertTrue(mine.local());
        ResettlementEntry stored = one.queue().resettlement(entryNo).orElseThrow();
        assertEquals(ResettlementState.SETTLED, stored.state());
        assertEquals(there.setlId(), stored.setlId());
        assertEquals(ResettleDesk.SETTLED_ELSEWHERE, stored.reason());
        assertEquals(List.of(), one.queue().resettlements(ResettlementState.OPEN));
    }

    @Test
    void R11_theCounterThatMadeTheEntry_doesNotReSettleItAgain_nothingDebited() throws Exception {
        Terminal one = counter("P11010100001", "01");
        Terminal two = counter("P11010100001", "02");
        String entryNo = cashEntry(one);
        reader(two).presentCard("normal-3des");
        ResettleView there = ResettleView.of(two, two.resettleDesk().settle(entryNo, "cashier02", RIGHT_PIN, OptionalLong.empty()));
        assertEquals(ResettleOutcome.Kind.SETTLED, there.kind(), there.message());
        VirtualMedicalCard card = reader(one).presentCard("normal-3des");
        long before = card.state().balance();

        ResettleView again = ResettleView.of(one, one.resettleDesk().settle(entryNo, "cashier01", RIGHT_PIN, OptionalLong.empty()));

        assertEquals(ResettleOutcome.Kind.REFUSED, again.kind());
        assertEquals("resettle.settled_elsewhere", again.messageKey(), again.message());
        assertTrue(again.message().contains(there.setlId()), again.message());
        assertEquals(before, card.state().balance(), "no second account debit");
        assertEquals(ResettlementState.SETTLED, one.queue().resettlement(entryNo).orElseThrow().state());
    }

    @Test
    void R11_sameInstitution_anotherInstitutionsEntryIsNotFound_andNotReSettled() throws Exception {
        Terminal one = counter("P11010100001", "01");
        Terminal elsewhere = counter("P11010100002", "01");
        String entryNo = cashEntry(one);
        VirtualMedicalCard card = reader(elsewhere).presentCard("normal-3des");
        long before = card.state().balance();

        ResettleDesk desk = elsewhere.resettleDesk();
        ResettleView refused = ResettleView.of(elsewhere, desk.settle(entryNo, "cashier09", RIGHT_PIN, OptionalLong.empty()));

        assertTrue(desk.list(EMPLOYEE_ID).stream().noneMatch(e -> e.entryNo().equals(entryNo)), "8402 lists only its own institution's");
        assertEquals(ResettleOutcome.Kind.REFUSED, refused.kind());
        assertEquals("resettle.unknown_entry", refused.messageKey(), refused.message());
        assertEquals(before, card.state().balance());
        assertEquals(ResettlementState.OPEN, one.queue().resettlement(entryNo).orElseThrow().state(), "still open at its own institution");
    }
}
