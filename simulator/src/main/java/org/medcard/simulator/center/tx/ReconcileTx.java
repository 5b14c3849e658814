package org.medcard.simulator.center.tx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.fault.FaultKind;
import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;

/**
 * Day reconciliation: totals (3201) and detail (3202) of the institution's settlements that are
 * SETTLED, by settlement date (the center's date when the settlement was made).
 */
final class ReconcileTx {
    private ReconcileTx() {
    }

    /** 3201. */
    static ObjectNode totals(TxContext ctx) {
        Fields in = ctx.input();
        String date = in.date("date").toString();
        long count = in.integer("count", 0, Integer.MAX_VALUE);
        long fund = in.amount("fund_sum");
        long acct = in.amount("acct_sum");
        long cash = in.amount("cash_sum");
        record Totals(long count, long fund, long acct, long cash) {
        }
        Totals t = ctx.db().one("SELECT COUNT(*), COALESCE(SUM(fund_pay),0), COALESCE(SUM(acct_pay),0), COALESCE(SUM(cash_pay),0)"
                        + " FROM settlement WHERE setl_date = ? AND fixmedins_code = ? AND status = 'SETTLED'",
                rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), date, ctx.request().fixmedinsCode()).orElseThrow();
        boolean match = t.count() == count && t.fund() == fund && t.acct() == acct && t.cash() == cash;
        boolean injected = ctx.faults().consume(FaultKind.RECONCILIATION_MISMATCH);
        ObjectNode out = ctx.object();
        out.put("result", match && !injected ? "MATCH" : "MISMATCH");
        out.put("date", date);
        out.put("count", t.count());
        out.put("fund_sum", t.fund());
        out.put("acct_sum", t.acct());
        out.put("cash_sum", t.cash());
        if (injected) {
            out.put("injected", true);
        }
        if (!match || injected) {
            throw new TxRefusal(InfCode.RECONCILIATION_MISMATCH, "day " + date + " does not reconcile: center has " + t.count()
                    + " settlements, fund " + t.fund() + ", account " + t.acct() + ", cash " + t.cash(), out);
        }
        return out;
    }

    /** 3202. */
    static ObjectNode detail(TxContext ctx) {
        String date = ctx.input().date("date").toString();
        ObjectNode out = ctx.object();
        out.put("date", date);
        ArrayNode records = out.putArray("records");
        ctx.db().list("SELECT setl_id, msgid, infno, origin, card_no, total, fund_pay, acct_pay, cash_pay, status FROM settlement"
                + " WHERE setl_date = ? AND fixmedins_code = ? ORDER BY setl_id", rs -> {
                    ObjectNode r = records.addObject();
                    r.put("setl_id", rs.getString(1));
                    r.put("msgid", rs.getString(2));
                    r.put("infno", rs.getString(3));
                    r.put("origin", rs.getString(4));
                    r.put("card_no", rs.getString(5));
                    r.put("total", rs.getLong(6));
                    r.put("fund_pay", rs.getLong(7));
                    r.put("acct_pay", rs.getLong(8));
                    r.put("cash_pay", rs.getLong(9));
                    r.put("status", rs.getString(10));
                    return r;
                }, date, ctx.request().fixmedinsCode());
        return out;
    }
}
