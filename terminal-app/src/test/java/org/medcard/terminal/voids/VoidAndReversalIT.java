package org.medcard.terminal.voids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OutboxState;
import org.medcard.queue.EncodedMessage;
import org.medcard.queue.forward.CenterAnswer;
import org.medcard.terminal.center.HostLink;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.simulator.center.fault.Fault;
import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;
import org.medcard.terminal.operator.Operator;
import org.medcard.terminal.operator.Operators;
import org.medcard.terminal.operator.PasswordHasher;
import org.medcard.terminal.operator.Role;
import org.medcard.terminal.sale.PharmacySale;
import org.medcard.terminal.sale.SaleView;
import org.medcard.terminal.sale.PinSource;
import org.medcard.terminal.sale.SaleItem;
import org.medcard.terminal.sale.SaleOutcome;
import org.medcard.terminal.sale.SaleRequest;
import org.medcard.terminal.training.SimulatedCenter;
import org.medcard.terminal.training.SimulatorTrainingReader;

/**
 * Void (2103) and reversal (2601) end to end: training reader with a virtual card, embedded center over
 * loopback HTTP, SQLite files in a temp folder, operators in terminal.db.
 */
class VoidAndReversalIT {

    private static final String METFORMIN = "XA10BAD003";
    private static final String AMOXICILLIN = "XJ01CAA001";

    @TempDir
    Path dir;

    private Terminal terminal;
    private Operators operators;

    @AfterEach
    void close() {
        if (terminal != null) {
            terminal.close();
        }
    }

    private void open() {
        terminal = TrainingTerminals.open(dir, Map.of());
        operators = new Operators(terminal.db(), new PasswordHasher(1_000, new SecureRandom()), terminal.audit(), terminal.clock());
        operators.add(new Operator("sup01", "王主管", Role.SUPERVISOR, true), "supervisor-pw".toCharArray(), "setup");
        operators.add(new Operator("cash01", "李收银", Role.CASHIER, true), "cashier-pw-1".toCharArray(), "setup");
    }

    /** Metformin x3 with 10.01 from the account: fund 34.02, account 10.01, cash 4.57. */
    private SaleView settledSale(PinSource pin) {
        SaleView o = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(METFORMIN + ":3")), pin, "cash01")
                .withRequestedAccount(1_001)));
        return o;
    }

    @Test
    void voidNeedsASupervisor() throws Exception {
        open();
        terminal.devices().training().orElseThrow().present("normal-3des");
        SaleView sale = settledSale(() -> "123456".toCharArray());
        assertEquals(SaleOutcome.Kind.SETTLED, sale.kind(), sale.message());
        VoidDesk desk = terminal.voidDesk(operators);

        VoidOutcome byCashier = desk.voidSettlement(sale.setlId(), "cash01", "cashier-pw-1".toCharArray(), "wrong item");
        VoidOutcome wrongPassword = desk.voidSettlement(sale.setlId(), "sup01", "not-the-password".toCharArray(), "wrong item");

        assertEquals(VoidOutcome.Kind.REFUSED, byCashier.kind());
        assertEquals("void.supervisor_needed", byCashier.messageKey());
        assertEquals(VoidOutcome.Kind.REFUSED, wrongPassword.kind());
        assertEquals(2, terminal.audit().latest(10).stream().filter(a -> a.action().equals("VOID_REFUSED")).count(), "audited");
        assertTrue(terminal.queue().messages(OutboxState.DONE).stream().noneMatch(m -> m.transaction().equals("2103")),
                "nothing was sent to the center");

        VoidOutcome bySupervisor = desk.voidSettlement(sale.setlId(), "sup01", "supervisor-pw".toCharArray(), "wrong item");
        assertEquals(VoidOutcome.Kind.VOIDED, bySupervisor.kind(), terminal.voidTexts().line(bySupervisor));
        assertTrue(terminal.audit().latest(10).stream().anyMatch(a -> a.action().equals("VOID") && a.operator().equals("sup01")));
    }

    @Test
    void R2_refundGoesBackToTheAccountNeverCash() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        String cardNo = card.profile().cardNo();
        SaleView sale = settledSale(() -> "123456".toCharArray());
        assertEquals(SaleOutcome.Kind.SETTLED, sale.kind(), sale.message());
        // Counted after the sale: a sale first loads the card's pending monthly contributions (R15).
        long loadsBefore = pendingLoadsFen(cardNo);
        long afterSale = card.state().balance();

        VoidOutcome v = terminal.voidDesk(operators).voidSettlement(sale.setlId(), "sup01", "supervisor-pw".toCharArray(),
                "patient returned the goods");

        String line = terminal.voidTexts().line(v);
        VoidOutcome.Voided voided = assertInstanceOf(VoidOutcome.Voided.class, v, line);
        assertEquals(457, voided.cashBackFen(), "only the cash share leaves the till");
        assertEquals(1_001, voided.accountFen());
        assertEquals(3_402, voided.fundFen());
        assertTrue(voided.loadId().isPresent(), "the account share travels as a pending load");
        assertTrue(line.contains("4.57") && line.contains("10.01"), line);
        assertEquals(afterSale, card.state().balance(), "the card is credited by the load, not by the void");
        assertEquals(loadsBefore + 1_001, pendingLoadsFen(cardNo), "the center holds the account refund as a pending load (8501)");

        VoidOutcome again = terminal.voidDesk(operators).voidSettlement(sale.setlId(), "sup01", "supervisor-pw".toCharArray(), "twice");
        assertEquals(VoidOutcome.Kind.REJECTED, again.kind(), "a settlement is voided once");
    }

    @Test
    void unansweredSettlementIsReversedInsteadOfResent() throws Exception {
        open();
        VirtualMedicalCard card = ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
        String cardNo = card.profile().cardNo();
        // The PIN is asked after 2101 and before the debit: the next committing request is the 2102.
        SaleView sale = SaleView.of(terminal, terminal.pharmacySale().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":2")), () -> {
            SimulatedCenter.of(terminal.embeddedCenter().orElseThrow()).inject(new Fault(FaultKind.ANSWER_LOST, 0, 1));
            return "123456".toCharArray();
        }, "cash01")));
        assertEquals(SaleOutcome.Kind.SETTLEMENT_PENDING, sale.kind(), sale.message());
        // Counted after the sale: a sale first loads the card's pending monthly contributions (R15).
        long loadsBefore = pendingLoadsFen(cardNo);
        String msgid = terminal.queue().messages(OutboxState.UNKNOWN).get(0).msgid();

        ReversalOutcome r = terminal.reversals().reverse(msgid, "sup01");

        assertEquals(ReversalOutcome.Kind.REVERSED, r.kind(), terminal.voidTexts().line(r));
        assertEquals(OutboxState.REJECTED, terminal.queue().message(msgid).orElseThrow().state(), "never resent");
        assertTrue(terminal.forwarder().orElseThrow().drainOnce().isEmpty(), "nothing left to send");
        JsonNode settlement = null;
        for (JsonNode rec : ask("3202", "{\"date\":\"2026-11-23\"}").path("records")) {
            if (rec.path("msgid").asText().equals(msgid)) {
                settlement = rec;
            }
        }
        assertNotNull(settlement, "the center had settled the 2102 whose answer was lost");
        assertEquals("REVERSED", settlement.path("status").asText(), "no settlement stands at the center");
        assertEquals("MATCH", ask("3201", "{\"date\":\"2026-11-23\",\"count\":0,\"fund_sum\":0,\"acct_sum\":0,\"cash_sum\":0}")
                .path("result").asText(), "the day's settled totals are empty");
        assertEquals(loadsBefore + 2_500, pendingLoadsFen(cardNo), "the debited account share comes back as a pending load");
        assertTrue(terminal.audit().latest(5).stream().anyMatch(a -> a.action().equals("REVERSAL_REQUESTED")));
    }

    /** The card's pending loads at the center (8501). */
    private long pendingLoadsFen(String cardNo) throws Exception {
        long sum = 0;
        for (JsonNode l : ask("8501", "{\"card_no\":\"" + cardNo + "\"}").path("loads")) {
            sum += l.path("amount").asLong();
        }
        return sum;
    }

    /** Asks the embedded center over a link of the test's own (another counter, "99"). */
    private JsonNode ask(String infno, String input) throws Exception {
        ObjectMapper json = new ObjectMapper();
        String[] signNo = {""};
        HostLink link = new HostLink(HostLink.Settings.of(URI.create("http://127.0.0.1:"
                + terminal.embeddedCenter().orElseThrow().port() + "/"), terminal.config().institutionCode(), "99", "auditor",
                () -> signNo[0]), terminal.clock());
        CenterAnswer.Accepted in = (CenterAnswer.Accepted) link.send(new EncodedMessage("9001",
                "{\"opter\":\"auditor\",\"dev_no\":\"99\",\"mac\":\"00:00:00:00:00:99\"}"), terminal.queue().reserveMsgid());
        signNo[0] = json.readTree(in.output()).get("sign_no").asText();
        CenterAnswer answer = link.send(new EncodedMessage(infno, input), terminal.queue().reserveMsgid());
        CenterAnswer.Accepted a = assertInstanceOf(CenterAnswer.Accepted.class, answer, infno + ": " + answer);
        return json.readTree(a.output());
    }
}
