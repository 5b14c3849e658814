package org.medcard.queue;

import java.time.Instant;
import java.util.Map;

/**
 * Turns stored rows into the public records, and names the stored columns and journal keys whose names come from
 * the host protocol.
 */
final class Rows {
    // The one place where the queue's own words meet the names its files were written with. The outbox's columns
    // were named after the host envelope (infno, infcode) before the queue stopped knowing that
    // envelope, and the journal records carry the same names as payload keys. They stay: every row's MAC
    // ({@link RowMac}) covers its column names and the journal's HMAC chain covers its payload text, so renaming
    // them would make every existing queue file fail its tamper check (docs/decisions.md, frame13). The Java API
    // says "transaction" and "center code" instead.

    /** Column and journal key: a message's transaction code ({@link EncodedMessage#transaction()}). */
    static final String TRANSACTION = "infno";
    /** Column and journal key: the center's code in its answer ({@link OutboxMessage#centerCode()}). */
    static final String CENTER_CODE = "infcode";
    /** Journal key of a sale's intent: its settle transaction ({@link SaleIntent#settleTransaction()}). */
    static final String SETTLE_TRANSACTION = "settle_infno";

    private Rows() {
    }

    static String str(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? null : v.toString();
    }

    static Long lng(Map<String, Object> row, String col) {
        Object v = row.get(col);
        return v == null ? null : ((Number) v).longValue();
    }

    static OutboxMessage outbox(Map<String, Object> r) {
        return new OutboxMessage(lng(r, "id"), str(r, "msgid"), str(r, TRANSACTION), str(r, "card_key"),
                str(r, "sale_id"), str(r, "entry_no"), str(r, "input"), OutboxState.valueOf(str(r, "state")),
                lng(r, "attempts"), Instant.parse(str(r, "created_at")), Instant.parse(str(r, "updated_at")),
                lng(r, CENTER_CODE), str(r, "result"), str(r, "reason"), str(r, "reversal_msgid"));
    }

    static ResettlementEntry resettlement(Map<String, Object> r) {
        return new ResettlementEntry(str(r, "entry_no"), ResettlementState.valueOf(str(r, "state")),
                Fault.valueOf(str(r, "fault")), str(r, "original_time"), str(r, "psn_cert_no"), str(r, "cashier"),
                str(r, "items"), lng(r, "total"), lng(r, "cash_paid"), lng(r, "registered") == 1L,
                str(r, "setl_id"), lng(r, "fund_pay"), lng(r, "acct_pay"), lng(r, "refund"), str(r, "reason"),
                Instant.parse(str(r, "created_at")),
                // v6 columns: null in rows written before (a pharmacy entry paid wholly in cash)
                r.get("kind") == null ? EntryKind.PHARMACY : EntryKind.valueOf(str(r, "kind")),
                r.get("acct_paid") == null ? 0 : lng(r, "acct_paid"), str(r, "offline_msgid"));
    }

    static JournalEntry journal(Map<String, Object> r) {
        return new JournalEntry(lng(r, "seq"), Instant.parse(str(r, "at")), str(r, "kind"), str(r, "entity"),
                str(r, "entity_id"), str(r, "sale_id"), str(r, "payload"));
    }
}
