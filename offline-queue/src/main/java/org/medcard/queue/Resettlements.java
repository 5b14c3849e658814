package org.medcard.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-settlement entries (R11 cases 2-4): created OPEN with an 8400 registration queued in the same
 * transaction, ending SETTLED (8401 answered), REJECTED (the center's reason) or EXPIRED (past
 * {@code resettle.max_days}). Never deleted.
 */
final class Resettlements {
    private final TerminalIdentity terminal;
    private final ObjectMapper mapper;
    private final Outbox outbox;
    private final int maxDays;
    private final WireFormat wire;
    private final UnfinishedSales unfinished;

    Resettlements(TerminalIdentity terminal, ObjectMapper mapper, Outbox outbox, int maxDays, WireFormat wire,
                  UnfinishedSales unfinished) {
        this.terminal = terminal;
        this.mapper = mapper;
        this.outbox = outbox;
        this.maxDays = maxDays;
        this.wire = wire;
        this.unfinished = unfinished;
    }

    ResettlementEntry create(SqliteStore.Tx tx, ResettlementRequest req) throws SQLException {
        String entryNo = terminal.terminalId().toUpperCase() + "-" + LocalTimes.pad(tx.nextEntrySeq(), 6);
        String originalTime = LocalTimes.DATE_TIME.format(LocalTimes.local(tx.clock(), tx.now()));
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("entry_no", entryNo);
        cols.put("state", ResettlementState.OPEN.name());
        cols.put("fault", req.fault().name());
        cols.put("original_time", originalTime);
        cols.put("psn_cert_no", req.psnCertNo().toUpperCase());
        cols.put("cashier", req.cashier());
        cols.put("items", req.itemsJson());
        cols.put("total", req.totalFen());
        cols.put("cash_paid", req.cashPaidFen());
        cols.put("registered", 0L);
        cols.put("created_at", LocalTimes.stamp(tx.now()));
        if (req.kind() != EntryKind.PHARMACY) {
            cols.put("kind", req.kind().name()); // null reads PHARMACY, as in every row written before v6
        }
        if (req.offlineSaleId() != null) {
            // A split sale: the card's offline debit gets its own upload now, ahead of the 8400 in the outbox, so the
            // entry can name the msgid the center receives it under (host protocol: offline_msgid).
            cols.put("acct_paid", req.totalFen() - req.cashPaidFen());
            cols.put("offline_msgid", outbox.uploadOf(tx, req.offlineSaleId()));
        }
        tx.insert("resettlement", "entry_no", cols, "RESETTLEMENT_OPENED", mapper.createObjectNode()
                .put("entry_no", entryNo).put("fault", req.fault().name()).put("cash_paid", req.cashPaidFen())
                .put("kind", req.kind().name()));
        ResettlementEntry entry = Rows.resettlement(cols);
        outbox.enqueue(tx, wire.entryRegistration(entry), null, null, entryNo);
        return entry;
    }

    /** Queues the entry's settlement once the patient is back with the card (R11 case 3). */
    OutboxMessage queueResettle(SqliteStore.Tx tx, String entryNo, String cardNo, String purseJson)
            throws SQLException {
        EncodedMessage settle = wire.entrySettlement(openForSettling(tx, entryNo, wire, unfinished), cardNo);
        if (purseJson != null) {
            Json.require(mapper, purseJson, false, "purse record");
            settle = wire.withPurse(settle, purseJson);
        }
        return outbox.enqueue(tx, settle, cardNo, null, entryNo);
    }

    /** The settlement of an OPEN entry without its purse record (the journal adds it with the TAC). */
    EncodedMessage settlement(SqliteStore.Tx tx, String entryNo, String cardNo) throws SQLException {
        return wire.entrySettlement(openForSettling(tx, entryNo, wire, unfinished), cardNo);
    }

    /**
     * The entry, if it may be re-settled now: OPEN, no settlement for it in the outbox that is not REJECTED (one
     * under way is resent with its own msgid, never doubled), and no card debit for it begun and unresolved
     * (tearing recovery finishes that one). A second settlement with a new msgid would be a second attempt.
     */
    static ResettlementEntry openForSettling(SqliteStore.Tx tx, String entryNo, WireFormat wire,
                                             UnfinishedSales unfinished) throws SQLException {
        ResettlementEntry e = find(tx, entryNo);
        if (e.state() != ResettlementState.OPEN) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED,
                    "entry " + entryNo + " is " + e.state() + ", not OPEN");
        }
        List<Map<String, Object>> underWay = SqliteStore.query(tx.conn(), "SELECT msgid, state, " + Rows.TRANSACTION + " FROM outbox"
                + " WHERE entry_no = ? AND state <> 'REJECTED' ORDER BY id", entryNo).stream()
                .filter(m -> wire.roleOf(Rows.str(m, Rows.TRANSACTION)) == WireFormat.Role.ENTRY_SETTLEMENT).toList();
        if (!underWay.isEmpty()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "entry " + entryNo
                    + " already has its settlement " + underWay.get(0).get(Rows.TRANSACTION) + " " + underWay.get(0).get("msgid") + " (" + underWay.get(0).get("state") + ")");
        }
        List<Map<String, Object>> torn = unfinished.peek(tx.conn(), "json_extract(i.payload, '$.mode') = 'RESETTLE'"
                + " AND json_extract(i.payload, '$.settle_input.entry_no') = ?", entryNo);
        if (!torn.isEmpty()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "entry " + entryNo
                    + " has an unfinished card debit (sale " + torn.get(0).get("sale_id")
                    + "): present the card so it is resolved first");
        }
        return e;
    }

    void registered(SqliteStore.Tx tx, String entryNo) throws SQLException {
        tx.update("resettlement", "entry_no", entryNo, Map.of("registered", 1L), "RESETTLEMENT_REGISTERED", null,
                mapper.createObjectNode().put("entry_no", entryNo));
    }

    void settled(SqliteStore.Tx tx, String entryNo, WireFormat.EntrySettlement out) throws SQLException {
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", ResettlementState.SETTLED.name());
        changes.put("setl_id", out.setlId());
        changes.put("fund_pay", out.fundFen());
        changes.put("acct_pay", out.acctFen());
        changes.put("refund", out.refundFen());
        tx.update("resettlement", "entry_no", entryNo, changes, "RESETTLEMENT_SETTLED", null,
                mapper.createObjectNode().put("entry_no", entryNo).put("refund", (Long) changes.get("refund")));
    }

    /**
     * The center says another counter of the institution re-settled this OPEN entry (8402): it is SETTLED here too,
     * with that settlement's id and the reason; the refund was handed back there. False when not OPEN here.
     */
    boolean settledElsewhere(SqliteStore.Tx tx, String entryNo, String setlId, String reason) throws SQLException {
        if (find(tx, entryNo).state() != ResettlementState.OPEN) {
            return false;
        }
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", ResettlementState.SETTLED.name());
        changes.put("setl_id", setlId);
        changes.put("reason", reason);
        tx.update("resettlement", "entry_no", entryNo, changes, "RESETTLEMENT_SETTLED_ELSEWHERE", null,
                mapper.createObjectNode().put("entry_no", entryNo).put("setl_id", setlId));
        return true;
    }

    void rejected(SqliteStore.Tx tx, String entryNo, String reason) throws SQLException {
        if (find(tx, entryNo).state() != ResettlementState.OPEN) {
            return;
        }
        tx.update("resettlement", "entry_no", entryNo, Map.of("state", "REJECTED", "reason", reason),
                "RESETTLEMENT_REJECTED", null, mapper.createObjectNode().put("entry_no", entryNo).put("reason", reason));
    }

    /**
     * OPEN entries past their last day become EXPIRED (kept, with the reason). The last day is the fault's local
     * date plus {@code resettle.max_days}, as the cash receipt prints it ("re-settle by"): the entry stays open
     * through the whole of that day and expires at the next local midnight, whatever the hour of the sale.
     */
    int expire(SqliteStore.Tx tx) throws SQLException {
        LocalDate today = LocalTimes.local(tx.clock(), tx.now()).toLocalDate();
        List<Map<String, Object>> old = SqliteStore.query(tx.conn(),
                "SELECT entry_no, created_at FROM resettlement WHERE state = 'OPEN' ORDER BY entry_no");
        int n = 0;
        for (Map<String, Object> row : old) {
            LocalDate lastDay = LocalTimes.local(tx.clock(), Instant.parse((String) row.get("created_at"))).toLocalDate()
                    .plusDays(maxDays);
            if (today.isAfter(lastDay)) {
                String entryNo = (String) row.get("entry_no");
                String reason = "not re-settled within " + maxDays + " days (resettle.max_days)";
                tx.update("resettlement", "entry_no", entryNo, Map.of("state", "EXPIRED", "reason", reason),
                        "RESETTLEMENT_EXPIRED", null, mapper.createObjectNode().put("entry_no", entryNo));
                n++;
            }
        }
        return n;
    }

    static ResettlementEntry find(SqliteStore.Tx tx, String entryNo) throws SQLException {
        return SqliteStore.query(tx.conn(), "SELECT * FROM resettlement WHERE entry_no = ?", entryNo).stream()
                .findFirst().map(Rows::resettlement).orElseThrow(() -> new QueueStoreException(
                        QueueStoreException.Reason.REFUSED, "no re-settlement entry " + entryNo));
    }
}
