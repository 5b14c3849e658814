package org.medcard.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
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

    Resettlements(TerminalIdentity terminal, ObjectMapper mapper, Outbox outbox, int maxDays) {
        this.terminal = terminal;
        this.mapper = mapper;
        this.outbox = outbox;
        this.maxDays = maxDays;
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
        tx.insert("resettlement", "entry_no", cols, "RESETTLEMENT_OPENED", mapper.createObjectNode()
                .put("entry_no", entryNo).put("fault", req.fault().name()).put("cash_paid", req.cashPaidFen()));
        ObjectNode input = mapper.createObjectNode().put("entry_no", entryNo).put("fault", req.fault().name())
                .put("original_time", originalTime).put("psn_cert_no", req.psnCertNo().toUpperCase());
        input.set("items", Json.parse(mapper, req.itemsJson(), "items"));
        input.put("cash_paid", req.cashPaidFen());
        outbox.enqueue(tx, "8400", null, null, entryNo, input.toString());
        return Rows.resettlement(cols);
    }

    /** Queues the 8401 re-settlement once the patient is back with the card (R11 case 3). */
    OutboxMessage queueResettle(SqliteStore.Tx tx, String entryNo, String cardNo, String purseJson)
            throws SQLException {
        ResettlementEntry e = openForSettling(tx, entryNo);
        ObjectNode input = input(e, cardNo);
        if (purseJson != null) {
            input.set("purse", Json.parse(mapper, purseJson, "purse record"));
        }
        return outbox.enqueue(tx, "8401", cardNo, null, entryNo, input.toString());
    }

    /** The 8401 input for an OPEN entry without its purse record (the journal adds it with the TAC). */
    ObjectNode input(SqliteStore.Tx tx, String entryNo, String cardNo) throws SQLException {
        return input(openForSettling(tx, entryNo), cardNo);
    }

    private ObjectNode input(ResettlementEntry e, String cardNo) {
        ObjectNode input = mapper.createObjectNode().put("entry_no", e.entryNo()).put("fault", e.fault().name())
                .put("original_time", e.originalTime()).put("psn_cert_no", e.psnCertNo()).put("card_no", cardNo);
        input.set("items", Json.parse(mapper, e.itemsJson(), "items"));
        input.put("cash_paid", e.cashPaidFen());
        return input;
    }

    /**
     * The entry, if it may be re-settled now: OPEN, no 8401 for it in the outbox that is not REJECTED (one under
     * way is resent with its own msgid, never doubled), and no card debit for it begun and unresolved (tearing
     * recovery finishes that one). A second 8401 with a new msgid would be a second settlement attempt.
     */
    static ResettlementEntry openForSettling(SqliteStore.Tx tx, String entryNo) throws SQLException {
        ResettlementEntry e = find(tx, entryNo);
        if (e.state() != ResettlementState.OPEN) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED,
                    "entry " + entryNo + " is " + e.state() + ", not OPEN");
        }
        List<Map<String, Object>> underWay = SqliteStore.query(tx.conn(), "SELECT msgid, state FROM outbox"
                + " WHERE infno = '8401' AND entry_no = ? AND state <> 'REJECTED'", entryNo);
        if (!underWay.isEmpty()) {
            throw new QueueStoreException(QueueStoreException.Reason.REFUSED, "entry " + entryNo
                    + " already has its 8401 " + underWay.get(0).get("msgid") + " (" + underWay.get(0).get("state") + ")");
        }
        List<Map<String, Object>> torn = SqliteStore.query(tx.conn(), "SELECT i.sale_id FROM journal i WHERE "
                + SaleJournal.UNFINISHED + " AND json_extract(i.payload, '$.mode') = 'RESETTLE'"
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

    void settled(SqliteStore.Tx tx, String entryNo, JsonNode out) throws SQLException {
        long fund = out.path("fund_pay").asLong();
        long acct = out.path("acct_pay").asLong();
        Map<String, Object> changes = new HashMap<>();
        changes.put("state", ResettlementState.SETTLED.name());
        changes.put("setl_id", out.path("setl_id").asText(null));
        changes.put("fund_pay", fund);
        changes.put("acct_pay", acct);
        changes.put("refund", out.path("refund_to_patient").asLong(fund + acct));
        tx.update("resettlement", "entry_no", entryNo, changes, "RESETTLEMENT_SETTLED", null,
                mapper.createObjectNode().put("entry_no", entryNo).put("refund", (Long) changes.get("refund")));
    }

    void rejected(SqliteStore.Tx tx, String entryNo, String reason) throws SQLException {
        if (find(tx, entryNo).state() != ResettlementState.OPEN) {
            return;
        }
        tx.update("resettlement", "entry_no", entryNo, Map.of("state", "REJECTED", "reason", reason),
                "RESETTLEMENT_REJECTED", null, mapper.createObjectNode().put("entry_no", entryNo).put("reason", reason));
    }

    /** OPEN entries older than {@code resettle.max_days} become EXPIRED (kept, with the reason). */
    int expire(SqliteStore.Tx tx) throws SQLException {
        Instant cutoff = tx.now().minus(Duration.ofDays(maxDays));
        List<Map<String, Object>> old = SqliteStore.query(tx.conn(),
                "SELECT entry_no, created_at FROM resettlement WHERE state = 'OPEN' ORDER BY entry_no");
        int n = 0;
        for (Map<String, Object> row : old) {
            if (Instant.parse((String) row.get("created_at")).isBefore(cutoff)) {
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
