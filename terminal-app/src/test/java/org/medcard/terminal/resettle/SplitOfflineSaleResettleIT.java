package org.medcard.terminal.resettle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.ResettlementEntry;
import org.medcard.queue.ResettlementState;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * R11 case 1 then case 3 for a sale split by a fault (host protocol, "An entry after a partial offline debit"): the card
 * pays part offline while the center is down, the rest is paid in cash and becomes an entry that names the card's part
 * ({@code acct_paid}) and its upload ({@code offline_msgid}); once the center is back the entry is re-settled as of the
 * original date, the refund is what the insured shares come to beyond what the card already paid, and no fen is charged
 * to the card twice. Real parts: training reader, embedded center on loopback HTTP, SQLite files.
 */
class SplitOfflineSaleResettleIT {

    private static final String METFORMIN = "XA10BAD003"; // 16.20, chronic: pooled at pharmacies
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private SimulatorTrainingReader reader() {
        return (SimulatorTrainingReader) terminal.devices().training().orElseThrow();
    }

    private SettlementCenter center() {
        return SimulatedCenter.of(terminal.embeddedCenter().orElseThrow());
    }

    /** Sells 3 × metformin (48.60) while the center is down; {@code request} says how much the account may pay. */
    private SaleView splitSaleDuringAnOutage(SaleRequest request) {
        center().inject(Fault.always(FaultKind.DOWN));
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(request));
        center().faults().clearAll();
        return o;
    }

    private static SaleRequest metformin3() {
        return SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")), RIGHT_PIN, "cashier01");
    }

    private long onlineDebits() {
        return terminal.queue().messages(OutboxState.DONE).stream().filter(m -> m.saleId() != null).count();
    }

    @Test
    void R11_lowBalanceCardPaysPartOffline_restInCash_entryNamesTheOfflineDebit_reSettledWithoutASecondDebit() throws Exception {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of()), clock, new Terminal.Options(false, false, "cashier01"));
        VirtualMedicalCard card = reader().presentCard("low-balance"); // 3.50 on the card, a RESIDENT
        assertEquals(350, card.state().balance());

        SaleView sale = splitSaleDuringAnOutage(metformin3());

        assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, sale.kind(), sale.message());
        assertEquals(350, sale.plan().accountFen(), "the card pays all it holds, offline");
        assertEquals(4_510, sale.plan().cashFen(), "the rest in cash");
        assertNotNull(sale.entryNo(), "the cash part becomes a re-settlement entry");
        assertEquals(0, card.state().balance());
        ResettlementEntry entry = terminal.queue().resettlement(sale.entryNo()).orElseThrow();
        assertEquals(4_860, entry.totalFen());
        assertEquals(4_510, entry.cashPaidFen());
        assertEquals(350, entry.acctPaidFen(), "acct_paid: what the card already paid offline");
        assertNotNull(entry.offlineMsgid());
        OutboxMessage upload = terminal.queue().message(entry.offlineMsgid()).orElseThrow();
        assertEquals("8301", upload.transaction(), "offline_msgid is the msgid of the card's offline debit upload");
        assertTrue(upload.inputJson().contains("\"amount\":350"), upload.inputJson());
        OutboxMessage registration = terminal.queue().messages(OutboxState.PENDING).stream()
                .filter(m -> "8400".equals(m.transaction())).findFirst().orElseThrow();
        assertTrue(upload.id() < registration.id(), "the debit is uploaded before the entry is registered");
        JsonNode registered = JSON.readTree(registration.inputJson());
        assertEquals(350, registered.path("acct_paid").asLong());
        assertEquals(4_510, registered.path("cash_paid").asLong());
        assertEquals(entry.offlineMsgid(), registered.path("offline_msgid").asText());

        clock.advance(Duration.ofDays(2));
        ResettleDesk desk = terminal.resettleDesk();
        assertEquals(1, desk.registerOpenEntries(), "center back: the 8301 and the 8400 go out, the entry is registered");
        assertEquals(OutboxState.DONE, terminal.queue().message(entry.offlineMsgid()).orElseThrow().state());
        CenterProbe probe = new CenterProbe(terminal, clock);
        assertEquals(0, probe.shadowBalance(card.profile().cardNo()), "the center took the offline debit");

        ResettleView r = ResettleView.of(terminal, desk.settle(sale.entryNo(), "cashier01", RIGHT_PIN, OptionalLong.empty()));

        assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
        // RESIDENT, chronic item at a pharmacy: 50 % of 48.60 pooled as of the sale's date = 24.30, within the cash paid.
        assertEquals(2_430, r.fundFen(), "pooling share as of the original date");
        assertEquals(0, r.accountFen(), "the card holds nothing more: no debit at the re-settlement");
        assertEquals(2_430, r.refundFen(), "refund = pooling; the card's 3.50 is not refunded in cash nor charged again");
        assertEquals(ResettlementState.SETTLED, terminal.queue().resettlement(sale.entryNo()).orElseThrow().state());
        assertEquals(0, reader().presentCard("low-balance").state().balance(), "the card was debited once, offline");
        assertEquals(0, probe.shadowBalance(card.profile().cardNo()), "card and center agree");
        assertEquals(0, onlineDebits(), "no online card debit was made for this sale");
    }

    @Test
    void R11_cardPaysPartOfferedOffline_restInCash_reSettledTheAccountPaysOnlyTheRestOfItsShare() throws Exception {
        terminal = new Terminal(TrainingTerminals.config(dir, Map.of()), clock, new Terminal.Options(false, false, "cashier01"));
        VirtualMedicalCard card = reader().presentCard("normal-3des"); // an EMPLOYEE: 70 % pooled
        long before = card.state().balance();

        SaleView sale = splitSaleDuringAnOutage(metformin3().withRequestedAccount(1_000));

        assertEquals(SaleOutcome.Kind.OFFLINE_DEBITED, sale.kind(), sale.message());
        assertEquals(1_000, sale.plan().accountFen());
        assertEquals(3_860, sale.plan().cashFen());
        assertEquals(before - 1_000, card.state().balance());
        ResettlementEntry entry = terminal.queue().resettlement(sale.entryNo()).orElseThrow();
        assertEquals(1_000, entry.acctPaidFen());

        clock.advance(Duration.ofDays(1));
        ResettleDesk desk = terminal.resettleDesk();
        assertEquals(1, desk.registerOpenEntries());
        ResettleView r = ResettleView.of(terminal, desk.settle(sale.entryNo(), "cashier01", RIGHT_PIN, OptionalLong.empty()));

        assertEquals(ResettleOutcome.Kind.SETTLED, r.kind(), r.message());
        assertEquals(3_402, r.fundFen(), "70 % of 48.60 as of the original date");
        assertEquals(458, r.accountFen(), "the account's share is 14.58: 10.00 paid offline, only 4.58 now");
        assertEquals(3_860, r.refundFen(), "the whole cash paid comes back: pooling + the account's rest");
        long after = reader().presentCard("normal-3des").state().balance();
        assertEquals(before - 1_458, after, "the card paid its share once: 10.00 offline and 4.58 at the re-settlement");
        assertEquals(before - 1_458, new CenterProbe(terminal, clock).shadowBalance(card.profile().cardNo()));
        assertEquals(ResettleOutcome.Kind.REFUSED, desk.settle(sale.entryNo(), "cashier01", RIGHT_PIN, OptionalLong.empty()).kind(), "settled once only");
        assertEquals(after, reader().presentCard("normal-3des").state().balance(), "a second try debits nothing");
    }
}
