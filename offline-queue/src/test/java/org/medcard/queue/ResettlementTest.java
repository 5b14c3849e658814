package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.ITEMS;
import static org.medcard.queue.QueueFixtures.PATIENT;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.tac;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResettlementTest {
    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    ResettlementRequest cashSale() {
        return new ResettlementRequest(Fault.CARD_UNREADABLE, PATIENT, "cashier01", ITEMS, 2500, 2500);
    }

    @Test
    void R11_cashPaymentDuringFaultBecomesOpenResettlementEntry() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(cashSale());
            assertEquals("0000000000A1-000001", e.entryNo());
            assertEquals(ResettlementState.OPEN, e.state());
            assertEquals(Fault.CARD_UNREADABLE, e.fault());
            assertEquals("2026-11-23 10:15:02", e.originalTime());
            assertEquals(PATIENT, e.psnCertNo());
            assertEquals("cashier01", e.cashier());
            assertEquals(2500, e.cashPaidFen());
            assertFalse(e.registered());
            List<OutboxMessage> pending = q.messages(OutboxState.PENDING);
            assertEquals(1, pending.size());
            assertEquals("8400", pending.get(0).transaction());
            assertEquals(e.entryNo(), pending.get(0).entryNo());
            assertTrue(pending.get(0).inputJson().contains("\"cash_paid\":2500"));
            assertEquals(1, q.summary().openResettlements());
        }
    }

    @Test
    void R11_splitSale_theEntryNamesTheCardsOfflineDebit_uploadedInItsOwn8301AheadOfThe8400() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            SaleTicket t = q.beginSale(SaleIntent.offline(card(1), PATIENT, 41, 1000, 1500, ITEMS).withCardDebit(0x101,
                    "2026-11-23 10:15:02"));
            q.recordCardDebit(t.saleId(), tac(1));

            ResettlementEntry e = q.recordCashPayment(new ResettlementRequest(Fault.CENTER_UNREACHABLE, PATIENT, "cashier01",
                    ITEMS, 2500, 1500).afterOfflineDebit(t.saleId()));

            assertEquals(1000, e.acctPaidFen(), "acct_paid: total minus the cash paid");
            assertEquals(EntryKind.PHARMACY, e.kind());
            List<OutboxMessage> pending = q.messages(OutboxState.PENDING);
            assertEquals(List.of("8301", "8400"), pending.stream().map(OutboxMessage::transaction).toList(), "the debit's upload goes first");
            assertEquals(pending.get(0).msgid(), e.offlineMsgid(), "offline_msgid: the upload that carries the card's debit");
            assertEquals("BATCHED", q.offlineDebit(t.saleId()).orElseThrow().state());
            ResettlementEntry stored = q.resettlement(e.entryNo()).orElseThrow();
            assertEquals(1000, stored.acctPaidFen());
            assertEquals(e.offlineMsgid(), stored.offlineMsgid());
            assertTrue(q.verify().clean(), q.verify().findings().toString());
        }
    }

    @Test
    void R11_anEntryAfterAnOfflineDebitHasCashBelowTheTotal_andAnOutpatientEntryKeepsItsKind() {
        assertThrows(IllegalArgumentException.class, () -> cashSale().afterOfflineDebit("S1"));
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(cashSale().ofKind(EntryKind.OUTPATIENT));
            assertEquals(EntryKind.OUTPATIENT, q.resettlement(e.entryNo()).orElseThrow().kind());
            assertEquals(0, e.acctPaidFen());
            assertNull(e.offlineMsgid());
        }
    }

    @Test
    void R11_idNumberWithWrongCheckDigitIsRefused() {
        String wrong = PATIENT.substring(0, 17) + (PATIENT.charAt(17) == '0' ? "1" : "0");
        assertThrows(IllegalArgumentException.class,
                () -> new ResettlementRequest(Fault.NO_READER, wrong, "cashier01", ITEMS, 100, 100));
    }

    @Test
    void R11_registrationAnswerMarksTheEntryRegistered() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(cashSale());
            OutboxMessage m = q.claimNext().orElseThrow();
            q.recordAccepted(m.msgid(), "{\"registered\":true}");
            assertTrue(q.resettlement(e.entryNo()).orElseThrow().registered());
        }
    }

    @Test
    void R11_resettledEntryKeepsTheRefundAndStaysInTheJournal() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(cashSale());
            q.recordAccepted(q.claimNext().orElseThrow().msgid(), "{\"registered\":true}");
            OutboxMessage m = q.queueResettle(e.entryNo(), card(5), null);
            assertEquals("8401", q.claim(m.msgid()).orElseThrow().transaction());
            q.recordAccepted(m.msgid(),
                    "{\"setl_id\":\"ST9\",\"fund_pay\":1200,\"acct_pay\":800,\"refund_to_patient\":2000}");
            ResettlementEntry settled = q.resettlement(e.entryNo()).orElseThrow();
            assertEquals(ResettlementState.SETTLED, settled.state());
            assertEquals("ST9", settled.setlId());
            assertEquals(2000L, settled.refundFen());
            assertEquals(0, q.summary().openResettlements());
            assertThrows(QueueStoreException.class, () -> q.queueResettle(e.entryNo(), card(5), null));
        }
    }

    @Test
    void R11_rejectedEntryKeepsTheCentersReason() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(cashSale());
            ForwardResult r = q.recordRefused(q.claimNext().orElseThrow().msgid(), 2005, "record rejected: items");
            assertEquals(OutboxState.REJECTED, r.state());
            ResettlementEntry rejected = q.resettlement(e.entryNo()).orElseThrow();
            assertEquals(ResettlementState.REJECTED, rejected.state());
            assertEquals("infcode 2005: record rejected: items", rejected.reason());
        }
    }

    @Test
    void R11_openEntryExpiresTheDayAfterItsLastDay_andIsKept() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            // Sold at 10:15:02 Shanghai on 2026-11-23: the cash receipt says "re-settle by 2027-02-21" (+90 days).
            ResettlementEntry e = q.recordCashPayment(cashSale());
            clock.advance(Duration.ofDays(90).plusSeconds(1));
            assertEquals(0, q.expireResettlements(), "past the hour of the sale, but still its last day");
            clock.advance(Duration.ofHours(13).plusMinutes(44).plusSeconds(56)); // 2027-02-21 23:59:59 local
            assertEquals(0, q.expireResettlements(), "the last second of its last day");
            clock.advance(Duration.ofSeconds(1)); // 2027-02-22 00:00:00 local
            assertEquals(1, q.expireResettlements());
            ResettlementEntry expired = q.resettlement(e.entryNo()).orElseThrow();
            assertEquals(ResettlementState.EXPIRED, expired.state());
            assertTrue(expired.reason().contains("90 days"));
            assertEquals(List.of(expired), q.resettlements(ResettlementState.EXPIRED));
        }
    }

    /** An OPEN, registered entry of 25.00 paid in cash. */
    private ResettlementEntry registeredEntry(OfflineQueue q) {
        ResettlementEntry e = q.recordCashPayment(cashSale());
        q.recordAccepted(q.claimNext().orElseThrow().msgid(), "{\"registered\":true}");
        return e;
    }

    @Test
    void R11_accountShareOfAResettlementIsJournalledProvenByTheTacAndSettledWith8401() throws Exception {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = registeredEntry(q);
            String input = q.resettleInput(e.entryNo(), card(5));
            SaleTicket t = q.beginSale(SaleIntent.resettle(card(5), PATIENT, 7, 800, 500, ITEMS, input)
                    .withCardDebit(42, "2026-11-24 09:00:00"));
            assertEquals(SaleMode.RESETTLE, t.intent().mode());
            assertEquals(e.entryNo(), t.intent().entryNo());
            // Until the card answers, the debit is unfinished (tearing recovery) and blocks a second attempt.
            assertEquals(List.of(t.saleId()), q.unfinishedSales().stream().map(SaleTicket::saleId).toList());
            assertEquals(SaleMode.RESETTLE, q.unfinishedSales().get(0).intent().mode());
            assertThrows(QueueStoreException.class, () -> q.queueResettle(e.entryNo(), card(5), null));

            OutboxMessage m = q.recordCardDebit(t.saleId(), tac(0xBEEF)).orElseThrow();
            assertEquals("8401", m.transaction());
            assertEquals(e.entryNo(), m.entryNo());
            assertEquals(t.saleId(), m.saleId());
            com.fasterxml.jackson.databind.JsonNode in = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.inputJson());
            assertEquals(e.entryNo(), in.path("entry_no").asText());
            assertEquals(2500, in.path("cash_paid").asLong());
            assertEquals(800, in.path("purse").path("amount").asLong());
            assertEquals(7, in.path("purse").path("offline_counter").asInt());
            assertEquals(42, in.path("purse").path("terminal_seq").asLong());
            assertEquals("2026-11-24 09:00:00", in.path("purse").path("tx_time").asText());
            assertEquals(tac(0xBEEF), in.path("purse").path("tac").asText());
            assertTrue(q.unfinishedSales().isEmpty());
            assertThrows(QueueStoreException.class, () -> q.resettleInput(e.entryNo(), card(5)), "8401 under way");

            q.claim(m.msgid()).orElseThrow();
            q.recordAccepted(m.msgid(), "{\"setl_id\":\"ST7\",\"fund_pay\":1200,\"acct_pay\":800,\"refund_to_patient\":2000}");
            ResettlementEntry settled = q.resettlement(e.entryNo()).orElseThrow();
            assertEquals(ResettlementState.SETTLED, settled.state());
            assertEquals(800L, settled.acctPayFen());
            assertEquals(1200L, settled.fundPayFen());
            assertEquals(2000L, settled.refundFen());
            assertTrue(q.journalOfSale(t.saleId()).stream().anyMatch(j -> j.kind().equals("CARD_DEBITED")));
        }
    }

    @Test
    void R11_resettleDebitForSomeoneElsesEntryIsRefusedBeforeAnythingIsJournalled() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = registeredEntry(q);
            String input = q.resettleInput(e.entryNo(), card(5));
            String other = QueueFixtures.id("11010519800101002");
            int before = q.journal(0, 1000).size();
            assertThrows(QueueStoreException.class,
                    () -> q.beginSale(SaleIntent.resettle(card(5), other, 7, 800, 500, ITEMS, input)));
            assertEquals(before, q.journal(0, 1000).size());
        }
    }

    @Test
    void R11_cardThatDidNotDebitLeavesTheEntryOpenForAnotherAttempt() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = registeredEntry(q);
            SaleTicket t = q.beginSale(SaleIntent.resettle(card(5), PATIENT, 7, 800, 500, ITEMS,
                    q.resettleInput(e.entryNo(), card(5))));
            q.recordNoDebit(t.saleId(), "GET TRANSACTION PROVE: 9406");
            assertEquals(ResettlementState.OPEN, q.resettlement(e.entryNo()).orElseThrow().state());
            assertTrue(q.resettleInput(e.entryNo(), card(5)).contains(e.entryNo()));
        }
    }

    @Test
    void R11_resettleIntentNeeds8401AndItsEntryNumber() {
        // The transaction is the wire format's to judge: the queue refuses a sale's settlement at the start of the debit.
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            assertThrows(IllegalArgumentException.class, () -> q.beginSale(new SaleIntent(SaleMode.RESETTLE, card(5), PATIENT,
                    7, 800, 0, ITEMS, "2102", "{\"entry_no\":\"X\"}")));
            assertEquals("8401", q.beginSale(SaleIntent.resettle(card(5), PATIENT, 7, 800, 0, ITEMS, "{\"entry_no\":\"X\"}"))
                    .intent().settleTransaction(), "a re-settlement that names no transaction gets the wire format's");
        }
        assertThrows(IllegalArgumentException.class, () -> SaleIntent.resettle(card(5), PATIENT, 7, 800, 0, ITEMS, "{}"));
        assertThrows(IllegalArgumentException.class, () -> SaleIntent.resettle(card(5), null, 7, 800, 0, ITEMS,
                "{\"entry_no\":\"X\"}"));
    }
}
