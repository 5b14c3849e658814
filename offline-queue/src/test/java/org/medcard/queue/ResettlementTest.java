package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.ITEMS;
import static org.medcard.queue.QueueFixtures.PATIENT;
import static org.medcard.queue.QueueFixtures.card;

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
            assertEquals("8400", pending.get(0).infno());
            assertEquals(e.entryNo(), pending.get(0).entryNo());
            assertTrue(pending.get(0).inputJson().contains("\"cash_paid\":2500"));
            assertEquals(1, q.summary().openResettlements());
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
            q.recordAnswer(m.msgid(), 0, null, "{\"registered\":true}");
            assertTrue(q.resettlement(e.entryNo()).orElseThrow().registered());
        }
    }

    @Test
    void R11_resettledEntryKeepsTheRefundAndStaysInTheJournal() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(cashSale());
            q.recordAnswer(q.claimNext().orElseThrow().msgid(), 0, null, "{\"registered\":true}");
            OutboxMessage m = q.queueResettle(e.entryNo(), card(5), null);
            assertEquals("8401", q.claim(m.msgid()).orElseThrow().infno());
            q.recordAnswer(m.msgid(), 0, null,
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
            ForwardResult r = q.recordAnswer(q.claimNext().orElseThrow().msgid(), 2005, "record rejected: items", "{}");
            assertEquals(OutboxState.REJECTED, r.state());
            ResettlementEntry rejected = q.resettlement(e.entryNo()).orElseThrow();
            assertEquals(ResettlementState.REJECTED, rejected.state());
            assertEquals("infcode 2005: record rejected: items", rejected.reason());
        }
    }

    @Test
    void R11_openEntryExpiresAfterResettleMaxDaysAndIsKept() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            ResettlementEntry e = q.recordCashPayment(cashSale());
            clock.advance(Duration.ofDays(90));
            assertEquals(0, q.expireResettlements());
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, q.expireResettlements());
            ResettlementEntry expired = q.resettlement(e.entryNo()).orElseThrow();
            assertEquals(ResettlementState.EXPIRED, expired.state());
            assertTrue(expired.reason().contains("90 days"));
            assertEquals(List.of(expired), q.resettlements(ResettlementState.EXPIRED));
        }
    }
}
