package org.medcard.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcard.queue.QueueFixtures.card;
import static org.medcard.queue.QueueFixtures.offlineDebit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows edited, deleted or rolled back outside the program are found on start, reported, and stop the forwarder. */
class TamperEvidenceTest {
    @TempDir
    Path dir;
    Path file;
    final MutableClock clock = MutableClock.shanghai("2026-11-23T02:15:02Z");
    String saleId;
    String msgid;

    @BeforeEach
    void aQueueWithSomeOfEverything() {
        file = dir.resolve("q.db");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            saleId = offlineDebit(q, 1, 1, 2500);
            offlineDebit(q, 2, 1, 3000);
            msgid = q.queueMessage("8502", card(1), "{\"load_id\":\"L1\"}").msgid();
            q.recordCashPayment(new ResettlementRequest(Fault.PSAM_FAILURE, QueueFixtures.PATIENT, "c1",
                    QueueFixtures.ITEMS, 900, 900));
        }
    }

    void outside(String... sql) throws SQLException {
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TRIGGER IF EXISTS journal_no_update");
            st.executeUpdate("DROP TRIGGER IF EXISTS journal_no_delete");
            for (String s : sql) {
                st.executeUpdate(s);
            }
        }
    }

    TamperReport reopenAndReport() {
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            return q.tamperReport();
        }
    }

    @Test
    void untouchedQueueVerifies() {
        TamperReport r = reopenAndReport();
        assertTrue(r.clean(), r.findings().toString());
    }

    @Test
    void editedDebitAmountIsDetected() throws SQLException {
        outside("UPDATE offline_debit SET amount = 25 WHERE sale_id = '" + saleId + "'");
        assertEquals(List.of("offline_debit " + saleId + " does not match its HMAC (edited)"),
                reopenAndReport().findings());
    }

    @Test
    void editedJournalLineIsDetectedOnce() throws SQLException {
        outside("UPDATE journal SET payload = replace(payload, '2500', '25') WHERE kind = 'SALE_INTENT' AND sale_id = '"
                + saleId + "'");
        List<String> findings = reopenAndReport().findings();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("journal line "), findings.get(0));
    }

    /** A line that names a row but lost the row's key is a finding, never a crash of the check (and so of the open). */
    @Test
    void aRowsLineWithItsKeyRemovedIsReportedNotACrash() throws SQLException {
        outside("UPDATE journal SET entity_id = NULL WHERE entity = 'outbox' AND entity_id = '" + msgid + "'");
        List<String> findings = reopenAndReport().findings();
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("journal line ") && f.contains("does not match its HMAC")),
                findings.toString());
        assertTrue(findings.contains("outbox " + msgid + " points to a journal line that is not its own"),
                findings.toString());
    }

    /** Issue 17: an offline debit row is created by its sale's CARD_DEBITED line; every change stays covered. */
    @Test
    void deletedOfflineDebitRowIsDetected_fromItsCardDebitedLine() throws SQLException {
        outside("DELETE FROM offline_debit WHERE sale_id = '" + saleId + "'");
        assertEquals(List.of("offline_debit " + saleId + " is in the journal but its row is missing (deleted)"),
                reopenAndReport().findings());
    }

    @Test
    void editedCardDebitedLine_thatCreatedTheRow_isDetectedOnce() throws SQLException {
        outside("UPDATE journal SET payload = replace(payload, '\"amount\":2500', '\"amount\":25') WHERE kind = 'CARD_DEBITED'"
                + " AND sale_id = '" + saleId + "'");
        List<String> findings = reopenAndReport().findings();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("journal line ") && findings.get(0).contains("does not match its HMAC"),
                findings.get(0));
    }

    @Test
    void offlineDebitRowPointedAtItsSaleIntentLineIsDetected() throws SQLException {
        outside("UPDATE offline_debit SET event_seq = (SELECT seq FROM journal WHERE kind = 'SALE_INTENT' AND sale_id = '"
                + saleId + "') WHERE sale_id = '" + saleId + "'");
        assertEquals(List.of("offline_debit " + saleId + " points to a journal line that is not its own"),
                reopenAndReport().findings());
    }

    @Test
    void deletedOutboxRowIsDetected() throws SQLException {
        outside("DELETE FROM outbox WHERE msgid = '" + msgid + "'");
        assertEquals(List.of("outbox " + msgid + " is in the journal but its row is missing (deleted)"),
                reopenAndReport().findings());
    }

    @Test
    void deletedLastJournalLinesAreDetectedByTheHead() throws SQLException {
        outside("DELETE FROM resettlement", "DELETE FROM outbox WHERE infno = '8400'",
                "DELETE FROM journal WHERE seq > (SELECT MAX(seq) - 3 FROM journal)");
        List<String> findings = reopenAndReport().findings();
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("chain head names journal line")), findings.toString());
    }

    @Test
    void rowRolledBackToAnEarlierValidVersionIsDetected() throws SQLException {
        String[] old = new String[2];
        try (Connection c = QueueFixtures.raw(file); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT event_seq, mac FROM outbox WHERE msgid = '" + msgid + "'")) {
            old[0] = rs.getString(1);
            old[1] = rs.getString(2);
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            q.claimNext(); // 8502 first (FIFO), now SENDING
            q.recordAccepted(msgid, "{}");
        }
        outside("UPDATE outbox SET state = 'PENDING', attempts = 0, infcode = NULL, result = NULL,"
                + " updated_at = created_at, event_seq = " + old[0] + ", mac = '" + old[1] + "' WHERE msgid = '" + msgid + "'");
        assertEquals(List.of("outbox " + msgid + " is not at its latest journalled version (rolled back or inserted)"),
                reopenAndReport().findings());
    }

    @Test
    void anotherTerminalsKeyDoesNotVerify() {
        byte[] other = "some-other-terminal-key-32-bytes".getBytes(StandardCharsets.US_ASCII);
        try (OfflineQueue q = OfflineQueue.open(file, QueueFixtures.roomySettings(), other, clock)) {
            assertFalse(q.tamperReport().clean());
            assertTrue(q.forwardingBlocked());
        }
    }

    @Test
    void findingsStopTheForwarderUntilASupervisorAcknowledges() throws SQLException {
        outside("UPDATE offline_debit SET amount = 25 WHERE sale_id = '" + saleId + "'");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            List<TamperReport> heard = new CopyOnWriteArrayList<>();
            q.addListener(new QueueListener() {
                @Override
                public void tamperDetected(TamperReport report) {
                    heard.add(report);
                }
            });
            q.verify(); // as export does: reported to listeners
            assertEquals(1, heard.size());
            assertTrue(q.forwardingBlocked());
            assertTrue(q.summary().forwardingBlocked());
            assertTrue(q.claimNext().isEmpty());
            TamperReport after = q.acknowledgeTamper("supervisor7", "amount edited by a technician, checked");
            assertFalse(after.blocksForwarding());
            assertTrue(after.clean(), "the edited row is resealed as found: " + after.findings());
            List<JournalEntry> resealed = q.journal(0, 1000).stream().filter(e -> e.kind().equals("ROW_RESEALED")).toList();
            assertEquals(1, resealed.size());
            assertTrue(resealed.get(0).payload().contains("\"amount\":25"), resealed.get(0).payload());
            assertTrue(q.journal(0, 1000).stream().anyMatch(e -> e.kind().equals("TAMPER_ACKNOWLEDGED")
                    && e.payload().contains("supervisor7") && e.payload().contains(saleId)));
            OutboxMessage batch = q.claimNext().orElseThrow();
            assertEquals("8301", batch.transaction(), "the other card's debit goes");
            assertFalse(batch.inputJson().contains("\"amount\":25"), batch.inputJson());
            assertEquals(1, q.offlineDebit(saleId).stream().filter(d -> d.state().equals("QUEUED")).count(),
                    "issue 18: forwarding resumes only for rows that verify; the edited debit stays");
            assertEquals(1, q.heldAfterTamper().size(), q.heldAfterTamper().toString());
            assertTrue(q.heldAfterTamper().get(0).startsWith("offline_debit " + saleId + ": found edited"),
                    q.heldAfterTamper().toString());
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertFalse(q.forwardingBlocked());
            assertTrue(q.verify().clean(), "holding is journalled and sealed");
        }
    }

    @Test
    void afterAcknowledgement_anEditedMessageIsHeld_andTheRowsThatVerifyAreForwarded() throws SQLException {
        outside("UPDATE outbox SET input = '{\"load_id\":\"L9\"}' WHERE msgid = '" + msgid + "'");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertTrue(q.forwardingBlocked());
            q.acknowledgeTamper("supervisor7", "seen");
            assertTrue(q.claim(msgid).isEmpty(), "the edited message is never sent");
            assertEquals(List.of(msgid), q.heldAfterTamper().stream().map(h -> h.split(" ")[1].replace(":", "")).toList());
            OutboxMessage next = q.claimNext().orElseThrow();
            assertEquals("8400", next.transaction(), "the rows that verify are forwarded, in order, past the held one");
        }
    }

    @Test
    void acknowledgedJournalEditStaysReportedButNoLongerBlocks() throws SQLException {
        outside("UPDATE journal SET payload = replace(payload, '2500', '25') WHERE kind = 'SALE_INTENT' AND sale_id = '"
                + saleId + "'");
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertTrue(q.forwardingBlocked());
            TamperReport after = q.acknowledgeTamper("supervisor7", "seen");
            assertEquals(1, after.findings().size());
            assertEquals(after.findings(), after.acknowledged());
            assertFalse(q.forwardingBlocked());
        }
        try (OfflineQueue q = QueueFixtures.open(file, clock)) {
            assertFalse(q.forwardingBlocked());
            assertFalse(q.tamperReport().clean());
        }
    }
}
