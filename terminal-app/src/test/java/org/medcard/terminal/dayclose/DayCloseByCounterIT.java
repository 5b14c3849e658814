package org.medcard.terminal.dayclose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.Fault;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementRequest;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.receipt.DayCloseReport.Source;
import org.medcard.terminal.registration.DepartmentCatalog;
import org.medcard.terminal.registration.RegistrationDesk;
import org.medcard.terminal.registration.VisitOutcome;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.SaleOutcome;

/**
 * Issue 14's day close: one simulated center over HTTP on loopback, terminals with data folders of their own.
 * Each counter reconciles its own settlements ({@code term_no}); every settlement kind counts; the report's
 * rows and total carry the money that moved at the counter, to the fen.
 */
class DayCloseByCounterIT {
    static final LocalDate DAY = DayCloseIT.DAY;
    static final String CERT_NORMAL_3DES = "110101197805211235";

    @TempDir
    Path dir;

    private SettlementCenter center;
    private final List<Terminal> terminals = new java.util.ArrayList<>();

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

    private Terminal counter(String termNo, Map<String, String> more) {
        Map<String, String> o = new java.util.HashMap<>(more);
        o.put("center.url", "http://127.0.0.1:" + center.port() + "/");
        o.put("terminal.number", termNo);
        Terminal t = TrainingTerminals.open(dir.resolve("counter-" + termNo), o);
        terminals.add(t);
        return t;
    }

    private static DayCloseReport.SourceTotal total(DayClose.Result r, Source s) {
        return r.totals().stream().filter(t -> t.source() == s).findFirst().orElseThrow();
    }

    @Test
    void R14_twoCountersOfOneInstitution_terminals01And02_eachSellsAndClosesItsOwnDay_MATCH_andTheSupervisorSeesEachCounter() throws Exception {
        Terminal one = counter("01", Map.of());
        Terminal two = counter("02", Map.of());
        one.devices().training().orElseThrow().present("normal-3des");
        assertEquals(SaleOutcome.Kind.SETTLED, DayCloseIT.sell(one, "XJ01CAA001:2").kind());
        two.devices().training().orElseThrow().present("normal-sm4");
        assertEquals(SaleOutcome.Kind.SETTLED, DayCloseIT.sell(two, "XJ01CAA001:1").kind());
        assertEquals(SaleOutcome.Kind.SETTLED, DayCloseIT.sell(two, "XA10BAD003:3").kind());

        DayClose.Result r1 = new DayClose(one.queue(), one.onlineCenter(), one.clock(), "01").close(DAY);
        // The desktop's form: the counter's number read from its own msgids.
        DayClose.Result r2 = new DayClose(two.queue(), two.onlineCenter(), two.clock()).close(DAY);

        assertEquals(DayCloseReport.Result.MATCH, r1.reconciliation().result(), r1.reconciliation().detail());
        assertEquals(DayCloseReport.Result.MATCH, r2.reconciliation().result(), r2.reconciliation().detail());
        assertEquals(1, r1.reconciliation().centerCount(), "counter 01's own settlement only");
        assertEquals(2_500, r1.reconciliation().centerAcctSum());
        assertEquals(2, r2.reconciliation().centerCount());
        assertEquals(2_430, r2.reconciliation().centerFundSum(), "50 % of 3 x 16.20 for a resident");
        assertEquals(1_250 + 4_860 - 2_430, r2.reconciliation().centerAcctSum());

        DayClose.InstitutionResult all = new DayClose(one.queue(), one.onlineCenter(), one.clock(), "01").closeInstitution(DAY);
        assertEquals(DayCloseReport.Result.MATCH, all.institution().result(), all.institution().detail());
        assertEquals(3, all.institution().centerCount());
        assertEquals(List.of(new DayClose.CounterTotals("01", 1, 0, 2_500, 0), new DayClose.CounterTotals("02", 2, 2_430, 3_680, 0)),
                all.counters());
    }

    @Test
    void R14_hospitalCounterThatSettledOutpatientVisits_2207_closesWithMATCH() throws Exception {
        Terminal hospital = counter("03", Map.of("institution.kind", "HOSPITAL"));
        RegistrationDesk desk = hospital.registrationDesk(DepartmentCatalog.bundled());
        hospital.devices().training().orElseThrow().present("normal-3des");
        VisitOutcome reg = desk.register("D01", Optional.of("D01-002"), false, () -> "123456".toCharArray(), "clerk01");
        assertEquals(VisitOutcome.Kind.REGISTERED, reg.kind(), hospital.visitTexts().line(reg));
        VisitOutcome visit = desk.settle(reg.visit().orElseThrow(), List.of(SaleItem.parse("XJ01CAA001:2")), () -> "123456".toCharArray(),
                "clerk01");
        assertEquals(VisitOutcome.Kind.SETTLED, visit.kind(), hospital.visitTexts().line(visit));

        DayClose.Result r = new DayClose(hospital.queue(), hospital.onlineCenter(), hospital.clock(), "03").close(DAY);

        assertEquals(DayCloseReport.Result.MATCH, r.reconciliation().result(), r.reconciliation().detail());
        assertEquals(1, total(r, Source.ONLINE).count(), "the outpatient settlement counts");
        assertEquals(5_250, total(r, Source.ONLINE).fundSum());
        assertEquals(2_250, total(r, Source.ONLINE).acctSum());
        assertEquals(1, r.reconciliation().centerCount());
    }

    @Test
    void reportRows_voidHandsBackTheSaleShares_reSettlementShowsTheCashRefund_totalNetsThem_toTheFen() throws Exception {
        Terminal t = counter("01", Map.of());
        HostCodec codec = new HostCodec();
        t.devices().training().orElseThrow().present("normal-3des");
        SaleView kept = DayCloseIT.sell(t, "XJ01CAA001:2");
        assertEquals(SaleOutcome.Kind.SETTLED, kept.kind());
        SaleView voided = DayCloseIT.sell(t, "XA10BAD003:3");
        assertEquals(SaleOutcome.Kind.SETTLED, voided.kind());
        // A supervisor's void (2103), sent through the queue as the void desk does.
        OutboxMessage cancel = t.queue().queue(codec.encode(new HostRequest.CancelSettlement2103(voided.setlId(), "wrong item")), null);
        t.forwarder().orElseThrow().sendNow(cancel.msgid());
        assertEquals(OutboxState.DONE, t.queue().message(cancel.msgid()).orElseThrow().state());
        // A cash sale during a fault (R11), registered (8400) and re-settled without the card's account (8401).
        ResettlementEntry entry = t.queue().recordCashPayment(new ResettlementRequest(Fault.CARD_UNREADABLE, CERT_NORMAL_3DES,
                "cashier01", "[{\"code\":\"XA10BAD003\",\"qty\":3,\"price\":1620}]", 4_860, 4_860));
        t.forwarder().orElseThrow().drainOnce();
        OutboxMessage resettle = t.queue().queueResettle(entry.entryNo(), "11010120190315000001", null);
        t.forwarder().orElseThrow().sendNow(resettle.msgid());
        assertEquals(OutboxState.DONE, t.queue().message(resettle.msgid()).orElseThrow().state());

        DayClose.Result r = new DayClose(t.queue(), t.onlineCenter(), t.clock(), "01").close(DAY);

        assertEquals(DayCloseReport.Result.MATCH, r.reconciliation().result(), r.reconciliation().detail());
        assertEquals(new DayCloseReport.SourceTotal(Source.ONLINE, 2, 3_402, 2_500 + 1_458, 0), total(r, Source.ONLINE));
        assertEquals(new DayCloseReport.SourceTotal(Source.VOID, 1, 3_402, 1_458, 0), total(r, Source.VOID),
                "the void hands back the voided sale's fund and account shares");
        assertEquals(new DayCloseReport.SourceTotal(Source.CASH_FAULT, 1, 0, 0, 4_860), total(r, Source.CASH_FAULT));
        assertEquals(new DayCloseReport.SourceTotal(Source.RESETTLEMENT, 1, 3_402, 0, 3_402), total(r, Source.RESETTLEMENT),
                "the fund's share is refunded from the cash");
        DayCloseReport.NetTotal net = DayCloseReport.NetTotal.of(r.totals());
        assertEquals(new DayCloseReport.NetTotal(2, 3_402, 2_500, 4_860 - 3_402), net);
        assertEquals(2, r.count(), "reconciled: the kept sale and the re-settlement");
        assertEquals(1_458, r.cashSum(), "the re-settlement keeps 48.60 - 34.02 in cash");

        DayCloseReport report = r.toReport(org.medcard.terminal.receipt.ReceiptHeader.now("P11010100001", "Training pharmacy", "T01",
                "cashier01", true, t.clock()));
        String drawer = report.toSheet().plainText().lines().filter(l -> l.contains("Cash in the drawer should be")).findFirst()
                .orElseThrow();
        assertTrue(drawer.contains("14.58"), drawer);
    }
}
