package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.OutboxState;
import org.medcard.queue.RejectedMessage;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.CenterConfig;
import org.medcard.simulator.center.SettlementCenter;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.dayclose.DayClose;
import org.medcard.terminal.receipt.DayCloseReport;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Issue 14, "the terminal reverses automatically where the protocol allows", for a settlement (2102) that was sent
 * after the card was debited but never answered: the center's fate is unknown to the terminal. The protocol says
 * what to do (host-protocol.md, Envelope): "A terminal that did not get an answer resends the same request with the
 * same msgid"; 2601 is for "when the terminal chooses not to resend", and this terminal always resends
 * (docs/decisions.md, unanswered14). So:
 * <ul>
 *   <li>the center had settled it: the resend gets the stored answer, the sale is settled once, nothing is reversed;</li>
 *   <li>the center had refused it: the resend gets the stored refusal, and then — with nobody pressing a key — the
 *       terminal reverses it (2601), the center returns the debit as a load, and the card gets it back the next time
 *       it is presented (R2: never cash).</li>
 * </ul>
 * Real parts: one simulated center over HTTP on loopback with its own SQLite file (read with plain SQL for its
 * records), fault injection on that center (answers too slow for the terminal's time-out; the connection dropped
 * after the center committed), the terminal's background forwarder on a clock that runs (its back-off must pass),
 * the training reader's virtual card, the terminal's SQLite queue.
 */
class UnansweredSettlementIT {

    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50, category A: all from the personal account online
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final Duration WAIT = Duration.ofSeconds(40);

    /** How the 2102's answer fails to reach the terminal. */
    enum Unanswered {
        /** The center answers after the terminal's request time-out (fault SLOW). */
        TIMEOUT,
        /** The center commits, then drops the connection without a status line (fault ANSWER_LOST). */
        CONNECTION_DROPPED
    }

    @TempDir
    Path dir;

    private Path centerDb;
    private SettlementCenter center;
    private Terminal terminal;

    @BeforeEach
    void start() {
        centerDb = dir.resolve("center.db");
        center = new SettlementCenter(CenterConfig.of(centerDb.toString()), TrainingTerminals.CLOCK);
        center.start(0);
        // The training day, ticking: the forwarder's back-off (full jitter, 1 s base) has to run out by itself.
        Clock running = Clock.offset(Clock.system(TrainingTerminals.CLOCK.getZone()),
                Duration.between(Instant.now(), TrainingTerminals.CLOCK.instant()));
        terminal = new Terminal(TrainingTerminals.config(dir.resolve("terminal"), Map.of(
                "center.url", "http://127.0.0.1:" + center.port() + "/",
                "center.request_timeout_ms", "3000", // long enough for the start-up downloads on a busy machine
                "terminal.number", "01",
                "language", "en")), running, new Terminal.Options(false, true, "cashier01"));
    }

    @AfterEach
    void stop() {
        if (terminal != null) {
            terminal.close();
        }
        center.stop();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Unanswered.class)
    void R11_unansweredSettlement_centerHadSettledIt_resentWithTheSameMsgidUntilAnswered_settledOnce_neverReversed(Unanswered how)
            throws Exception {
        VirtualMedicalCard card = warmUp();
        long before = card.state().balance();

        SaleView pending = sellLosingTheAnswer(how, false);

        assertEquals(SaleOutcome.Kind.SETTLEMENT_PENDING, pending.kind(), pending.message());
        assertNotNull(pending.tac(), "the card paid, proven by its TAC");
        assertEquals(before - 2_500, card.state().balance());
        String msgid = settleOf(pending).msgid();
        stillUnansweredWhileTheCenterIsSilent(how, msgid);

        OutboxMessage settled = await(() -> terminal.queue().message(msgid).filter(m -> m.state() == OutboxState.DONE), msgid + " DONE");

        assertEquals(msgid, settled.msgid(), "resent under its own msgid, never a new one");
        assertTrue(settled.attempts() >= 2, "sent, unanswered, resent: " + settled.attempts());
        assertNull(settled.reversalMsgid(), "never reversed");
        assertEquals(List.of(), terminal.queue().messages(OutboxState.DONE).stream().filter(m -> m.transaction().equals("2601")).toList(),
                "no 2601 at all");
        assertEquals(List.of(), terminal.queue().rejectedMessages());
        // The center's own records: one answer stored for the msgid, one settlement, no reversal, the shadow balance the card's.
        assertEquals(List.of("0"), centerRows("SELECT infcode FROM answered WHERE msgid = ?", msgid));
        assertEquals(List.of("SETTLED 2500"), centerRows("SELECT status || ' ' || acct_pay FROM settlement WHERE msgid = ?", msgid));
        assertEquals(List.of(), centerRows("SELECT msgid FROM reversal WHERE omsgid = ?", msgid));
        assertEquals(List.of(String.valueOf(before - 2_500)), centerRows("SELECT balance FROM card WHERE card_no = ?", card.profile().cardNo()));
        assertEquals(List.of(), centerRows("SELECT load_id FROM pending_load WHERE card_no = ? AND origin = 'REFUND'", card.profile().cardNo()));
        DayClose.Result day = new DayClose(terminal.queue(), terminal.onlineCenter(), terminal.clock(), "01").close(DAY);
        assertEquals(DayCloseReport.Result.MATCH, day.reconciliation().result(), day.reconciliation().detail());
        assertEquals(2, day.count(), "the warm-up sale and this one, once");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Unanswered.class)
    void R2_unansweredSettlement_centerHadRefusedIt_resentUntilAnswered_thenReversedAutomatically_refundCreditedOnTheNextCard(Unanswered how)
            throws Exception {
        VirtualMedicalCard card = warmUp();
        String cardNo = card.profile().cardNo();
        long before = card.state().balance();

        SaleView pending = sellLosingTheAnswer(how, true);

        assertEquals(SaleOutcome.Kind.SETTLEMENT_PENDING, pending.kind(), pending.message());
        assertEquals(before - 2_500, card.state().balance(), "the card paid before the 2102 was sent");
        String msgid = settleOf(pending).msgid();
        stillUnansweredWhileTheCenterIsSilent(how, msgid);

        // Nobody acts: the background forwarder resends, gets the stored refusal, and the terminal queues and sends 2601.
        RejectedMessage refused = await(() -> terminal.queue().rejectedMessage(msgid)
                .filter(r -> r.resolution() == RejectedMessage.Resolution.REFUND_PENDING), msgid + " reversed, refund pending");

        OutboxMessage settle = refused.message();
        assertEquals(OutboxState.REJECTED, settle.state());
        assertEquals(2005L, settle.centerCode(), settle.reason());
        assertTrue(settle.attempts() >= 2, "sent, unanswered, resent: " + settle.attempts());
        assertEquals("terminal", refused.resolvedBy(), "automatic, not a supervisor's");
        assertEquals(2_500, refused.cardDebitFen());
        assertFalse(refused.resolution().needsSupervisor(), "the queue screen shows no red line for it");
        OutboxMessage reversal = terminal.queue().message(settle.reversalMsgid()).orElseThrow();
        assertEquals("2601", reversal.transaction());
        assertEquals(OutboxState.DONE, reversal.state());
        assertTrue(reversal.inputJson().contains(msgid), "2601 names the unanswered msgid: " + reversal.inputJson());
        String loadId = refused.refundLoadId();
        assertTrue(loadId.startsWith("RFD"), loadId);
        // The center: the refusal stored once under the msgid, no settlement, the reversal, the refund as a pending load.
        assertEquals(List.of("2005"), centerRows("SELECT infcode FROM answered WHERE msgid = ?", msgid));
        assertEquals(List.of(), centerRows("SELECT setl_id FROM settlement WHERE msgid = ?", msgid));
        assertEquals(List.of(reversal.msgid()), centerRows("SELECT msgid FROM reversal WHERE omsgid = ?", msgid));
        assertEquals(List.of("2500 PENDING"), centerRows("SELECT amount || ' ' || status FROM pending_load WHERE load_id = ?", loadId));

        // The card presented for the next sale: the one card session credits pending loads (R15's path) first.
        VirtualMedicalCard again = reader().presentCard("normal-3des");
        SaleView next = sell(AMOXICILLIN + ":1");
        assertEquals(SaleOutcome.Kind.SETTLED, next.kind(), next.message());

        assertEquals(before - 1_250, again.state().balance(), "the 25.00 of the refused sale is back on the card; 12.50 paid");
        assertEquals(RejectedMessage.Resolution.REFUND_CREDITED, terminal.queue().rejectedMessage(msgid).orElseThrow().resolution());
        assertEquals(List.of("CONFIRMED"), centerRows("SELECT status FROM pending_load WHERE load_id = ?", loadId));
        assertEquals(List.of(String.valueOf(before - 1_250)), centerRows("SELECT balance FROM card WHERE card_no = ?", cardNo),
                "the center's shadow balance is the card's");
        DayClose.Result day = new DayClose(terminal.queue(), terminal.onlineCenter(), terminal.clock(), "01").close(DAY);
        assertEquals(DayCloseReport.Result.MATCH, day.reconciliation().result(), day.reconciliation().detail());
        assertEquals(2, day.count(), "the warm-up sale and the next one; the refused sale is no settlement on either side");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private SimulatorTrainingReader reader() {
        return (SimulatorTrainingReader) terminal.devices().training().orElseThrow();
    }

    private SaleView sell(String item) {
        return SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(item)),
                () -> "123456".toCharArray(), "cashier01")));
    }

    /** A first sale credits the card's pending monthly money (R15), so the balances below move only by this test's acts. */
    private VirtualMedicalCard warmUp() throws Exception {
        VirtualMedicalCard card = reader().presentCard("normal-3des");
        SaleView first = sell(AMOXICILLIN + ":1");
        assertEquals(SaleOutcome.Kind.SETTLED, first.kind(), first.message());
        await(() -> terminal.queue().messages(OutboxState.PENDING).isEmpty() && terminal.queue().messages(OutboxState.UNKNOWN).isEmpty()
                ? Optional.of(true) : Optional.empty(), "the warm-up's messages forwarded");
        return card;
    }

    /**
     * Sells two boxes; the fault is set when the PIN is asked (after 2101, before the debit), so the 2102 is the first
     * request it meets. With {@code refuse} the center refuses that 2102 (2005) after every check, debit included.
     */
    private SaleView sellLosingTheAnswer(Unanswered how, boolean refuse) {
        PinSource pinThenFault = () -> {
            if (refuse) {
                center.inject(new Fault(FaultKind.SETTLE_REJECTED, 0, 1));
            }
            center.inject(how == Unanswered.TIMEOUT ? new Fault(FaultKind.SLOW, 4_500, 0) : new Fault(FaultKind.ANSWER_LOST, 0, 1));
            return "123456".toCharArray();
        };
        return SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":2")),
                pinThenFault, "cashier01")));
    }

    private OutboxMessage settleOf(SaleView sale) {
        List<OutboxMessage> unknown = terminal.queue().messages(OutboxState.UNKNOWN);
        assertEquals(1, unknown.size(), unknown.toString());
        OutboxMessage m = unknown.get(0);
        assertEquals("2102", m.transaction());
        assertEquals(sale.saleId(), m.saleId());
        return m;
    }

    /**
     * While the center stays silent (slow answers go on) the 2102 is resent and stays UNKNOWN: no reversal is made up.
     * The center decides meanwhile (its answer is stored); then it answers in time again.
     */
    private void stillUnansweredWhileTheCenterIsSilent(Unanswered how, String msgid) throws Exception {
        if (how == Unanswered.TIMEOUT) {
            await(() -> terminal.queue().message(msgid).filter(m -> m.attempts() >= 2), msgid + " resent while the center is slow");
            OutboxMessage m = terminal.queue().message(msgid).orElseThrow();
            assertFalse(m.state().isFinal(), "no answer yet (UNKNOWN, or SENDING again): " + m);
            assertNull(m.reversalMsgid(), "a message without an answer is resent, never reversed by the terminal on its own");
            await(() -> centerRows("SELECT infcode FROM answered WHERE msgid = ?", msgid).isEmpty() ? Optional.empty() : Optional.of(true),
                    "the center decided on " + msgid);
            center.faults().clear(FaultKind.SLOW);
        }
        assertTrue(terminal.queue().messages(OutboxState.PENDING).stream().noneMatch(m -> m.transaction().equals("2601")), "no 2601 queued");
    }

    private <T> T await(java.util.function.Supplier<Optional<T>> probe, String what) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(end)) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + WAIT + ": " + what);
    }

    /** The center's own SQLite file, read with plain SQL: its records, not the product's reading of them. */
    private List<String> centerRows(String sql, String arg) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + centerDb);
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setQueryTimeout(5);
            s.setString(1, arg);
            List<String> out = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
