package org.medcard.simulator.center.tx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;
import org.medcard.simulator.center.rules.CatalogItem;
import org.medcard.simulator.center.rules.Category;
import org.medcard.simulator.center.rules.Eligibility;
import org.medcard.simulator.center.rules.LineSplit;
import org.medcard.simulator.center.rules.SaleKind;
import org.medcard.simulator.center.rules.Split;
import org.medcard.simulator.center.rules.SplitCalculator;
import org.medcard.simulator.center.store.Db;

/**
 * The bookkeeping shared by the settling transactions (2102, 2207, 8301, 8401): catalog lines, splits,
 * settlements, purse records and the shadow balance. Every method runs in the caller's transaction.
 */
final class Ledger {
    static final int MAX_ITEMS = 200;
    static final long MAX_QTY = 10_000;

    private Ledger() {
    }

    static Optional<CatalogItem> item(Db db, String code) {
        return db.one("SELECT code, name, spec, unit, price, category, self_pay_ratio_bp, chronic, version FROM catalog WHERE code = ?",
                rs -> new CatalogItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Category.valueOf(rs.getString(6)), rs.getInt(7), rs.getInt(8) != 0, rs.getInt(9)), code);
    }

    /** Reads {@code items}: every code in the catalog, every price the catalog's price. */
    static List<SplitCalculator.SaleLine> catalogLines(Db db, Fields input) {
        List<SplitCalculator.SaleLine> lines = new ArrayList<>();
        for (Fields f : input.objects("items", MAX_ITEMS)) {
            String code = f.text("code");
            long qty = f.integer("qty", 1, MAX_QTY);
            long price = f.amount("price");
            Optional<CatalogItem> fee = registrationFee(db, code);
            if (fee.isPresent()) {
                // A registration fee paid in cash during a fault comes back as an entry line (8401, and its 2101 quote).
                if (price != fee.get().price()) {
                    throw f.invalid("price", price + " differs from the department's fee " + fee.get().price());
                }
                lines.add(new SplitCalculator.SaleLine(fee.get(), qty));
                continue;
            }
            CatalogItem item = item(db, code).orElseThrow(() -> f.invalid("code", "\"" + code + "\" is not in the catalog"));
            if (price != item.price()) {
                throw f.invalid("price", price + " differs from the catalog price " + item.price() + " (catalog version "
                        + item.version() + "; download 1301)");
            }
            lines.add(new SplitCalculator.SaleLine(item, qty));
        }
        return lines;
    }

    /** {@code REG-<dept_code>}: the department's registration fee as a category-A service line, when the department exists. */
    static Optional<CatalogItem> registrationFee(Db db, String code) {
        if (!code.startsWith("REG-")) {
            return Optional.empty();
        }
        String dept = code.substring(4);
        return db.one("SELECT name, reg_fee FROM department WHERE dept_code = ?", rs -> new CatalogItem(code, "挂号费 " + rs.getString(1),
                "", "次", rs.getLong(2), Category.A, 0, false, 1), dept);
    }

    /** Items as recorded by a terminal (offline or cash entries): code, qty, price; the total of qty × price. */
    static long recordedTotal(Fields input, String name) {
        long total = 0;
        for (Fields f : input.objects(name, MAX_ITEMS)) {
            f.text("code");
            long qty = f.integer("qty", 1, MAX_QTY);
            long price = f.amount("price");
            total = Math.addExact(total, Math.multiplyExact(qty, price));
        }
        return total;
    }

    /** What the person still pays towards this calendar year's deductible before the fund shares in. */
    static long deductibleRemaining(TxContext ctx, Person payer, LocalDate serviceDate) {
        if (payer.insutype() == null) {
            return 0;
        }
        long annual = ctx.settings().annualDeductible().get(payer.insutype());
        long used = ctx.db().number("SELECT SUM(deductible) FROM settlement WHERE psn_no = ? AND status = 'SETTLED'"
                + " AND substr(service_date, 1, 4) = ?", 0, payer.psnNo(), String.valueOf(serviceDate.getYear()));
        return Math.max(0, annual - used);
    }

    static Split split(TxContext ctx, SaleKind kind, List<SplitCalculator.SaleLine> lines, Card card, boolean beneficiary,
                       LocalDate serviceDate) {
        Person holder = card.holder();
        Eligibility who = new Eligibility(holder.insutype(), card.status(ctx.today()), holder.statusSince(), holder.effectiveFrom(),
                card.region(), holder.crossRegionFiled(), beneficiary);
        return new SplitCalculator(ctx.settings().institutionRegion())
                .split(kind, lines, who, serviceDate, deductibleRemaining(ctx, holder, serviceDate));
    }

    static ArrayNode describeLines(TxContext ctx, Split split) {
        ArrayNode items = ctx.array();
        for (LineSplit l : split.lines()) {
            ObjectNode i = items.addObject();
            i.put("code", l.item().code());
            i.put("name", l.item().name());
            i.put("qty", l.qty());
            i.put("price", l.item().price());
            i.put("amount", l.amount());
            i.put("category", l.item().category().name());
            i.put("eligible", l.eligible());
            i.put("pooled", l.pooled());
        }
        return items;
    }

    /** The first settlement that used this card debit, if any (DUPLICATE). */
    static Optional<String> firstUse(Db db, PurseRecord r) {
        return db.one("SELECT setl_id FROM purse_record WHERE card_no = ? AND offline_counter = ?", rs -> rs.getString(1),
                r.cardNo(), r.offlineCounter());
    }

    /**
     * Checks an online debit record against the sale: same card, amount = acct_pay, TAC valid, counter not
     * used before; refuses with 2005 naming what failed.
     */
    static void checkPurse(TxContext ctx, Card card, PurseRecord r, long acctPay) {
        if (!r.cardNo().equals(card.cardNo())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "purse.card_no " + r.cardNo() + " is not the paying card " + card.cardNo());
        }
        if (r.amount() != acctPay) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "purse.amount " + r.amount() + " differs from acct_pay " + acctPay);
        }
        if (!r.tacValid(card, card.cardKey(ctx.db(), "mtk"))) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "TAC_INVALID: the purse record's TAC does not verify with the card's key");
        }
        Optional<String> first = firstUse(ctx.db(), r);
        if (first.isPresent()) {
            ObjectNode out = ctx.object();
            out.put("result", "DUPLICATE");
            out.put("setl_id", first.get());
            throw new TxRefusal(InfCode.RECORD_REJECTED, "DUPLICATE: this card debit (offline_counter " + r.offlineCounter()
                    + ") was already settled as " + first.get(), out);
        }
    }

    /** Settlement row, purse record and shadow debit, in one go. Returns the new setl_id. */
    static String settle(TxContext ctx, Settlement s, PurseRecord purse) {
        String setlId = ctx.newId("SETL");
        ctx.db().update("INSERT INTO settlement(setl_id, msgid, infno, fixmedins_code, origin, presettle_id, card_no, psn_no,"
                        + " beneficiary_psn_no, service_date, setl_date, total, fund_pay, deductible, acct_pay, cash_pay, status)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'SETTLED')",
                setlId, ctx.request().msgid(), ctx.request().infno(), ctx.request().fixmedinsCode(), s.origin(), s.presettleId(),
                s.card().cardNo(), s.card().psnNo(), s.beneficiaryPsnNo(), s.serviceDate().toString(), ctx.today().toString(),
                s.total(), s.fundPay(), s.deductible(), s.acctPay(), s.cashPay());
        if (purse != null) {
            ctx.db().update("INSERT INTO purse_record(card_no, offline_counter, amount, tx_type, terminal_id, terminal_seq, tx_time, tac, setl_id)"
                            + " VALUES (?,?,?,?,?,?,?,?,?)", purse.cardNo(), purse.offlineCounter(), purse.amount(), purse.txType(),
                    purse.terminalId(), purse.terminalSeq(), purse.txTimeText(), purse.tac(), setlId);
        }
        if (s.acctPay() > 0) {
            ctx.db().update("UPDATE card SET balance = balance - ? WHERE card_no = ?", s.acctPay(), s.card().cardNo());
        }
        return setlId;
    }

    static long balance(Db db, String cardNo) {
        return db.number("SELECT balance FROM card WHERE card_no = ?", 0, cardNo);
    }

    /** A refund to the personal account: a pending load the card picks up through 8501 (R2: never cash). */
    static String refundLoad(TxContext ctx, String cardNo, long amount) {
        String loadId = ctx.newId("RFD");
        ctx.db().update("INSERT INTO pending_load(load_id, card_no, amount, month, origin, status) VALUES (?,?,?,?,'REFUND','PENDING')",
                loadId, cardNo, amount, ctx.today().toString().substring(0, 7));
        return loadId;
    }

    /** One settlement to write. */
    record Settlement(String origin, String presettleId, Card card, String beneficiaryPsnNo, LocalDate serviceDate,
                      long total, long fundPay, long deductible, long acctPay, long cashPay) {
        Settlement {
            if (acctPay < 0 || cashPay < 0 || fundPay < 0 || fundPay + acctPay + cashPay != total) {
                throw new IllegalStateException("shares " + fundPay + "+" + acctPay + "+" + cashPay + " do not make " + total);
            }
        }
    }
}
