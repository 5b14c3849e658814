package org.medcard.terminal.present.rejected;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcard.queue.OfflineQueue;
import org.medcard.queue.OutboxMessage;
import org.medcard.queue.PurseRecord;
import org.medcard.queue.QueueSettings;
import org.medcard.queue.RejectedMessage;
import org.medcard.queue.TerminalIdentity;
import org.medcard.terminal.center.HostCodec;
import org.medcard.terminal.center.HostRequest;
import org.medcard.terminal.center.QueueWireFormat;
import org.medcard.terminal.operator.AuditLog;
import org.medcard.terminal.rejected.RejectedDesk;
import org.medcard.terminal.store.TerminalDb;

/**
 * Issue 14, the supervisor's rejected-messages screen without a display: a settlement rejected after the card debit
 * shows its automatic reversal and the refund; one rejected without a debit waits for the supervisor, who resends,
 * reverses or marks it handled (the note required), audited under the signed-in name. Real parts: the SQLite queue
 * with the terminal's wire format, the terminal database's audit log.
 */
class RejectedModelTest {
    private static final Executor INLINE = Runnable::run;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:15:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String CARD = "10000000000000000007";
    private static final HostCodec CODEC = new HostCodec();

    @TempDir
    Path dir;
    private OfflineQueue queue;
    private TerminalDb db;
    private AuditLog audit;
    private final List<String> sent = new ArrayList<>();

    static final class RecordingView implements RejectedView {
        final List<RejectedAnswer> answers = new ArrayList<>();
        final List<String> messages = new ArrayList<>();

        @Override
        public void showRejected(RejectedAnswer answer) {
            answers.add(answer);
        }

        @Override
        public void showBusy(boolean busy, String what) {
        }

        @Override
        public void showMessage(String message) {
            messages.add(message);
        }

        RejectedAnswer last() {
            return answers.get(answers.size() - 1);
        }
    }

    @BeforeEach
    void open() {
        queue = OfflineQueue.open(dir.resolve("queue.db"), QueueSettings.of(new TerminalIdentity("P11010100001", 1, "0000000000A1")),
                "terminal-01-hmac-key-for-tests!!".getBytes(), CLOCK, new QueueWireFormat(CODEC));
        db = TerminalDb.open(dir.resolve("terminal.db"));
        audit = new AuditLog(db, CLOCK);
    }

    @AfterEach
    void close() {
        queue.close();
        db.close();
    }

    private RejectedModel model(RecordingView view, Locale locale) {
        return new RejectedModel(new RejectedDesk(queue, audit, sent::add, CLOCK.getZone(), new org.medcard.terminal.center.QueueWireFormat()), () -> "sup01", locale, view, INLINE, INLINE);
    }

    private OutboxMessage rejected(long acctFen) {
        PurseRecord purse = acctFen == 0 ? null
                : new PurseRecord(CARD, 12, acctFen, 6, "0000000000A1", 5, "2026-11-23 10:15:00", "0A0B0C0D");
        OutboxMessage m = queue.queue(CODEC.encode(new HostRequest.Settle2102("PRE1", acctFen, 1_000 - acctFen, purse)), CARD);
        queue.claimNext().orElseThrow();
        queue.recordRefused(m.msgid(), 2005, "acct_pay + cash_pay does not equal the total for card " + CARD);
        return m;
    }

    @Test
    void R2_settlementRejectedAfterTheCardDebit_showsItsAutomaticReversal_noSupervisorNeeded_cardMasked() {
        OutboxMessage settle = rejected(486);
        RecordingView view = new RecordingView();
        model(view, Locale.ENGLISH).refresh();

        RejectedAnswer a = view.last();
        assertFalse(a.needsSupervisor(), a.headline());
        assertEquals("1 message(s) rejected by the center; each has been dealt with.", a.headline());
        RejectedRow row = a.rows().get(0);
        assertEquals(settle.msgid(), row.msgid());
        assertTrue(row.resolution().startsWith("Reversal (2601) queued by terminal: the ¥4.86 the card paid"), row.resolution());
        assertFalse(row.line().contains(CARD) || row.reason().contains(CARD), "card numbers masked: " + row);
        assertEquals("2026-11-23 10:15:00  2102  message " + settle.msgid() + "  card 100*************0007", row.line(),
                "local time, masked card");
        assertEquals("The center said (code 2005): acct_pay + cash_pay does not equal the total for card 100*************0007",
                row.reason());
        assertFalse(row.canResend() || row.canReverse(), "nothing left to resend or reverse while the reversal runs");
        assertTrue(row.canMarkHandled());
    }

    @Test
    void rejectedWithoutADebit_needsTheSupervisor_markHandledWithoutANoteIsRefused_withANoteAudited() {
        OutboxMessage settle = rejected(0);
        RecordingView view = new RecordingView();
        RejectedModel model = model(view, Locale.ENGLISH);
        model.refresh();
        assertTrue(view.last().needsSupervisor());
        assertTrue(view.last().rows().get(0).canResend() && view.last().rows().get(0).canReverse());

        model.markHandled(settle.msgid(), " ");
        assertEquals("Type a note first: it says what was done about this message.", view.messages.get(0));
        model.markHandled(null, "x");
        assertEquals("Choose a message in the list first.", view.messages.get(1));

        model.markHandled(settle.msgid(), "patient paid cash at the desk; center informed");
        RejectedAnswer after = view.last();
        assertFalse(after.needsSupervisor());
        assertEquals("Message " + settle.msgid() + " marked handled.", after.message());
        assertEquals("Marked handled by sup01: patient paid cash at the desk; center informed", after.rows().get(0).resolution());
        assertEquals(RejectedMessage.Resolution.HANDLED, queue.rejectedMessage(settle.msgid()).orElseThrow().resolution());
        assertTrue(audit.entries("REJECTED_HANDLED").stream().anyMatch(e -> e.operator().equals("sup01")
                && e.detail().contains(settle.msgid()) && e.detail().contains("center informed")), "audited");
        assertEquals(0, queue.summary().rejectedMessages());
    }

    @Test
    void supervisorResends_underANewMsgid_sentAtOnce_andInChinese() {
        OutboxMessage settle = rejected(0);
        RecordingView view = new RecordingView();
        RejectedModel model = model(view, Locale.SIMPLIFIED_CHINESE);
        model.resend(settle.msgid(), null);
        RejectedAnswer a = view.last();
        String resentAs = queue.rejectedMessage(settle.msgid()).orElseThrow().resentAs();
        assertEquals(List.of(resentAs), sent, "sent now (the forwarder resends it later if the center is away)");
        assertEquals("报文 " + settle.msgid() + " 已以 " + resentAs + " 重发。", a.message());
        assertEquals("中心拒绝了 1 条报文，均已处理。", a.headline());
        assertTrue(audit.entries("REJECTED_RESEND").stream().anyMatch(e -> e.detail().contains(resentAs)));

        model.resend(settle.msgid(), null);
        assertTrue(view.messages.get(view.messages.size() - 1).startsWith("未执行："), view.messages.toString());
    }

    @Test
    void supervisorReverses_aRejectedSettlement_queuesA2601() {
        OutboxMessage settle = rejected(0);
        RecordingView view = new RecordingView();
        model(view, Locale.ENGLISH).reverse(settle.msgid(), "customer left");
        String reversal = queue.rejectedMessage(settle.msgid()).orElseThrow().message().reversalMsgid();
        assertEquals("2601", queue.message(reversal).orElseThrow().transaction());
        assertEquals(List.of(reversal), sent);
        assertTrue(view.last().message().startsWith("Reversal " + reversal + " of message " + settle.msgid()), view.last().message());
    }
}
