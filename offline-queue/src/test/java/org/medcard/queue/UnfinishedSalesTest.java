package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.ITEMS;
import static org.medcard.queue.QueueFixtures.PATIENT;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;
import static org.medcard.queue.QueueFixtures.offlineSale;
import static org.medcard.queue.QueueFixtures.tac;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unfinished sales (an intent, no card answer) are found from what the last committed snapshot showed and the
 * lines after it, not from the whole journal (issue 17, {@link UnfinishedSales}). Each ask here comes after the
 * journal moved on in a way that could hide a sale from a wrong mark: answered sales before and after an open one,
 * an open one answered, a new one begun, a card that did not pay, a supervisor's task, a new process.
 */
class UnfinishedSalesTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    @Test
    void anOpenSaleAmongAnsweredOnesIsFoundAtEveryAskUntilItsCardAnswers() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            for (int i = 1; i <= 20; i++) {
                offlineDebit(q, i % 4, i, 100);
            }
            SaleTicket torn = q.beginSale(offlineSale(7, 1, 250));
            for (int i = 21; i <= 40; i++) {
                offlineDebit(q, i % 4, i, 100);
            }
            assertEquals(List.of(torn.saleId()), ids(q));
            assertEquals(1, q.summary().unfinishedSales());
            for (int i = 41; i <= 45; i++) {
                offlineDebit(q, i % 4, i, 100);
            }
            assertEquals(List.of(torn.saleId()), ids(q), "asked again after more sales: still there");

            SaleTicket second = q.beginSale(offlineSale(8, 1, 300));
            assertEquals(List.of(torn.saleId(), second.saleId()), ids(q), "a sale begun after the last ask");
            q.recordCardDebit(torn.saleId(), tac(0x51));
            assertEquals(List.of(second.saleId()), ids(q));
            q.recordNoDebit(second.saleId(), "9406: the card has no such debit");
            assertEquals(List.of(), ids(q));
            assertEquals(0, q.summary().unfinishedSales());

            SaleTicket third = q.beginSale(offlineSale(9, 1, 400));
            assertEquals(List.of(third.saleId()), ids(q), "begun after an ask that found none");
            assertEquals(1, q.summary().unfinishedSales());
            q.recordUnresolved(third.saleId(), "the card's log no longer reaches the sale", false);
            assertEquals(List.of(), ids(q), "a supervisor's task, not the card's");
            assertEquals(List.of(third.saleId()), q.unresolvedSales().stream().map(JournalEntry::saleId).toList());
        }
    }

    @Test
    void aNewProcessFindsTheSalesLeftOpenAnywhereInTheJournal() {
        Path file = dir.resolve("q.db");
        String early;
        String late;
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            early = q.beginSale(offlineSale(7, 1, 250)).saleId();
            for (int i = 1; i <= 30; i++) {
                offlineDebit(q, i % 4, i, 100);
            }
            assertEquals(List.of(early), ids(q));
            late = q.beginSale(offlineSale(8, 1, 300)).saleId();
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertEquals(List.of(early, late), ids(q));
            assertEquals(2, q.summary().unfinishedSales());
        }
    }

    @Test
    void R11_anEntrysUnfinishedCardDebitBlocksItsSecondSettlementBeforeAndAfterAnAsk() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(new ResettlementRequest(Fault.CARD_UNREADABLE, PATIENT, "cashier01",
                    ITEMS, 2500, 2500));
            q.recordAccepted(q.claimNext().orElseThrow().msgid(), "{\"registered\":true}");
            String input = q.resettleInput(e.entryNo(), card(5));
            SaleTicket t = q.beginSale(SaleIntent.resettle(card(5), PATIENT, 7, 800, 500, ITEMS, input)
                    .withCardDebit(42, "2026-11-24 09:00:00"));
            // not yet seen by an ask: found among the lines after the last one
            QueueStoreException before = assertThrows(QueueStoreException.class,
                    () -> q.queueResettle(e.entryNo(), card(5), null));
            assertTrue(before.getMessage().contains("unfinished card debit (sale " + t.saleId()), before.getMessage());
            for (int i = 1; i <= 10; i++) {
                offlineDebit(q, i % 4, i, 100);
            }
            assertEquals(List.of(t.saleId()), ids(q));
            // seen unfinished by that ask: asked again by its line
            QueueStoreException after = assertThrows(QueueStoreException.class,
                    () -> q.queueResettle(e.entryNo(), card(5), null));
            assertTrue(after.getMessage().contains("unfinished card debit (sale " + t.saleId()), after.getMessage());
            q.recordCardDebit(t.saleId(), tac(0xBEEF));
            assertEquals(List.of(), ids(q));
        }
    }

    private static List<String> ids(OfflineQueue q) {
        return q.unfinishedSales().stream().map(SaleTicket::saleId).toList();
    }
}
