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
 * reversed: if it arrives later it is refused (2005), never applied. A settlement the center refused after the
 * card was debited has its debit returned the same way ({@link #returnRejectedDebit}).
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
        if (original.isPresent() && original.get().infcode() != InfCode.OK && !"2201".equals(oinfno)) {
            Optional<ObjectNode> returned = returnRejectedDebit(ctx, omsgid, out);
            if (returned.isPresent()) {
                return returned.get();
            }
        }
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

    /**
     * A settlement the center refused although the card had already been debited for it (its {@code purse} is in
     * the refused request): the card lost money the account never paid out. The reversal returns it as a pending
     * load (R2: never cash), once: the debit record is kept under the load's id, so a second 2601, or the same
     * debit in a later settlement, finds it used (DUPLICATE) and nothing is paid twice. The shadow balance is
     * lowered now, as the card's was; the load's 8502 raises both again. Empty when the request carried no debit
     * the center can verify (nothing to return: NOT_APPLIED as before).
     */
    private static Optional<ObjectNode> returnRejectedDebit(TxContext ctx, String omsgid, ObjectNode out) {
        Optional<String> content = ctx.db().one("SELECT content FROM answered WHERE msgid = ?", rs -> rs.getString(1), omsgid);
        JsonNode purseNode = content.map(c -> ctx.json().parse(c).path("input").path("purse")).orElse(null);
        if (purseNode == null || !purseNode.isObject()) {
            return Optional.empty();
        }
        PurseRecord purse;
        try {
            purse = PurseRecord.read(new Fields(purseNode, "purse"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<Card> card = Card.find(ctx.db(), purse.cardNo());
        if (card.isEmpty() || purse.amount() == 0 || !purse.tacValid(card.get(), card.get().cardKey(ctx.db(), "mtk"))) {
            return Optional.empty();
        }
        Optional<String> firstUse = Ledger.firstUse(ctx.db(), purse);
        String loadId;
        if (firstUse.isPresent()) {
            if (!firstUse.get().startsWith("RFD")) {
                out.put("reversed", false);
                out.put("reason", "DEBIT_SETTLED_AS " + firstUse.get());
                return Optional.of(out);
            }
            loadId = firstUse.get();
        } else {
            loadId = Ledger.refundLoad(ctx, purse.cardNo(), purse.amount());
            ctx.db().update("INSERT INTO purse_record(card_no, offline_counter, amount, tx_type, terminal_id, terminal_seq, tx_time, tac, setl_id)"
                            + " VALUES (?,?,?,?,?,?,?,?,?)", purse.cardNo(), purse.offlineCounter(), purse.amount(), purse.txType(),
                    purse.terminalId(), purse.terminalSeq(), purse.txTimeText(), purse.tac(), loadId);
            ctx.db().update("UPDATE card SET balance = balance - ? WHERE card_no = ?", purse.amount(), purse.cardNo());
        }
        out.put("reversed", true);
        out.put("reason", "REJECTED_DEBIT_RETURNED");
        out.put("refund_acct", purse.amount());
        out.put("load_id", loadId);
        return Optional.of(out);
    }

    /** Whether this msgid was reversed before it was ever answered. */
    static boolean wasReversed(TxContext ctx, String msgid) {
        return ctx.db().number("SELECT COUNT(*) FROM reversal WHERE omsgid = ?", 0, msgid) > 0;
    }
}
