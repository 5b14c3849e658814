package org.medcard.simulator.center.tx;

import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;

/**
 * Day reconciliation: totals (3201) and detail (3202) of the institution's settlements that are
 * SETTLED, by settlement date (the center's date when the settlement was made). With {@code term_no} only
 * the settlements whose msgid carries that terminal number (msgid positions 27–28) count: one counter's day.
 */
final class ReconcileTx {
    private static final Pattern TERM_NO = Pattern.compile("[0-9]{2}");
    /** The terminal number's place in a msgid (1-based, as SQLite's substr counts): after code (12) and time (14). */
    private static final String SCOPE = " AND (? IS NULL OR substr(msgid, 27, 2) = ?)";

    private ReconcileTx() {
    }

    private static Optional<String> termNo(Fields in) {
        return in.has("term_no") ? Optional.of(in.text("term_no", TERM_NO, "the terminal's two-digit number")) : Optional.empty();
    }

    /** 3201. */
    static ObjectNode totals(TxContext ctx) {
        Fields in = ctx.input();
        String date = in.date("date").toString();
        long count = in.integer("count", 0, Integer.MAX_VALUE);
        long fund = in.amount("fund_sum");
        long acct = in.amount("acct_sum");
        long cash = in.amount("cash_sum");
        String term = termNo(in).orElse(null);
        record Totals(long count, long fund, long acct, long cash) {
        }
        Totals t = ctx.db().one("SELECT COUNT(*), COALESCE(SUM(fund_pay),0), COALESCE(SUM(acct_pay),0), COALESCE(SUM(cash_pay),0)"
                        + " FROM settlement WHERE setl_date = ? AND fixmedins_code = ? AND status = 'SETTLED'" + SCOPE,
                rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), date, ctx.request().fixmedinsCode(),
                term, term).orElseThrow();
        boolean match = t.count() == count && t.fund() == fund && t.acct() == acct && t.cash() == cash;
        boolean injected = ctx.faults().consume(FaultKind.RECONCILIATION_MISMATCH);
        ObjectNode out = ctx.object();
        out.put("result", match && !injected ? "MATCH" : "MISMATCH");
        out.put("date", date);
        if (term != null) {
            out.put("term_no", term);
        }
        out.put("count", t.count());
        out.put("fund_sum", t.fund());
        out.put("acct_sum", t.acct());
        out.put("cash_sum", t.cash());
        if (injected) {
            out.put("injected", true);
        }
        if (!match || injected) {
            throw new TxRefusal(InfCode.RECONCILIATION_MISMATCH, "day " + date + (term == null ? "" : " of terminal " + term)
                    + " does not reconcile: center has " + t.count()
                    + " settlements, fund " + t.fund() + ", account " + t.acct() + ", cash " + t.cash(), out);
        }
        return out;
    }

    /** 3202. */
    static ObjectNode detail(TxContext ctx) {
        String date = ctx.input().date("date").toString();
        String term = termNo(ctx.input()).orElse(null);
        ObjectNode out = ctx.object();
        out.put("date", date);
        if (term != null) {
            out.put("term_no", term);
        }
        ArrayNode records = out.putArray("records");
        ctx.db().list("SELECT setl_id, msgid, infno, origin, card_no, total, fund_pay, acct_pay, cash_pay, status FROM settlement"
                + " WHERE setl_date = ? AND fixmedins_code = ?" + SCOPE + " ORDER BY setl_id", rs -> {
                    ObjectNode r = records.addObject();
                    r.put("setl_id", rs.getString(1));
                    r.put("msgid", rs.getString(2));
                    r.put("term_no", rs.getString(2).length() >= 28 ? rs.getString(2).substring(26, 28) : "");
                    r.put("infno", rs.getString(3));
                    r.put("origin", rs.getString(4));
                    r.put("card_no", rs.getString(5));
                    r.put("total", rs.getLong(6));
                    r.put("fund_pay", rs.getLong(7));
                    r.put("acct_pay", rs.getLong(8));
                    r.put("cash_pay", rs.getLong(9));
                    r.put("status", rs.getString(10));
                    return r;
                }, date, ctx.request().fixmedinsCode(), term, term);
        return out;
    }
}
