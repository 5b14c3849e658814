package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.card;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: a settlement the center rejects after the card was debited, and what a supervisor does about the rest. */
class RejectedMessagesTest {
    static final String PURSE = "{\"card_no\":\"" + card(7) + "\",\"offline_counter\":12,\"amount\":486,\"tx_type\":6,"
            + "\"terminal_id\":\"0000000000A1\",\"terminal_seq\":5,\"tx_time\":\"2026-11-23 10:15:02\",\"tac\":\"0A0B0C0D\"}";

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");

    static String settleWithDebit() {
        return "{\"presettle_id\":\"PRE1\",\"acct_pay\":486,\"cash_pay\":0,\"purse\":" + PURSE + "}";
    }

    /** Queues a 2102, sends it and records the center's 2005. */
    static OutboxMessage rejectedSettle(OfflineQueue q, String input) {
        OutboxMessage m = q.queueMessage("2102", card(7), input);
        assertEquals(m.msgid(), q.claimNext().orElseThrow().msgid());
        q.recordRefused(m.msgid(), 2005, "acct_pay 486 + cash_pay 0 does not equal the total");
        return m;
    }

    @Test
    void settlementRejectedAfterADebit_isReversedAutomatically_refundTrackedUntilTheCardIsCredited() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            OutboxMessage settle = rejectedSettle(q, settleWithDebit());

            RejectedMessage r = q.rejectedMessage(settle.msgid()).orElseThrow();
            assertEquals(RejectedMessage.Resolution.REVERSAL_QUEUED, r.resolution());
            assertEquals(486, r.cardDebitFen());
            assertEquals("terminal", r.resolvedBy());
            assertTrue(r.message().reason().contains("does not equal the total"), "the center's reason is kept");
            assertEquals(0, q.summary().rejectedMessages(), "nobody needs to act while the reversal is under way");

            OutboxMessage reversal = q.claimNext().orElseThrow();
            assertEquals("2601", reversal.transaction());
            assertEquals(r.message().reversalMsgid(), reversal.msgid());
            assertTrue(reversal.inputJson().contains(settle.msgid()));
            q.recordAccepted(reversal.msgid(), "{\"reversed\":true,\"reason\":\"REJECTED_DEBIT_RETURNED\","
                    + "\"refund_acct\":486,\"load_id\":\"RFD000001\"}");

            r = q.rejectedMessage(settle.msgid()).orElseThrow();
            assertEquals(RejectedMessage.Resolution.REFUND_PENDING, r.resolution());
            assertEquals("RFD000001", r.refundLoadId());
            assertEquals(OutboxState.REJECTED, r.message().state());
            assertEquals(2005L, r.message().centerCode(), "the rejection stays what it was");

            assertEquals(settle.msgid(), q.refundCredited("RFD000001").orElseThrow());
            assertEquals(RejectedMessage.Resolution.REFUND_CREDITED, q.rejectedMessage(settle.msgid()).orElseThrow().resolution());
            assertTrue(q.refundCredited("RFD000001").isEmpty(), "credited once");
            assertTrue(q.refundCredited("RFD-OTHER").isEmpty(), "a monthly load is no refund");
            assertTrue(q.verify().clean(), q.verify().findings().toString());
        }
    }

    @Test
    void rejectedWithoutACardDebit_waitsForASupervisor_andResendGoesUnderANewMsgid() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            OutboxMessage settle = rejectedSettle(q, "{\"presettle_id\":\"PRE1\",\"acct_pay\":0,\"cash_pay\":486}");
            assertEquals(RejectedMessage.Resolution.NONE, q.rejectedMessage(settle.msgid()).orElseThrow().resolution());
            assertTrue(q.claimNext().isEmpty(), "nothing is reversed without a card debit");
            assertEquals(1, q.summary().rejectedMessages());

            OutboxMessage resent = q.resendRejected(settle.msgid(), "sup01", "center fixed the catalog");
            assertNotEquals(settle.msgid(), resent.msgid());
            assertEquals(settle.inputJson(), resent.inputJson());
            assertEquals(OutboxState.PENDING, resent.state());
            RejectedMessage r = q.rejectedMessage(settle.msgid()).orElseThrow();
            assertEquals(RejectedMessage.Resolution.RESENT, r.resolution());
            assertEquals(resent.msgid(), r.resentAs());
            assertEquals("sup01", r.resolvedBy());
            assertEquals(0, q.summary().rejectedMessages());
            assertThrows(QueueStoreException.class, () -> q.resendRejected(settle.msgid(), "sup01", null), "resent once");
        }
    }

    @Test
    void reversalRefused_needsASupervisor_markHandledRequiresANoteAndIsJournalled() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            OutboxMessage settle = rejectedSettle(q, settleWithDebit());
            OutboxMessage reversal = q.claimNext().orElseThrow();
            q.recordAccepted(reversal.msgid(), "{\"reversed\":false,\"reason\":\"DEBIT_SETTLED_AS SETL9\"}");
            assertEquals(RejectedMessage.Resolution.REVERSAL_REFUSED, q.rejectedMessage(settle.msgid()).orElseThrow().resolution());
            assertEquals(1, q.summary().rejectedMessages());

            assertThrows(QueueStoreException.class, () -> q.markRejectedHandled(settle.msgid(), "sup01", "  "));
            RejectedMessage handled = q.markRejectedHandled(settle.msgid(), "sup01", "debit was settled as SETL9; checked with the center");
            assertEquals(RejectedMessage.Resolution.HANDLED, handled.resolution());
            assertEquals("debit was settled as SETL9; checked with the center", handled.note());
            assertEquals(0, q.summary().rejectedMessages());
            List<JournalEntry> lines = q.journal(0, 1000);
            assertTrue(lines.stream().anyMatch(l -> l.kind().equals("REJECTED_HANDLED") && l.payload().contains("checked with the center")
                    && l.payload().contains("sup01")), "audited in the journal");
            assertTrue(q.verify().clean());
        }
    }

    @Test
    void supervisorReversesARejectedSettlement_andARejectedReversalShowsOnTheOriginal() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            OutboxMessage settle = rejectedSettle(q, "{\"presettle_id\":\"PRE1\",\"acct_pay\":0,\"cash_pay\":486}");
            OutboxMessage reversal = q.reverseRejected(settle.msgid(), "sup01", "customer left");
            assertEquals(RejectedMessage.Resolution.REVERSAL_QUEUED, q.rejectedMessage(settle.msgid()).orElseThrow().resolution());
            assertThrows(QueueStoreException.class, () -> q.reverseRejected(settle.msgid(), "sup01", null), "one reversal at a time");
            assertEquals(reversal.msgid(), q.claimNext().orElseThrow().msgid());
            q.recordRefused(reversal.msgid(), 2005, "omsgid unknown");
            assertEquals(RejectedMessage.Resolution.REVERSAL_REFUSED, q.rejectedMessage(settle.msgid()).orElseThrow().resolution());
            assertEquals(RejectedMessage.Resolution.HANDLED, q.rejectedMessage(reversal.msgid()).orElseThrow().resolution());
            assertEquals(1, q.summary().rejectedMessages(), "only the original waits for a supervisor");
        }
    }

    @Test
    void anOfflineUploadCannotBeResent() {
        try (OfflineQueue q = QueueFixtures.open(dir.resolve("q.db"), clock)) {
            QueueFixtures.offlineDebit(q, 3, 1, 500);
            OutboxMessage batch = q.claimNext().orElseThrow();
            q.recordRefused(batch.msgid(), 2005, "batch refused");
            assertThrows(QueueStoreException.class, () -> q.resendRejected(batch.msgid(), "sup01", null));
            assertThrows(QueueStoreException.class, () -> q.reverseRejected(batch.msgid(), "sup01", null));
        }
    }
}
