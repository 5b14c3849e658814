package org.medcard.simulator.center.tx;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;

/**
 * 2601: undoes a settlement (2102, 2207, 8401) or registration (2201) whose answer the terminal never
 * received. The account share goes back as a pending load (R2). The original msgid is remembered as
 * reversed: if it arrives later it is refused (2005), never applied.
 */
final class ReversalTx {
    private static final Set<String> REVERSIBLE = Set.of("2102", "2207", "8401", "2201");

    private ReversalTx() {
    }

    static ObjectNode reverse(TxContext ctx) {
        Fields in = ctx.input();
        String omsgid = in.text("omsgid");
        String oinfno = in.text("oinfno");
        if (!REVERSIBLE.contains(oinfno)) {
            throw in.invalid("oinfno", oinfno + " cannot be reversed; reversible: " + REVERSIBLE);
        }
        ObjectNode out = ctx.object();
        out.put("omsgid", omsgid);
        record Original(String infno, int infcode, String answer) {
        }
        Optional<Original> original = ctx.db().one("SELECT infno, infcode, answer FROM answered WHERE msgid = ?",
                rs -> new Original(rs.getString(1), rs.getInt(2), rs.getString(3)), omsgid);
        if (original.isPresent() && !original.get().infno().equals(oinfno)) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "omsgid " + omsgid + " was a " + original.get().infno() + ", not " + oinfno);
        }
        ctx.db().update("INSERT INTO reversal(omsgid, oinfno, msgid, reversed_at) VALUES (?,?,?,?) ON CONFLICT(omsgid) DO NOTHING",
                omsgid, oinfno, ctx.request().msgid(), ctx.nowText());
        if (original.isEmpty() || original.get().infcode() != InfCode.OK) {
            out.put("reversed", false);
            out.put("reason", original.isEmpty() ? "NOT_RECEIVED" : "NOT_APPLIED");
            return out;
        }
        JsonNode answer = ctx.json().parse(original.get().answer()).path("output");
        if ("2201".equals(oinfno)) {
            int n = ctx.db().update("UPDATE registration SET status = 'CANCELLED' WHERE mdtrt_id = ? AND status = 'REGISTERED'",
                    answer.path("mdtrt_id").asText());
            out.put("reversed", n == 1);
            return out;
        }
        String setlId = answer.path("setl_id").asText();
        record Setl(String status, String cardNo, long acct) {
        }
        Setl s = ctx.db().one("SELECT status, card_no, acct_pay FROM settlement WHERE setl_id = ?",
                rs -> new Setl(rs.getString(1), rs.getString(2), rs.getLong(3)), setlId).orElseThrow();
        if (!"SETTLED".equals(s.status())) {
            out.put("reversed", false);
            out.put("reason", s.status());
            return out;
        }
        String loadId = s.acct() > 0 ? Ledger.refundLoad(ctx, s.cardNo(), s.acct()) : null;
        ctx.db().update("UPDATE settlement SET status = 'REVERSED', refund_load_id = ? WHERE setl_id = ?", loadId, setlId);
        ctx.db().update("UPDATE presettle SET setl_id = NULL WHERE setl_id = ?", setlId);
        ctx.db().update("UPDATE resettle_entry SET status = 'OPEN', setl_id = NULL WHERE setl_id = ?", setlId);
        out.put("reversed", true);
        out.put("setl_id", setlId);
        out.put("refund_acct", s.acct());
        out.put("load_id", loadId);
        return out;
    }

    /** Whether this msgid was reversed before it was ever answered. */
    static boolean wasReversed(TxContext ctx, String msgid) {
        return ctx.db().number("SELECT COUNT(*) FROM reversal WHERE omsgid = ?", 0, msgid) > 0;
    }
}
