package org.medcard.simulator.center.tx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;
import org.medcard.simulator.center.rules.CatalogItem;
import org.medcard.simulator.center.rules.Category;
import org.medcard.simulator.center.rules.Insutype;
import org.medcard.simulator.center.rules.SaleKind;
import org.medcard.simulator.center.rules.Split;
import org.medcard.simulator.center.rules.SplitCalculator;

/**
 * Online sales: pharmacy pre-settle / settle (2101, 2102), cancel (2103), outpatient registration,
 * its cancellation, pre-settle and settle (2201, 2202, 2206, 2207).
 *
 * <p>A pre-settlement fixes the split (fund share, deductible, lines) under a {@code presettle_id};
 * the settle call pays exactly that split. The registration fee is the first line of the visit's first
 * pre-settlement (2206); a visit then takes further batches of items the same day (a hospital's payment window),
 * the fee never charged twice.
 */
final class SaleTx {
    private SaleTx() {
    }

    /** 2101. */
    static ObjectNode pharmacyPresettle(TxContext ctx) {
        Fields in = ctx.input();
        String psnNo = in.text("psn_no");
        String cardNo = in.text("card_no");
        Optional<String> beneficiary = in.optText("beneficiary_psn_no");
        LocalDate serviceDate = serviceDate(ctx, in);
        List<SplitCalculator.SaleLine> lines = Ledger.catalogLines(ctx.db(), in);
        Card card = payingCard(ctx, psnNo, cardNo);
        beneficiary.ifPresent(b -> requireFamily(ctx, card, b));
        // "kind" OUTPATIENT: a re-settlement's quote of a hospital entry (priced as its 8401 will be); absent: a pharmacy sale.
        SaleKind kind = in.optText("kind").map(k -> ResettleTx.parseKind(in, k)).orElse(SaleKind.PHARMACY);
        return presettle(ctx, kind, card, beneficiary.orElse(null), null, serviceDate, lines);
    }

    /** 2206. */
    static ObjectNode outpatientPresettle(TxContext ctx) {
        Fields in = ctx.input();
        String mdtrtId = in.text("mdtrt_id");
        List<SplitCalculator.SaleLine> lines = new ArrayList<>();
        Visit visit = Visit.require(ctx, mdtrtId);
        requireOpen(ctx, visit);
        boolean feePaid = feePaidBy(ctx, mdtrtId).isPresent();
        if (!feePaid) {
            lines.add(new SplitCalculator.SaleLine(registrationFee(ctx, visit.deptCode(), visit.regFee()), 1));
        }
        // A visit with nothing but the registration fee (paid at the desk) sends no items or an empty list.
        if (in.has("items") && !in.node().path("items").isEmpty()) {
            lines.addAll(Ledger.catalogLines(ctx.db(), in));
        }
        if (lines.isEmpty()) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "nothing to settle: the registration fee of visit " + mdtrtId
                    + " is paid and no items were sent");
        }
        Card card = payingCard(ctx, visit.psnNo(), visit.cardNo());
        return presettle(ctx, SaleKind.OUTPATIENT, card, visit.beneficiaryPsnNo(), mdtrtId, visit.serviceDate(), lines);
    }

    private static ObjectNode presettle(TxContext ctx, SaleKind kind, Card card, String beneficiary, String mdtrtId,
                                        LocalDate serviceDate, List<SplitCalculator.SaleLine> lines) {
        Split split = Ledger.split(ctx, kind, lines, card, beneficiary != null, serviceDate);
        String id = ctx.newId("PRE");
        ObjectNode out = ctx.object();
        ObjectNode described = describeSplit(ctx, split, card.balance());
        ctx.db().update("INSERT INTO presettle(presettle_id, kind, psn_no, card_no, beneficiary_psn_no, mdtrt_id, service_date, total,"
                        + " fund_pay, deductible, lines) VALUES (?,?,?,?,?,?,?,?,?,?,?)", id, kind, card.psnNo(), card.cardNo(), beneficiary,
                mdtrtId, serviceDate.toString(), split.total(), split.fundPay(), split.deductibleApplied(), ctx.json().write(described.get("items")));
        out.put("presettle_id", id);
        out.setAll(described);
        out.put("beneficiary_psn_no", beneficiary);
        return out;
    }

    static ObjectNode describeSplit(TxContext ctx, Split split, long balance) {
        ObjectNode out = ctx.object();
        long acctMax = split.acctPayMax(balance);
        out.put("total", split.total());
        out.put("fund_pay", split.fundPay());
        out.put("acct_pay_max", acctMax);
        out.put("cash_pay_min", split.total() - split.fundPay() - acctMax);
        out.put("pooling_base", split.poolingBase());
        out.put("deductible_applied", split.deductibleApplied());
        out.put("pooling_ratio_bp", split.ratioBp());
        out.put("no_pooling_rule", split.noPoolingRule());
        out.put("acct_balance_shadow", balance);
        out.set("items", Ledger.describeLines(ctx, split));
        return out;
    }

    /** 2102 (pharmacy) and 2207 (outpatient): pays a pre-settlement. */
    static ObjectNode settle(TxContext ctx, SaleKind expectedKind) {
        Fields in = ctx.input();
        String presettleId = in.text("presettle_id");
        long acctPay = in.amount("acct_pay");
        long cashPay = in.amount("cash_pay");
        Optional<Fields> purseFields = in.optObject("purse");
        if (acctPay > 0 && purseFields.isEmpty()) {
            throw in.invalid("purse", "missing: a card debit record is required when acct_pay is " + acctPay);
        }
        if (acctPay == 0 && purseFields.isPresent()) {
            throw in.invalid("purse", "must be absent when acct_pay is 0");
        }
        PurseRecord purse = purseFields.map(PurseRecord::read).orElse(null);
        Presettle pre = Presettle.require(ctx, presettleId);
        if (pre.kind() != expectedKind) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "presettle_id " + presettleId + " is a " + pre.kind() + " pre-settlement");
        }
        if (pre.setlId() != null) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "presettle_id " + presettleId + " was already settled as " + pre.setlId());
        }
        Card card = Card.require(ctx.db(), pre.cardNo());
        card.requireUsable(ctx);
        if (acctPay + cashPay + pre.fundPay() != pre.total()) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "acct_pay " + acctPay + " + cash_pay " + cashPay + " + fund_pay "
                    + pre.fundPay() + " does not equal the total " + pre.total());
        }
        long acctMax = Math.max(0, Math.min(card.balance(), pre.total() - pre.fundPay()));
        if (acctPay > acctMax) {
            ObjectNode out = ctx.object();
            out.put("acct_pay_max", acctMax);
            out.put("acct_balance_shadow", card.balance());
            throw new TxRefusal(InfCode.INSUFFICIENT_FUNDS, "acct_pay " + acctPay + " exceeds acct_pay_max " + acctMax, out);
        }
        if (pre.mdtrtId() != null) {
            requireFeeOnce(ctx, pre);
        }
        if (purse != null) {
            Ledger.checkPurse(ctx, card, purse, acctPay);
        }
        if (ctx.faults().consume(org.medcard.simulator.center.fault.FaultKind.SETTLE_REJECTED)) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "settlement rejected by the center (injected fault SETTLE_REJECTED)");
        }
        String setlId = Ledger.settle(ctx, new Ledger.Settlement("ONLINE", presettleId, card, pre.beneficiaryPsnNo(), pre.serviceDate(),
                pre.total(), pre.fundPay(), pre.deductible(), acctPay, cashPay), purse);
        ctx.db().update("UPDATE presettle SET setl_id = ? WHERE presettle_id = ?", setlId, presettleId);
        if (pre.mdtrtId() != null) {
            ctx.db().update("UPDATE registration SET status = 'SETTLED' WHERE mdtrt_id = ?", pre.mdtrtId());
        }
        ObjectNode out = ctx.object();
        out.put("setl_id", setlId);
        out.put("total", pre.total());
        out.put("fund_pay", pre.fundPay());
        out.put("acct_pay", acctPay);
        out.put("cash_pay", cashPay);
        out.put("acct_balance_shadow", Ledger.balance(ctx.db(), card.cardNo()));
        return out;
    }

    /** 2103: cancels a settlement; the account share goes back to the account as a pending load (R2). */
    static ObjectNode cancel(TxContext ctx) {
        Fields in = ctx.input();
        String setlId = in.text("setl_id");
        in.text("reason");
        record Row(String status, String cardNo, long fund, long acct) {
        }
        Row row = ctx.db().one("SELECT status, card_no, fund_pay, acct_pay FROM settlement WHERE setl_id = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), setlId)
                .orElseThrow(() -> new TxRefusal(InfCode.RECORD_REJECTED, "setl_id " + setlId + " is not known"));
        if (!"SETTLED".equals(row.status())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "settlement " + setlId + " is already " + row.status());
        }
        String loadId = row.acct() > 0 ? Ledger.refundLoad(ctx, row.cardNo(), row.acct()) : null;
        ctx.db().update("UPDATE settlement SET status = 'CANCELLED', refund_load_id = ? WHERE setl_id = ?", loadId, setlId);
        ObjectNode out = ctx.object();
        out.put("setl_id", setlId);
        out.put("refund_acct", row.acct());
        out.put("refund_fund", row.fund());
        out.put("load_id", loadId);
        return out;
    }

    /** 2201. */
    static ObjectNode register(TxContext ctx) {
        Fields in = ctx.input();
        String psnNo = in.text("psn_no");
        String cardNo = in.text("card_no");
        String deptCode = in.text("dept_code");
        String doctorCode = in.text("doctor_code");
        long regFee = in.amount("reg_fee");
        long deptFee = ctx.db().number("SELECT reg_fee FROM department WHERE dept_code = ?", -1, deptCode);
        if (deptFee < 0) {
            throw in.invalid("dept_code", "\"" + deptCode + "\" is not a department of this institution");
        }
        String doctorDept = ctx.db().one("SELECT dept_code FROM doctor WHERE doctor_code = ?", rs -> rs.getString(1), doctorCode)
                .orElseThrow(() -> in.invalid("doctor_code", "\"" + doctorCode + "\" is not a doctor of this institution"));
        if (!doctorDept.equals(deptCode)) {
            throw in.invalid("doctor_code", "\"" + doctorCode + "\" works in " + doctorDept + ", not " + deptCode);
        }
        if (regFee != deptFee) {
            throw in.invalid("reg_fee", regFee + " differs from the department's fee " + deptFee);
        }
        Optional<String> beneficiary = in.optText("beneficiary_psn_no");
        Card card = payingCard(ctx, psnNo, cardNo);
        beneficiary.ifPresent(b -> requireFamily(ctx, card, b));
        LocalDate today = ctx.today();
        Split split = Ledger.split(ctx, SaleKind.OUTPATIENT,
                List.of(new SplitCalculator.SaleLine(registrationFee(ctx, deptCode, regFee), 1)), card, beneficiary.isPresent(), today);
        String mdtrtId = ctx.newId("MDT");
        ctx.db().update("INSERT INTO registration(mdtrt_id, psn_no, card_no, dept_code, doctor_code, reg_fee, service_date, status, msgid,"
                        + " beneficiary_psn_no) VALUES (?,?,?,?,?,?,?,'REGISTERED',?,?)", mdtrtId, psnNo, cardNo, deptCode, doctorCode, regFee,
                today.toString(), ctx.request().msgid(), beneficiary.orElse(null));
        ObjectNode out = ctx.object();
        out.put("mdtrt_id", mdtrtId);
        out.put("reg_fee", regFee);
        out.put("fund_pay", split.fundPay());
        long acctMax = split.acctPayMax(card.balance());
        out.put("acct_pay_max", acctMax);
        out.put("cash_pay_min", split.total() - split.fundPay() - acctMax);
        out.put("no_pooling_rule", split.noPoolingRule());
        out.put("service_date", today.toString());
        return out;
    }

    /** 2202. */
    static ObjectNode cancelRegistration(TxContext ctx) {
        String mdtrtId = ctx.input().text("mdtrt_id");
        Visit visit = Visit.require(ctx, mdtrtId);
        if (!"REGISTERED".equals(visit.status())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "visit " + mdtrtId + " is " + visit.status() + " and cannot be cancelled");
        }
        ctx.db().update("UPDATE registration SET status = 'CANCELLED' WHERE mdtrt_id = ?", mdtrtId);
        ObjectNode out = ctx.object();
        out.put("mdtrt_id", mdtrtId);
        out.put("status", "CANCELLED");
        return out;
    }

    /**
     * A visit is paid more than once, as hospitals work: the fee at registration, then each batch of prescribed items
     * at the payment window. It takes payments while REGISTERED (nothing paid yet) or SETTLED (paid at least once) on
     * its service date; a visit already paid is closed by the end of that day, a cancelled one never reopens.
     */
    private static void requireOpen(TxContext ctx, Visit visit) {
        boolean open = "REGISTERED".equals(visit.status())
                || ("SETTLED".equals(visit.status()) && visit.serviceDate().equals(ctx.today()));
        if (!open) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "visit " + visit.mdtrtId() + " is " + visit.status()
                    + ("SETTLED".equals(visit.status()) ? " and closed (its day " + visit.serviceDate() + " is over)" : "")
                    + ", not open for settlement");
        }
    }

    /** The settlement that paid the visit's registration fee (a pre-settlement with the fee line, settled and not undone). */
    private static Optional<String> feePaidBy(TxContext ctx, String mdtrtId) {
        return ctx.db().one("SELECT s.setl_id FROM presettle p JOIN settlement s ON s.setl_id = p.setl_id WHERE p.mdtrt_id = ?"
                + " AND s.status = 'SETTLED' AND instr(p.lines, '\"code\":\"REG-') > 0 ORDER BY s.setl_id", rs -> rs.getString(1), mdtrtId);
    }

    /** Two pre-settlements of one visit both carry the unpaid fee; only the first settled may pay it. */
    private static void requireFeeOnce(TxContext ctx, Presettle pre) {
        boolean carriesFee = ctx.db().number("SELECT instr(lines, '\"code\":\"REG-') FROM presettle WHERE presettle_id = ?", 0,
                pre.id()) > 0;
        Optional<String> paid = carriesFee ? feePaidBy(ctx, pre.mdtrtId()) : Optional.empty();
        if (paid.isPresent()) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "the registration fee of visit " + pre.mdtrtId() + " was already paid ("
                    + paid.get() + "); pre-settle the items again (2206)");
        }
    }

    /** The card that pays: known (2001), belonging to psn_no (2001), and allowed to pay (2002). */
    static Card payingCard(TxContext ctx, String psnNo, String cardNo) {
        Card card = Card.require(ctx.db(), cardNo);
        if (!card.psnNo().equals(psnNo)) {
            throw new TxRefusal(InfCode.PERSON_NOT_FOUND, "card_no " + cardNo + " does not belong to psn_no " + psnNo);
        }
        card.requireUsable(ctx);
        return card;
    }

    /** R3: the beneficiary must be a bound family member of an EMPLOYEE holder. */
    private static void requireFamily(TxContext ctx, Card card, String beneficiary) {
        Person holder = card.holder();
        if (holder.insutype() != Insutype.EMPLOYEE) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "family mutual aid (R3) is only for EMPLOYEE accounts; this holder is "
                    + holder.insutype());
        }
        Person member = Person.byPsnNo(ctx.db(), beneficiary).orElseThrow(
                () -> new TxRefusal(InfCode.PERSON_NOT_FOUND, "beneficiary_psn_no " + beneficiary + " is not known"));
        if (!holder.psnNo().equals(member.holderPsnNo())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "beneficiary_psn_no " + beneficiary + " is not a bound family member of "
                    + holder.psnNo());
        }
    }

    private static LocalDate serviceDate(TxContext ctx, Fields in) {
        LocalDate d = in.date("service_date");
        if (d.isAfter(ctx.today())) {
            throw in.invalid("service_date", d + " is after today (" + ctx.today() + ")");
        }
        return d;
    }

    /** The registration fee as a category-A service line (医事服务费). */
    static CatalogItem registrationFee(TxContext ctx, String deptCode, long fee) {
        String name = ctx.db().one("SELECT name FROM department WHERE dept_code = ?", rs -> rs.getString(1), deptCode).orElse(deptCode);
        return new CatalogItem("REG-" + deptCode, "挂号费 " + name, "", "次", fee, Category.A, 0, false, 1);
    }

    /** A stored pre-settlement. */
    record Presettle(String id, SaleKind kind, String cardNo, String beneficiaryPsnNo, String mdtrtId, LocalDate serviceDate,
                     long total, long fundPay, long deductible, String setlId) {
        static Presettle require(TxContext ctx, String id) {
            return ctx.db().one("SELECT presettle_id, kind, card_no, beneficiary_psn_no, mdtrt_id, service_date, total, fund_pay, deductible,"
                            + " setl_id FROM presettle WHERE presettle_id = ?",
                    rs -> new Presettle(rs.getString(1), SaleKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                            rs.getString(5), LocalDate.parse(rs.getString(6)), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getString(10)), id)
                    .orElseThrow(() -> new TxRefusal(InfCode.RECORD_REJECTED, "presettle_id " + id + " is not known"));
        }
    }

    /** A stored outpatient visit. */
    record Visit(String mdtrtId, String psnNo, String cardNo, String deptCode, long regFee, LocalDate serviceDate, String status,
                 String beneficiaryPsnNo) {
        static Visit require(TxContext ctx, String id) {
            return ctx.db().one("SELECT mdtrt_id, psn_no, card_no, dept_code, reg_fee, service_date, status, beneficiary_psn_no"
                            + " FROM registration WHERE mdtrt_id = ?",
                    rs -> new Visit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            LocalDate.parse(rs.getString(6)), rs.getString(7), rs.getString(8)), id)
                    .orElseThrow(() -> new TxRefusal(InfCode.RECORD_REJECTED, "mdtrt_id " + id + " is not known"));
        }
    }
}
