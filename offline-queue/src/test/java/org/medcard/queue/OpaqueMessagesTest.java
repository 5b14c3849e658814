package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue knows no transaction code: with a wire format whose codes are made up, messages are stored and
 * forwarded as given, and what the queue builds and reads itself goes through the wire format.
 */
class OpaqueMessagesTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T02:15:02Z"), ZoneId.of("Asia/Shanghai"));

    /** The host format with every code renamed: what the queue does must not change. */
    private static final class RenamedCodes implements WireFormat {
        private final HostWireFormat host = new HostWireFormat();

        private static String rename(String hostCode) {
            return "X-" + hostCode;
        }

        private static EncodedMessage renamed(EncodedMessage m) {
            return new EncodedMessage(rename(m.transaction()), m.input());
        }

        private static EncodedMessage host(EncodedMessage m) {
            return new EncodedMessage(m.transaction().substring(2), m.input());
        }

        @Override
        public String centerReason(long code, String message) {
            return host.centerReason(code, message);
        }

        @Override
        public Role roleOf(String transaction) {
            return transaction.startsWith("X-") ? host.roleOf(transaction.substring(2)) : Role.OTHER;
        }

        @Override
        public String transactionOf(Role role) {
            return rename(host.transactionOf(role));
        }

        @Override
        public EncodedMessage offlineUpload(List<String> records) {
            return renamed(host.offlineUpload(records));
        }

        @Override
        public EncodedMessage entryRegistration(ResettlementEntry entry) {
            return renamed(host.entryRegistration(entry));
        }

        @Override
        public EncodedMessage entrySettlement(ResettlementEntry entry, String cardNo) {
            return renamed(host.entrySettlement(entry, cardNo));
        }

        @Override
        public EncodedMessage withPurse(EncodedMessage settlement, String purseRecord) {
            return renamed(host.withPurse(host(settlement), purseRecord));
        }

        @Override
        public EncodedMessage reversal(OutboxMessage original) {
            return renamed(host.reversal(original));
        }

        @Override
        public String reversedMsgid(EncodedMessage reversal) {
            return host.reversedMsgid(host(reversal));
        }

        @Override
        public List<UploadResult> uploadResults(String output) {
            if (!output.contains("\"results\"")) {
                throw new IllegalArgumentException("field 'results' missing"); // as the terminal's codec reads it
            }
            return host.uploadResults(output);
        }

        @Override
        public EntrySettlement entrySettled(String output) {
            return host.entrySettled(output);
        }

        @Override
        public boolean reversed(String output) {
            return host.reversed(output);
        }
    }

    private OfflineQueue open() {
        return OfflineQueue.open(dir.resolve("q.db"), QueueFixtures.roomySettings(), QueueFixtures.key(), clock, new RenamedCodes());
    }

    @Test
    void uploadsAndEntriesUseTheWireFormatsCodes() {
        try (OfflineQueue q = open()) {
            String saleId = QueueFixtures.offlineDebit(q, 1, 5, 1200);
            OutboxMessage upload = q.claimNext().orElseThrow();
            assertEquals("X-8301", upload.transaction());
            ForwardResult r = q.recordAccepted(upload.msgid(), "{\"results\":[{\"card_no\":\"" + QueueFixtures.card(1)
                    + "\",\"offline_counter\":5,\"result\":\"ACCEPTED\",\"setl_id\":\"S1\"}]}");
            assertEquals(1, r.accepted());
            assertEquals("DONE", q.offlineDebit(saleId).orElseThrow().state());

            ResettlementEntry e = q.recordCashPayment(new ResettlementRequest(Fault.CENTER_UNREACHABLE, QueueFixtures.PATIENT,
                    "cashier01", QueueFixtures.ITEMS, 2500, 2500));
            assertEquals("X-8400", q.claimNext().orElseThrow().transaction());
            assertEquals("X-8401", q.entrySettlement(e.entryNo(), QueueFixtures.card(2)).transaction());
        }
    }

    @Test
    void anyOtherMessageIsStoredAsGiven_andOnlyReversibleRolesAreReversed() {
        try (OfflineQueue q = open()) {
            OutboxMessage m = q.queue(new EncodedMessage("ANYTHING", "{\"a\":1}"), QueueFixtures.card(1));
            assertEquals(new EncodedMessage("ANYTHING", "{\"a\":1}"), q.message(m.msgid()).orElseThrow().message());
            q.claim(m.msgid()).orElseThrow();
            q.recordNoAnswer(m.msgid(), "timeout");
            assertThrows(QueueStoreException.class, () -> q.requestReversal(m.msgid()), "OTHER is not a settlement");
            assertEquals(1, q.summary().pendingMessages());
        }
    }

    @Test
    void anAnswerTheWireFormatCannotReadIsNoAnswer() {
        try (OfflineQueue q = open()) {
            String saleId = QueueFixtures.offlineDebit(q, 1, 5, 1200);
            OutboxMessage upload = q.claimNext().orElseThrow();
            ForwardResult r = q.recordAccepted(upload.msgid(), "{\"accepted\":1}");
            assertEquals(OutboxState.UNKNOWN, r.state(), "resent with the same msgid, never guessed at");
            assertEquals(OutboxState.UNKNOWN, q.message(upload.msgid()).orElseThrow().state());
            assertEquals("BATCHED", q.offlineDebit(saleId).orElseThrow().state(), "still in the upload that is resent");
        }
    }
}
