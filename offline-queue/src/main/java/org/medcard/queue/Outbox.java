package org.medcard.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outbox: messages with a stored msgid, their states, upload batches of offline debits, and what each
 * answer changes. Runs inside {@link SqliteStore.Tx} transactions opened by {@link OfflineQueue}.
 *
 * <p>Order: strictly FIFO by id, and a message that is UNKNOWN is resent (same msgid) before anything after
 * it; a new upload batch is built only when no other message waits. So a card's messages and debits reach the
 * center in the order the terminal made them ("ordered per card"), at the price of head-of-line waiting
 * while the center does not answer, when nothing else could be sent anyway.
 *
 * <p>Messages are stored as the terminal's codec encoded them; which transaction a message is, and what its answer
 * changes here, only the {@link WireFormat} knows.
 */
final class Outbox {
    static final int MAX_BATCH = 500;
    /**
     * The center code recorded with an accepted message. Stored files have always held 0 there (day close counts a
     * message as settled by it), so an acceptance keeps writing it: it is the queue's mark, not read from an answer.
     */
    private static final Long ACCEPTED = 0L;

    private final TerminalIdentity terminal;
    private final ObjectMapper mapper;
    private final WireFormat wire;
    /** The center talked to now (see {@link QueueSettings#center()}); null: no filter. */
    private final String center;

    Outbox(TerminalIdentity terminal, ObjectMapper mapper, WireFormat wire) {
        this(terminal, mapper, wire, null);
    }

    Outbox(TerminalIdentity terminal, ObjectMapper mapper, WireFormat wire, String center) {
        this.terminal = terminal;
        this.mapper = mapper;
        this.wire = wire;
        this.center = center;
    }

    /** The center recorded with what is queued now, or null. */
    String center() {
        return center;
    }

    /** SQL condition (with {@code ?} bound to {@link #centerArgs()}): rows for the current center or from before v4. */
    private String forThisCenter(String alias) {
        return alias + "held IS NULL AND " + (center == null ? "1 = 1" : "(" + alias + "center IS NULL OR " + alias + "center = ?)");
    }

    /** Rows held after a tamper finding, as "table key: why" (they are never sent). */
    static List<String> held(Connection c) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        for (Map<String, Object> r : SqliteStore.query(c, "SELECT 'outbox' AS t, msgid AS k, held FROM outbox WHERE held IS NOT NULL"
                + " UNION ALL SELECT 'offline_debit', sale_id, held FROM offline_debit WHERE held IS NOT NULL")) {
            out.add(r.get("t") + " " + r.get("k") + ": " + r.get("held"));
        }
        return out;
    }

    private Object[] centerArgs() {
        return center == null ? new Object[0] : new Object[] {center};
    }

    /** How many messages and offline debits wait for another center than the current one (they are held). */
    static long heldForOtherCenters(Connection c, String center) throws SQLException {
        if (center == null) {
            return 0;
        }
        return (Long) SqliteStore.query(c, "SELECT (SELECT COUNT(*) FROM outbox WHERE state IN ('PENDING','UNKNOWN')"
                + " AND center IS NOT NULL AND center <> ?) + (SELECT COUNT(*) FROM offline_debit WHERE state = 'QUEUED'"
                + " AND center IS NOT NULL AND center <> ?) AS n", center, center).get(0).get("n");
    }

    /**
     * Stores a new PENDING message; its msgid is fixed here, before any send. The message is stored as it is:
     * its transaction code goes in the {@link Rows#TRANSACTION} column, its input in {@code input}.
     */
    OutboxMessage enqueue(SqliteStore.Tx tx, EncodedMessage message, String cardKey, String saleId, String entryNo)
            throws SQLException {
        String transaction = message.transaction();
        String input = message.input();
        String msgid = newMsgid(tx);
        String now = LocalTimes.stamp(tx.now());
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("id", tx.nextId("outbox"));
        cols.put("msgid", msgid);
        cols.put(Rows.TRANSACTION, transaction);
        cols.put("card_key", cardKey == null ? null : cardKey.toUpperCase());
        cols.put("sale_id", saleId);
        cols.put("input", input);
        cols.put("state", OutboxState.PENDING.name());
        cols.put("attempts", 0L);
        cols.put("created_at", now);
        cols.put("updated_at", now);
        if (entryNo != null) {
            cols.put("entry_no", entryNo);
        }
        if (center != null) {
            cols.put("center", center);
        }
        tx.insert("outbox", "msgid", cols, "MESSAGE_QUEUED",
                mapper.createObjectNode().put("msgid", msgid).put(Rows.TRANSACTION, transaction));
        return Rows.outbox(cols);
    }

    /** The next sequence whose msgid is unused (a repeat needs 10,000 messages within one second). */
    private String newMsgid(SqliteStore.Tx tx) throws SQLException {
        for (int tries = 0; tries < 10_000; tries++) {
            String msgid = MsgIds.format(terminal, LocalTimes.local(tx.clock(), tx.now()), tx.nextMsgSeq());
            if (SqliteStore.query(tx.conn(), "SELECT 1 FROM outbox WHERE msgid = ?", msgid).isEmpty()) {
                return msgid;
            }
        }
        throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "no free msgid in this second");
    }

    /**
     * Takes the next message to send and marks it SENDING (committed before the send). Empty when nothing is
     * waiting or another sender holds a message.
     */
    Optional<OutboxMessage> claimNext(SqliteStore.Tx tx) throws SQLException {
        Connection c = tx.conn();
        if (senderBusy(c)) {
            return Optional.empty();
        }
        List<Map<String, Object>> next = SqliteStore.query(c, "SELECT msgid, card_key FROM outbox WHERE state IN"
                + " ('PENDING','UNKNOWN') AND reversal_msgid IS NULL AND " + forThisCenter("") + " ORDER BY id LIMIT 1",
                centerArgs());
        String msgid = next.isEmpty() || olderDebitQueued(c, next.get(0)) ? buildBatch(tx)
                : (String) next.get(0).get("msgid");
        return msgid == null ? Optional.empty() : Optional.of(markSending(tx, msgid));
    }

    /** One sender at a time, also across processes and after a crash (start-up turns SENDING into UNKNOWN). */
    private static boolean senderBusy(Connection c) throws SQLException {
        return !SqliteStore.query(c, "SELECT 1 FROM outbox WHERE state = 'SENDING' LIMIT 1").isEmpty();
    }

    /** Per-card order: a card's debit queued before this message must reach the center first. */
    private static boolean olderDebitQueued(Connection c, Map<String, Object> message) throws SQLException {
        String card = (String) message.get("card_key");
        return card != null && !SqliteStore.query(c, "SELECT 1 FROM offline_debit d WHERE d.card_no = ?"
                + " AND d.state = 'QUEUED' AND (SELECT MIN(seq) FROM journal WHERE entity = 'offline_debit'"
                + " AND entity_id = d.sale_id) < (SELECT MIN(seq) FROM journal WHERE entity = 'outbox'"
                + " AND entity_id = ?) LIMIT 1", card, message.get("msgid")).isEmpty();
    }

    /** Per-card order: an older message of the same card, or a debit of it, is still without an answer. */
    private static boolean olderWorkForCard(Connection c, String msgid) throws SQLException {
        Map<String, Object> m = SqliteStore.query(c, "SELECT id, card_key FROM outbox WHERE msgid = ?", msgid).get(0);
        String card = (String) m.get("card_key");
        if (card == null) {
            return false;
        }
        return !SqliteStore.query(c, "SELECT 1 FROM outbox WHERE card_key = ? AND id < ? AND state NOT IN"
                + " ('DONE','REJECTED') LIMIT 1", card, m.get("id")).isEmpty()
                || !SqliteStore.query(c, "SELECT 1 FROM offline_debit WHERE card_no = ? AND state = 'BATCHED' LIMIT 1",
                card).isEmpty()
                || olderDebitQueued(c, Map.of("card_key", card, "msgid", msgid));
    }

    /** Claims one given message (the terminal's own online settle, sent at once). */
    Optional<OutboxMessage> claim(SqliteStore.Tx tx, String msgid) throws SQLException {
        Connection c = tx.conn();
        if (senderBusy(c)) {
            return Optional.empty();
        }
        List<Object> args = new java.util.ArrayList<>(List.of(msgid));
        args.addAll(List.of(centerArgs()));
        List<Map<String, Object>> rows = SqliteStore.query(c, "SELECT state, reversal_msgid FROM outbox"
                + " WHERE msgid = ? AND " + forThisCenter(""), args.toArray());
        if (rows.isEmpty() || OutboxState.valueOf((String) rows.get(0).get("state")).isFinal()
                || rows.get(0).get("reversal_msgid") != null || olderWorkForCard(c, msgid)) {
            return Optional.empty();
        }
        return Optional.of(markSending(tx, msgid));
    }

    private OutboxMessage markSending(SqliteStore.Tx tx, String msgid) throws SQLException {
        Map<String, Object> current = SqliteStore.query(tx.conn(), "SELECT attempts, sale_id FROM outbox WHERE msgid = ?",
                msgid).get(0);
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", OutboxState.SENDING.name());
        changes.put("attempts", (Long) current.get("attempts") + 1);
        changes.put("updated_at", LocalTimes.stamp(tx.now()));
        return Rows.outbox(tx.update("outbox", "msgid", msgid, changes, "MESSAGE_SENDING",
                (String) current.get("sale_id"), mapper.createObjectNode().put("msgid", msgid)));
    }

    /** Puts up to 500 queued debits, oldest first, into one new upload message; null when none are queued. */
    private String buildBatch(SqliteStore.Tx tx) throws SQLException {
        List<Map<String, Object>> debits = SqliteStore.query(tx.conn(),
                "SELECT sale_id, record FROM offline_debit WHERE state = 'QUEUED' AND " + forThisCenter("")
                        + " ORDER BY id LIMIT " + MAX_BATCH, centerArgs());
        if (debits.isEmpty()) {
            return null;
        }
        return batchOf(tx, debits);
    }

    private String batchOf(SqliteStore.Tx tx, List<Map<String, Object>> debits) throws SQLException {
        List<String> records = new ArrayList<>();
        for (Map<String, Object> d : debits) {
            records.add((String) d.get("record"));
        }
        OutboxMessage batch = enqueue(tx, wire.offlineUpload(records), null, null, null);
        for (Map<String, Object> d : debits) {
            String saleId = (String) d.get("sale_id");
            tx.update("offline_debit", "sale_id", saleId, Map.of("state", "BATCHED", "batch_msgid", batch.msgid()),
                    "DEBIT_BATCHED", saleId, mapper.createObjectNode().put("batch_msgid", batch.msgid()));
        }
        return batch.msgid();
    }

    /**
     * The msgid of the upload that carries sale {@code saleId}'s offline debit: a QUEUED debit is put into an upload
     * of its own now (queued behind what waits, like any message), one already batched keeps its batch's msgid. For a
     * re-settlement entry after a partial offline debit, which must name it (issue 14).
     */
    String uploadOf(SqliteStore.Tx tx, String saleId) throws SQLException {
        List<Map<String, Object>> debit = SqliteStore.query(tx.conn(),
                "SELECT sale_id, record, state, batch_msgid FROM offline_debit WHERE sale_id = ?", saleId);
        if (debit.isEmpty()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "no offline debit for sale " + saleId);
        }
        String msgid = (String) debit.get(0).get("batch_msgid");
        return "QUEUED".equals(debit.get(0).get("state")) || msgid == null ? batchOf(tx, debit) : msgid;
    }

    /** SENDING with no answer (timeout, refused, 5xx, dropped): UNKNOWN, to be resent with the same msgid. */
    ForwardResult recordNoAnswer(SqliteStore.Tx tx, String msgid, String reason) throws SQLException {
        OutboxMessage m = setState(tx, msgid, OutboxState.UNKNOWN, null, null, "no answer: " + reason,
                "MESSAGE_NO_ANSWER");
        return new ForwardResult(msgid, m.transaction(), OutboxState.UNKNOWN, null, reason, 0, 0);
    }

    /** After a crash: what was SENDING may or may not have reached the center. */
    int recoverSending(SqliteStore.Tx tx) throws SQLException {
        List<Map<String, Object>> sending = SqliteStore.query(tx.conn(),
                "SELECT msgid FROM outbox WHERE state = 'SENDING' ORDER BY id");
        for (Map<String, Object> row : sending) {
            setState(tx, (String) row.get("msgid"), OutboxState.UNKNOWN, null, null,
                    "found SENDING at start: resent with the same msgid", "MESSAGE_RECOVERED");
        }
        return sending.size();
    }

    /** The message the center answered, unless it is already final (then what was recorded stands). */
    private Optional<OutboxMessage> answerable(SqliteStore.Tx tx, String msgid) throws SQLException {
        OutboxMessage m = find(tx.conn(), msgid).orElseThrow(() -> new QueueStoreException(
                QueueStoreException.Reason.REFUSED, "no outbox message " + msgid));
        return m.state().isFinal() ? Optional.empty() : Optional.of(m);
    }

    private ForwardResult alreadyFinal(SqliteStore.Tx tx, String msgid, Long code) throws SQLException {
        OutboxMessage m = find(tx.conn(), msgid).orElseThrow();
        return new ForwardResult(msgid, m.transaction(), m.state(), code == null ? null : code.intValue(), "already final", 0, 0);
    }

    /** The center asks for the message again with the same msgid: UNKNOWN, resent like a message without answer. */
    ForwardResult recordRetry(SqliteStore.Tx tx, String msgid, long code, String message) throws SQLException {
        Optional<OutboxMessage> m = answerable(tx, msgid);
        if (m.isEmpty()) {
            return alreadyFinal(tx, msgid, code);
        }
        setState(tx, msgid, OutboxState.UNKNOWN, code, null, "center asks to retry: " + wire.centerReason(code, message),
                "MESSAGE_RETRY");
        return new ForwardResult(msgid, m.get().transaction(), OutboxState.UNKNOWN, (int) code, message, 0, 0);
    }

    /** The center refused the message: REJECTED, and what that changes (debits, entry, reversal). */
    ForwardResult recordRefused(SqliteStore.Tx tx, String msgid, long code, String message, Resettlements resettlements)
            throws SQLException {
        Optional<OutboxMessage> m = answerable(tx, msgid);
        return m.isEmpty() ? alreadyFinal(tx, msgid, code) : rejected(tx, m.get(), code, message, resettlements);
    }

    /** Records the center's acceptance and what its output changes (debits, sale, re-settlement entry, reversal). */
    ForwardResult recordAccepted(SqliteStore.Tx tx, String msgid, String output, Resettlements resettlements)
            throws SQLException {
        Optional<OutboxMessage> found = answerable(tx, msgid);
        if (found.isEmpty()) {
            return alreadyFinal(tx, msgid, ACCEPTED);
        }
        OutboxMessage m = found.get();
        String out = output == null ? "{}" : output;
        Object read;
        try {
            Json.parse(mapper, out, "center output");
            read = readAccepted(m, out);
        } catch (IllegalArgumentException e) {
            // An answer the wire format cannot read is no usable answer: resent with the same msgid, never guessed at.
            String reason = "answer unreadable: " + e.getMessage();
            setState(tx, msgid, OutboxState.UNKNOWN, null, null, reason, "MESSAGE_NO_ANSWER");
            return new ForwardResult(msgid, m.transaction(), OutboxState.UNKNOWN, null, reason, 0, 0);
        }
        setState(tx, msgid, OutboxState.DONE, ACCEPTED, output, null, m.saleId() != null ? "SETTLED" : "MESSAGE_DONE");
        int[] counts = applyAccepted(tx, m, read, resettlements);
        return new ForwardResult(msgid, m.transaction(), OutboxState.DONE, ACCEPTED.intValue(), null, counts[0], counts[1]);
    }

    /** What the queue needs of an accepted answer, read before anything changes. */
    private Object readAccepted(OutboxMessage m, String out) {
        switch (wire.roleOf(m.transaction())) {
            case OFFLINE_UPLOAD:
                return wire.uploadResults(out);
            case ENTRY_SETTLEMENT:
                return m.entryNo() == null ? null : wire.entrySettled(out);
            case REVERSAL:
                return new ReversalAnswer(wire.reversed(out), wire.refundLoadId(out));
            default:
                return null;
        }
    }

    /** What a reversal's answer says: undone or not, and the load that returns the card debit. */
    private record ReversalAnswer(boolean reversed, String loadId) {
    }

    @SuppressWarnings("unchecked")
    private int[] applyAccepted(SqliteStore.Tx tx, OutboxMessage m, Object read, Resettlements resettlements)
            throws SQLException {
        switch (wire.roleOf(m.transaction())) {
            case OFFLINE_UPLOAD:
                return applyBatchResults(tx, m, (List<WireFormat.UploadResult>) read);
            case ENTRY_REGISTRATION:
                resettlements.registered(tx, m.entryNo());
                break;
            case ENTRY_SETTLEMENT:
                if (m.entryNo() != null) {
                    resettlements.settled(tx, m.entryNo(), (WireFormat.EntrySettlement) read);
                }
                break;
            case REVERSAL:
                ReversalAnswer a = (ReversalAnswer) read;
                applyReversal(tx, m, a.reversed(), a.loadId());
                break;
            default:
                break;
        }
        return new int[] {1, 0};
    }

    private ForwardResult rejected(SqliteStore.Tx tx, OutboxMessage m, long code, String message,
                                   Resettlements resettlements) throws SQLException {
        String reason = wire.centerReason(code, message);
        setState(tx, m.msgid(), OutboxState.REJECTED, code, null, reason,
                m.saleId() != null ? "SETTLE_REJECTED" : "MESSAGE_REJECTED");
        int rejected = 1;
        WireFormat.Role role = wire.roleOf(m.transaction());
        if (role == WireFormat.Role.OFFLINE_UPLOAD) {
            rejected = 0;
            for (Map<String, Object> d : batchDebits(tx.conn(), m.msgid())) {
                debitFinal(tx, (String) d.get("sale_id"), "REJECTED", null, reason);
                rejected++;
            }
        } else if (m.entryNo() != null) {
            resettlements.rejected(tx, m.entryNo(), reason);
        } else if (role == WireFormat.Role.REVERSAL) {
            applyReversal(tx, m, false, null);
            // The refusal shows on the original (REVERSAL_REFUSED or resent again); this row needs no one of its own.
            String original = wire.reversedMsgid(m.message());
            tx.update("outbox", "msgid", m.msgid(), Map.of("resolution", RejectedMessage.Resolution.HANDLED.name(),
                    "resolved_by", AUTOMATIC, "resolution_note", "reversal of " + original + " refused"),
                    "REJECTED_HANDLED", null, mapper.createObjectNode().put("by", AUTOMATIC).put("original", original));
        }
        if (role.reversible() && m.reversalMsgid() == null && cardDebitFen(m) > 0) {
            // The card paid for a settlement the center refused: ask for the money back now, in this transaction,
            // so a crash cannot leave the rejection without its reversal (the 2601 is then resent with its msgid).
            queueReversalOfRejected(tx, m, AUTOMATIC, null, "REJECTED_REVERSAL_QUEUED");
        }
        return new ForwardResult(m.msgid(), m.transaction(), OutboxState.REJECTED, (int) code, reason, 0, rejected);
    }

    /**
     * Upload results, matched by card number and counter when the center names them, else by position. A
     * record the answer does not mention goes back to QUEUED and into a later batch (the center answers a
     * resent record DUPLICATE, never pays it twice).
     */
    private int[] applyBatchResults(SqliteStore.Tx tx, OutboxMessage m, List<WireFormat.UploadResult> results)
            throws SQLException {
        Map<String, WireFormat.UploadResult> byRecord = new HashMap<>();
        for (WireFormat.UploadResult r : results) {
            if (r.cardNo() != null) {
                byRecord.put(r.cardNo().toUpperCase() + ":" + r.offlineCounter(), r);
            }
        }
        List<Map<String, Object>> debits = batchDebits(tx.conn(), m.msgid());
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < debits.size(); i++) {
            Map<String, Object> d = debits.get(i);
            WireFormat.UploadResult r = byRecord.get(((String) d.get("card_no")).toUpperCase() + ":" + d.get("offline_counter"));
            if (r == null && i < results.size() && results.get(i).cardNo() == null) {
                r = results.get(i); // a center that answers by position only
            }
            String saleId = (String) d.get("sale_id");
            WireFormat.UploadResult.Status status = r == null ? null : r.status();
            if (status == WireFormat.UploadResult.Status.ACCEPTED || status == WireFormat.UploadResult.Status.DUPLICATE) {
                debitFinal(tx, saleId, "DONE", r.setlId(), status.name());
                accepted++;
            } else if (status == WireFormat.UploadResult.Status.REJECTED) {
                debitFinal(tx, saleId, "REJECTED", null, r.reason() == null ? "REJECTED" : r.reason());
                rejected++;
            } else {
                tx.update("offline_debit", "sale_id", saleId, nullBatch(), "DEBIT_REQUEUED", saleId,
                        mapper.createObjectNode().put("reason", "no result in upload answer " + m.msgid()));
            }
        }
        return new int[] {accepted, rejected};
    }

    private static Map<String, Object> nullBatch() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", "QUEUED");
        changes.put("batch_msgid", null);
        return changes;
    }

    private void debitFinal(SqliteStore.Tx tx, String saleId, String state, String setlId, String reason)
            throws SQLException {
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", state);
        changes.put("setl_id", setlId);
        changes.put("reason", reason);
        ObjectNode payload = mapper.createObjectNode().put("state", state).put("reason", reason);
        if (setlId != null) {
            payload.put("setl_id", setlId);
        }
        tx.update("offline_debit", "sale_id", saleId, changes, "DONE".equals(state) ? "SETTLED" : "SETTLE_REJECTED",
                saleId, payload);
    }

    private static List<Map<String, Object>> batchDebits(Connection c, String msgid) throws SQLException {
        return SqliteStore.query(c, "SELECT sale_id, card_no, offline_counter FROM offline_debit"
                + " WHERE batch_msgid = ? AND state = 'BATCHED' ORDER BY id", msgid);
    }

    /** Asks the center to undo an UNKNOWN settlement instead of resending it (the wire format's reversal). */
    OutboxMessage requestReversal(SqliteStore.Tx tx, String msgid) throws SQLException {
        OutboxMessage m = find(tx.conn(), msgid).orElseThrow(() -> new QueueStoreException(
                QueueStoreException.Reason.REFUSED, "no outbox message " + msgid));
        if (m.state() != OutboxState.UNKNOWN || !wire.roleOf(m.transaction()).reversible() || m.reversalMsgid() != null) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "only an UNKNOWN settlement"
                    + " without a reversal under way can be reversed: " + msgid + " (" + m.transaction() + ")");
        }
        OutboxMessage reversal = enqueue(tx, wire.reversal(m), m.cardKey(), null, null);
        tx.update("outbox", "msgid", msgid, Map.of("reversal_msgid", reversal.msgid()), "REVERSAL_REQUESTED",
                m.saleId(), mapper.createObjectNode().put("reversal_msgid", reversal.msgid()));
        return reversal;
    }

    /**
     * reversed: the original never takes effect (REJECTED); not reversed: resume resending it. An original the
     * center had already rejected keeps its reason; only what was done about it changes.
     */
    private void applyReversal(SqliteStore.Tx tx, OutboxMessage reversal, boolean reversed, String loadId)
            throws SQLException {
        String original = wire.reversedMsgid(new EncodedMessage(reversal.transaction(), reversal.inputJson()));
        Optional<OutboxMessage> before = find(tx.conn(), original);
        if (before.isPresent() && before.get().state() == OutboxState.REJECTED && before.get().centerCode() != null) {
            resolveRejected(tx, before.get(), reversal, reversed, loadId);
            return;
        }
        if (reversed) {
            setState(tx, original, OutboxState.REJECTED, null, null, "reversed by " + reversal.transaction() + " " + reversal.msgid(),
                    "MESSAGE_REVERSED");
            if (loadId != null) {
                tx.update("outbox", "msgid", original, Map.of("refund_load_id", loadId), "REFUND_PENDING", null,
                        mapper.createObjectNode().put("load_id", loadId));
            }
        } else {
            Map<String, Object> changes = new HashMap<>();
            changes.put("reversal_msgid", null);
            tx.update("outbox", "msgid", original, changes, "REVERSAL_REFUSED", null,
                    mapper.createObjectNode().put("reversal_msgid", reversal.msgid()));
        }
    }

    // ---- rejected messages: what was done about them ------------------------------------------------------

    /** Who queued the automatic reversal of a rejected settlement. */
    static final String AUTOMATIC = "terminal";

    private long cardDebitFen(OutboxMessage m) {
        try {
            return wire.cardDebitFen(m.message());
        } catch (IllegalArgumentException e) {
            return 0; // a message the codec cannot read carries no debit it could prove
        }
    }

    private void resolveRejected(SqliteStore.Tx tx, OutboxMessage original, OutboxMessage reversal, boolean reversed,
                                 String loadId) throws SQLException {
        Map<String, Object> changes = new HashMap<>();
        RejectedMessage.Resolution r = !reversed ? RejectedMessage.Resolution.REVERSAL_REFUSED
                : loadId != null ? RejectedMessage.Resolution.REFUND_PENDING : RejectedMessage.Resolution.REVERSED;
        changes.put("resolution", r.name());
        changes.put("refund_load_id", loadId);
        changes.put("resolved_at", LocalTimes.stamp(tx.now()));
        if (!reversed) {
            changes.put("reversal_msgid", null); // a supervisor may try again, or resend, or note it handled
        }
        ObjectNode payload = mapper.createObjectNode().put("resolution", r.name()).put("reversal_msgid", reversal.msgid());
        if (loadId != null) {
            payload.put("load_id", loadId);
        }
        tx.update("outbox", "msgid", original.msgid(), changes, "REJECTED_" + r.name(), original.saleId(), payload);
    }

    private OutboxMessage queueReversalOfRejected(SqliteStore.Tx tx, OutboxMessage m, String by, String note, String kind)
            throws SQLException {
        OutboxMessage reversal = enqueue(tx, wire.reversal(m), m.cardKey(), null, null);
        Map<String, Object> changes = new HashMap<>();
        changes.put("reversal_msgid", reversal.msgid());
        changes.put("resolution", RejectedMessage.Resolution.REVERSAL_QUEUED.name());
        changes.put("resolved_by", by);
        changes.put("resolved_at", LocalTimes.stamp(tx.now()));
        changes.put("resolution_note", note);
        ObjectNode payload = mapper.createObjectNode().put("reversal_msgid", reversal.msgid()).put("by", by);
        if (note != null) {
            payload.put("note", note);
        }
        tx.update("outbox", "msgid", m.msgid(), changes, kind, m.saleId(), payload);
        return reversal;
    }

    /** Every message the center rejected (not those the terminal's own reversal ended), oldest first. */
    List<RejectedMessage> rejectedMessages(Connection c) throws SQLException {
        List<RejectedMessage> out = new ArrayList<>();
        for (Map<String, Object> r : SqliteStore.query(c, "SELECT * FROM outbox WHERE state = 'REJECTED'"
                + " AND " + Rows.CENTER_CODE + " IS NOT NULL ORDER BY id")) {
            out.add(rejected(r));
        }
        return out;
    }

    Optional<RejectedMessage> rejectedMessage(Connection c, String msgid) throws SQLException {
        return SqliteStore.query(c, "SELECT * FROM outbox WHERE msgid = ? AND state = 'REJECTED' AND " + Rows.CENTER_CODE
                + " IS NOT NULL",
                msgid).stream().findFirst().map(this::rejected);
    }

    private RejectedMessage rejected(Map<String, Object> r) {
        OutboxMessage m = Rows.outbox(r);
        return new RejectedMessage(m, RejectedMessage.Resolution.of(Rows.str(r, "resolution")),
                Rows.str(r, "resolution_note"), Rows.str(r, "resolved_by"), Rows.str(r, "resolved_at"),
                Rows.str(r, "refund_load_id"), Rows.str(r, "resent_as"), cardDebitFen(m));
    }

    private RejectedMessage requireRejected(SqliteStore.Tx tx, String msgid) throws SQLException {
        return rejectedMessage(tx.conn(), msgid).orElseThrow(() -> new QueueStoreException(
                QueueStoreException.Reason.REFUSED, "no message the center rejected has msgid " + msgid));
    }

    private static void requireNeedsSupervisor(RejectedMessage r, String action) {
        if (!r.resolution().needsSupervisor()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "message " + r.msgid() + " is "
                    + r.resolution() + ": it cannot be " + action);
        }
    }

    /** A supervisor asks the center to reverse a rejected settlement (2601). */
    OutboxMessage reverseRejected(SqliteStore.Tx tx, String msgid, String by, String note) throws SQLException {
        RejectedMessage r = requireRejected(tx, msgid);
        requireNeedsSupervisor(r, "reversed");
        if (!wire.roleOf(r.message().transaction()).reversible()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "message " + msgid + " ("
                    + r.message().transaction() + ") is not a settlement: it cannot be reversed");
        }
        return queueReversalOfRejected(tx, r.message(), by, note, "REJECTED_REVERSAL_REQUESTED");
    }

    /**
     * A supervisor resends a rejected message as a new business act (a new msgid: the old one would get the same
     * rejection back). Not for an offline upload or an entry's settlement (their rows are final), nor once the card
     * debit is being returned.
     */
    OutboxMessage resendRejected(SqliteStore.Tx tx, String msgid, String by, String note) throws SQLException {
        RejectedMessage r = requireRejected(tx, msgid);
        requireNeedsSupervisor(r, "resent");
        WireFormat.Role role = wire.roleOf(r.message().transaction());
        if (role == WireFormat.Role.OFFLINE_UPLOAD || role == WireFormat.Role.ENTRY_SETTLEMENT
                || role == WireFormat.Role.REVERSAL) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "message " + msgid + " ("
                    + r.message().transaction() + ") cannot be resent: reverse it or mark it handled");
        }
        OutboxMessage m = r.message();
        OutboxMessage resent = enqueue(tx, m.message(), m.cardKey(), m.saleId(), m.entryNo());
        Map<String, Object> changes = new HashMap<>();
        changes.put("resolution", RejectedMessage.Resolution.RESENT.name());
        changes.put("resent_as", resent.msgid());
        changes.put("resolved_by", by);
        changes.put("resolved_at", LocalTimes.stamp(tx.now()));
        changes.put("resolution_note", note);
        ObjectNode payload = mapper.createObjectNode().put("resent_as", resent.msgid()).put("by", by);
        if (note != null) {
            payload.put("note", note);
        }
        tx.update("outbox", "msgid", msgid, changes, "REJECTED_RESENT", m.saleId(), payload);
        return resent;
    }

    /** A supervisor records that a rejected message was dealt with outside the terminal; the note says how. */
    RejectedMessage markHandled(SqliteStore.Tx tx, String msgid, String by, String note) throws SQLException {
        if (note == null || note.isBlank()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "a note is required to mark " + msgid + " handled");
        }
        RejectedMessage r = requireRejected(tx, msgid);
        if (r.resolution() == RejectedMessage.Resolution.HANDLED) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "message " + msgid + " is already HANDLED");
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("resolution", RejectedMessage.Resolution.HANDLED.name());
        changes.put("resolved_by", by);
        changes.put("resolved_at", LocalTimes.stamp(tx.now()));
        changes.put("resolution_note", note.strip());
        tx.update("outbox", "msgid", msgid, changes, "REJECTED_HANDLED", r.message().saleId(),
                mapper.createObjectNode().put("by", by).put("note", note.strip()).put("was", r.resolution().name()));
        return requireRejected(tx, msgid);
    }

    /** The card was credited with this refund load: the rejected or reversed message it returns is settled. */
    Optional<String> refundCredited(SqliteStore.Tx tx, String loadId) throws SQLException {
        List<Map<String, Object>> rows = SqliteStore.query(tx.conn(), "SELECT msgid, sale_id FROM outbox WHERE refund_load_id = ?"
                + " AND (resolution IS NULL OR resolution = 'REFUND_PENDING')", loadId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String msgid = (String) rows.get(0).get("msgid");
        Map<String, Object> changes = new HashMap<>();
        changes.put("resolution", RejectedMessage.Resolution.REFUND_CREDITED.name());
        changes.put("resolved_at", LocalTimes.stamp(tx.now()));
        tx.update("outbox", "msgid", msgid, changes, "REFUND_CREDITED", (String) rows.get(0).get("sale_id"),
                mapper.createObjectNode().put("load_id", loadId));
        return Optional.of(msgid);
    }

    private OutboxMessage setState(SqliteStore.Tx tx, String msgid, OutboxState state, Long centerCode, String result,
                                   String reason, String kind) throws SQLException {
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", state.name());
        changes.put("updated_at", LocalTimes.stamp(tx.now()));
        changes.put(Rows.CENTER_CODE, centerCode);
        changes.put("result", result);
        changes.put("reason", reason);
        String saleId = (String) SqliteStore.query(tx.conn(), "SELECT sale_id FROM outbox WHERE msgid = ?", msgid)
                .get(0).get("sale_id");
        ObjectNode payload = mapper.createObjectNode().put("msgid", msgid).put("state", state.name());
        if (centerCode != null) {
            payload.put(Rows.CENTER_CODE, centerCode);
        }
        if (reason != null) {
            payload.put("reason", reason);
        }
        if (result != null) {
            payload.set("output", Json.parse(mapper, result, "center output"));
        }
        return Rows.outbox(tx.update("outbox", "msgid", msgid, changes, kind, saleId, payload));
    }

    static Optional<OutboxMessage> find(Connection c, String msgid) throws SQLException {
        return SqliteStore.query(c, "SELECT * FROM outbox WHERE msgid = ?", msgid).stream().findFirst()
                .map(Rows::outbox);
    }
}
