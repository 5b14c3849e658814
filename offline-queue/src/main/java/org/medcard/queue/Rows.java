package org.medcard.queue;

import java.time.Instant;
import java.util.Map;

/** Turns stored rows into the public records. */
final class Rows {
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
        return new OutboxMessage(lng(r, "id"), str(r, "msgid"), str(r, "infno"), str(r, "card_key"),
                str(r, "sale_id"), str(r, "entry_no"), str(r, "input"), OutboxState.valueOf(str(r, "state")),
                lng(r, "attempts"), Instant.parse(str(r, "created_at")), Instant.parse(str(r, "updated_at")),
                lng(r, "infcode"), str(r, "result"), str(r, "reason"), str(r, "reversal_msgid"));
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
