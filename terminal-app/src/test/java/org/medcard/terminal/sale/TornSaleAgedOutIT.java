package org.medcard.terminal.sale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.medcard.terminal.config.TerminalEnvironment;
import org.medcard.terminal.training.SimulatorTrainingReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.card.MedicalCard;
import org.medcard.card.PurchaseIntent;
import org.medcard.psam.SoftPsam;
import org.medcard.psam.SoftPsamKeys;
import org.medcard.queue.JournalEntry;
import org.medcard.simulator.card.VirtualMedicalCard;
import org.medcard.terminal.Terminal;
import org.medcard.terminal.TrainingTerminals;

/**
 * Issue 18 case 3, reproduced as the red team did: a sale torn after the card debited, then ten more purchases
 * with the card at another terminal (the card keeps the proofs of its last ten purchases only), then the card
 * back. GET TRANSACTION PROVE answers 9406; the journal used to say CARD_NOT_DEBITED, the card 12.50 short and
 * the center never told. Now the card's log is read, and what it cannot decide is a supervisor task.
 */
class TornSaleAgedOutIT {
    private static final String AMOXICILLIN = "XJ01CAA001"; // 12.50
    private static final PinSource RIGHT_PIN = () -> "123456".toCharArray();

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
    void debitedThenTenPurchasesElsewhere_isUnresolvedForASupervisor_neverNotDebited() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present();
        long before = card.state().balance();
        card.tearAfterDebitApplied();
        SaleView torn = sell();
        assertEquals(SaleOutcome.Kind.INTERRUPTED, torn.kind(), torn.message());

        VirtualMedicalCard elsewhere = present();
        tenPurchasesElsewhere();
        assertEquals(before - 1_250 - 10 * 100, elsewhere.state().balance(), "the torn sale did debit the card");

        present();
        List<TearRecovery.Recovered> found = terminal.tearRecovery().recover(terminal.openCard(), terminal.psam());

        assertEquals(1, found.size());
        TearRecovery.Recovered r = found.get(0);
        assertEquals(torn.saleId(), r.saleId());
        assertTrue(r.unresolved(), r.note());
        assertFalse(r.debited());
        List<String> kinds = terminal.queue().journalOfSale(torn.saleId()).stream().map(JournalEntry::kind).toList();
        assertFalse(kinds.contains("CARD_NOT_DEBITED"), kinds.toString());
        assertTrue(kinds.contains("CARD_DEBIT_UNRESOLVED"), kinds.toString());
        List<JournalEntry> tasks = terminal.queue().unresolvedSales();
        assertEquals(1, tasks.size());
        assertTrue(tasks.get(0).payload().contains("cannot tell whether it was debited"), tasks.get(0).payload());
        assertEquals(0, terminal.queue().summary().unfinishedSales(), "asking the card again cannot help");
        assertTrue(terminal.audit().latest(5).stream().anyMatch(e -> e.action().equals("TEAR_UNRESOLVED")
                && e.detail().contains(torn.saleId()) && e.detail().contains("1250 fen")), "a supervisor sees it in the audit log");

        terminal.close();
        terminal = null;
        java.io.StringWriter out = new java.io.StringWriter();
        int exit = org.medcard.terminal.cli.MedcardCli.create(new org.medcard.terminal.config.TerminalEnvironment(dir, TrainingTerminals.CLOCK,
                java.io.InputStream.nullInputStream()), new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true))
                .execute("queue", "unresolved", "--json");
        assertEquals(1, exit, "a task is waiting: " + out);
        var listed = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString()).get("unresolved");
        assertEquals(1, listed.size(), out.toString());
        assertEquals(torn.saleId(), listed.get(0).get("sale_id").asText());
        assertTrue(listed.get(0).get("evidence").asText().contains("cannot tell whether it was debited"), out.toString());
    }

    @Test
    void notDebitedThenTenPurchasesElsewhere_theLogProvesIt_notDebited() throws Exception {
        terminal = TrainingTerminals.open(dir, Map.of());
        VirtualMedicalCard card = present();
        long before = card.state().balance();
        card.tearBeforeDebitApplied();
        SaleView torn = sell();
        assertEquals(SaleOutcome.Kind.INTERRUPTED, torn.kind(), torn.message());

        VirtualMedicalCard elsewhere = present();
        tenPurchasesElsewhere();
        assertEquals(before - 10 * 100, elsewhere.state().balance());

        present();
        List<TearRecovery.Recovered> found = terminal.tearRecovery().recover(terminal.openCard(), terminal.psam());

        assertFalse(found.get(0).debited());
        assertFalse(found.get(0).unresolved(), found.get(0).note());
        JournalEntry closed = terminal.queue().journalOfSale(torn.saleId()).stream()
                .filter(e -> e.kind().equals("CARD_NOT_DEBITED")).findFirst().orElseThrow();
        // The card still holds a proof for that counter — the other terminal's purchase — whose TAC cannot be ours:
        // not a forged card (R10), the log shows whose it is.
        assertTrue(closed.payload().contains("is that of another purchase in its log"), closed.payload());
        assertTrue(terminal.audit().latest(5).stream().noneMatch(e -> e.action().equals("R10_FORGED_CARD")));
        assertTrue(terminal.queue().unresolvedSales().isEmpty());
    }

    private VirtualMedicalCard present() throws Exception {
        return ((SimulatorTrainingReader) terminal.devices().training().orElseThrow()).presentCard("normal-3des");
    }

    private SaleView sell() {
        return SaleView.of(terminal, terminal.pharmacySale().withoutLoads().sell(SaleRequest.of(List.of(SaleItem.parse(AMOXICILLIN + ":1")), RIGHT_PIN,
                "cashier01")));
    }

    /** Another pharmacy's terminal (its own PSAM) sells 1.00 ten times to the card in the slot. */
    private void tenPurchasesElsewhere() throws Exception {
        String keys = new String(SoftPsamKeys.class.getResourceAsStream(SoftPsamKeys.TEST_KEYS_RESOURCE).readAllBytes(),
                StandardCharsets.UTF_8).replace("terminal_id = 000000123456", "terminal_id = 000000999999");
        AtomicLong seq = new AtomicLong(500);
        SoftPsam elsewhere = new SoftPsam(SoftPsamKeys.load(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                "elsewhere"), seq::incrementAndGet);
        assertEquals("000000999999", elsewhere.terminalId().hex());
        MedicalCard card = terminal.openCard();
        card.select();
        card.readCardInfo();
        for (int i = 0; i < 10; i++) {
            card.verifyPin("123456".toCharArray());
            PurchaseIntent intent = card.initializePurchase(100, elsewhere.terminalId());
            card.debit(intent, elsewhere, LocalDateTime.of(2026, 11, 24, 9, 0, i));
        }
    }
}
