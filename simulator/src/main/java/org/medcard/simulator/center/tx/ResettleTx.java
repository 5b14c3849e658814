package org.medcard.simulator.center.tx;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;
import org.medcard.simulator.center.rules.SaleKind;
import org.medcard.simulator.center.rules.Split;
import org.medcard.simulator.center.rules.SplitCalculator;

/**
 * R11 re-settlement entries: register a cash-paid entry (8400), re-settle it when the patient comes
 * back with the card (8401), list the institution's entries (8402). Nothing is deleted: an entry ends
 * SETTLED or EXPIRED (after {@code resettleMaxDays}).
 */
final class ResettleTx {
    static final Pattern CERT = Pattern.compile("[0-9]{17}[0-9X]");

    private ResettleTx() {
    }

    /** 8400: idempotent by entry_no, whatever the msgid. */
    static ObjectNode register(TxContext ctx) {
        Entry e = Entry.read(ctx.input());
        Optional<String> status = status(ctx, e.entryNo());
        if (status.isEmpty()) {
            insert(ctx, e);
        } else {
            requireSameInstitution(ctx, e.entryNo());
        }
        ObjectNode out = ctx.object();
        out.put("entry_no", e.entryNo());
        out.put("registered", true);
        out.put("already_registered", status.isPresent());
        out.put("status", status.orElse("OPEN"));
        return out;
    }

    /** 8401: settles the entry as of its original date; the insured shares are refunded to the patient. */
    static ObjectNode resettle(TxContext ctx) {
        Fields in = ctx.input();
        Entry e = Entry.read(in);
        String cardNo = in.text("card_no");
        PurseRecord purse = in.optObject("purse").map(PurseRecord::read).orElse(null);
        List<SplitCalculator.SaleLine> lines = Ledger.catalogLines(ctx.db(), in);

        Optional<String> status = status(ctx, e.entryNo());
        if (status.isEmpty()) {
            insert(ctx, e);
        } else if (!requireSameInstitution(ctx, e.entryNo()) || !"OPEN".equals(status.get())) {
            String setl = ctx.db().one("SELECT setl_id FROM resettle_entry WHERE entry_no = ?", rs -> rs.getString(1), e.entryNo()).orElse(null);
            throw new TxRefusal(InfCode.RECORD_REJECTED, "entry " + e.entryNo() + " is " + status.get()
                    + (setl == null ? "" : " (setl_id " + setl + ")"));
        }
        if (e.originalTime().toLocalDate().plusDays(ctx.settings().resettleMaxDays()).isBefore(ctx.today())) {
            // The refusal rolls this request back; 8402 is what marks the entry EXPIRED in the journal.
            throw new TxRefusal(InfCode.RECORD_REJECTED, "EXPIRED: entry " + e.entryNo() + " is older than "
                    + ctx.settings().resettleMaxDays() + " days");
        }
        Card card = Card.require(ctx.db(), cardNo);
        if (!card.holder().certNo().equals(e.certNo())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "card " + cardNo + " does not belong to psn_cert_no " + e.certNo());
        }
        card.requireUsable(ctx);
        // The kind the 8401 names, else the one registered with 8400 (an entry of another counter), else PHARMACY.
        String registered = ctx.db().one("SELECT kind FROM resettle_entry WHERE entry_no = ?", rs -> rs.getString(1), e.entryNo())
                .orElse(e.kind().name());
        SaleKind kind = in.has("kind") ? e.kind() : SaleKind.valueOf(registered);
        Split split = Ledger.split(ctx, kind, lines, card, false, e.originalTime().toLocalDate());
        if (split.total() != e.cashPaid() + e.acctPaid()) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "cash_paid " + e.cashPaid() + " + acct_paid " + e.acctPaid()
                    + " differs from the items' total " + split.total());
        }
        // What the card already paid offline counts against the account's share; only the rest is refunded from the cash.
        long fund = Math.min(split.fundPay(), e.cashPaid());
        long acct = purse == null ? 0 : purse.amount();
        // The account may pay now what the insured share of the cash part leaves: its balance now (the offline debit
        // already taken from it) up to the cash paid minus the pooling share. Never the offline part a second time.
        long acctMax = Math.max(0, Math.min(card.balance(), e.cashPaid() - fund));
        if (acct > acctMax) {
            throw new TxRefusal(InfCode.INSUFFICIENT_FUNDS, "purse.amount " + acct + " exceeds acct_pay_max " + acctMax);
        }
        if (purse != null) {
            Ledger.checkPurse(ctx, card, purse, acct);
        }
        // The settlement covers the cash part: the card's offline part is its own settlement (8301, offline_msgid).
        String setlId = Ledger.settle(ctx, new Ledger.Settlement("RESETTLE", null, card, null, e.originalTime().toLocalDate(),
                e.cashPaid(), fund, split.deductibleApplied(), acct, e.cashPaid() - fund - acct), purse);
        ctx.db().update("UPDATE resettle_entry SET status = 'SETTLED', setl_id = ? WHERE entry_no = ?", setlId, e.entryNo());
        ObjectNode out = ctx.object();
        out.put("entry_no", e.entryNo());
        out.put("setl_id", setlId);
        out.put("total", split.total());
        out.put("fund_pay", fund);
        out.put("acct_pay", acct);
        if (e.acctPaid() > 0) {
            out.put("acct_paid", e.acctPaid());
        }
        out.put("refund_to_patient", fund + acct);
        out.put("no_pooling_rule", split.noPoolingRule());
        out.put("acct_balance_shadow", Ledger.balance(ctx.db(), cardNo));
        out.put("kind", kind.name());
        return out;
    }

    /** 8402: this institution's entries, optionally for one ID number; stale open entries turn EXPIRED. */
    static ObjectNode list(TxContext ctx) {
        Optional<String> cert = ctx.input().optText("psn_cert_no");
        String fixmedins = ctx.request().fixmedinsCode();
        String cutoff = ctx.today().minusDays(ctx.settings().resettleMaxDays()).toString();
        ctx.db().update("UPDATE resettle_entry SET status = 'EXPIRED' WHERE status = 'OPEN' AND fixmedins_code = ? AND original_time < ?",
                fixmedins, cutoff);
        ObjectNode out = ctx.object();
        ArrayNode entries = out.putArray("entries");
        ctx.db().list("SELECT entry_no, fault, original_time, psn_cert_no, items, cash_paid, status, setl_id, kind, acct_paid,"
                + " offline_msgid FROM resettle_entry"
                + " WHERE fixmedins_code = ? AND (? IS NULL OR psn_cert_no = ?) ORDER BY original_time, entry_no", rs -> {
                    ObjectNode e = entries.addObject();
                    e.put("entry_no", rs.getString(1));
                    e.put("fault", rs.getString(2));
                    e.put("original_time", rs.getString(3));
                    e.put("psn_cert_no", rs.getString(4));
                    e.set("items", ctx.json().parse(rs.getString(5)));
                    e.put("cash_paid", rs.getLong(6));
                    e.put("status", rs.getString(7));
                    e.put("setl_id", rs.getString(8));
                    e.put("kind", rs.getString(9));
                    if (rs.getLong(10) > 0) {
                        e.put("acct_paid", rs.getLong(10));
                        e.put("offline_msgid", rs.getString(11));
                    }
                    return e;
                }, fixmedins, cert.orElse(null), cert.orElse(null));
        return out;
    }

    private static Optional<String> status(TxContext ctx, String entryNo) {
        return ctx.db().one("SELECT status FROM resettle_entry WHERE entry_no = ?", rs -> rs.getString(1), entryNo);
    }

    private static void insert(TxContext ctx, Entry e) {
        ctx.db().update("INSERT INTO resettle_entry(entry_no, fixmedins_code, fault, original_time, psn_cert_no, items, cash_paid, status,"
                        + " registered_at, acct_paid, offline_msgid, kind) VALUES (?,?,?,?,?,?,?,'OPEN',?,?,?,?)", e.entryNo(),
                ctx.request().fixmedinsCode(), e.fault(), e.originalTime().format(Fields.TIME), e.certNo(), ctx.json().write(e.items()),
                e.cashPaid(), ctx.nowText(), e.acctPaid(), e.offlineMsgid(), e.kind().name());
    }

    /** An entry is re-settled (and re-registered) only by the institution that took the cash (R11). Always true. */
    private static boolean requireSameInstitution(TxContext ctx, String entryNo) {
        String owner = ctx.db().one("SELECT fixmedins_code FROM resettle_entry WHERE entry_no = ?", rs -> rs.getString(1), entryNo)
                .orElseThrow();
        if (!owner.equals(ctx.request().fixmedinsCode())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "OTHER_INSTITUTION: entry " + entryNo
                    + " was paid in cash at another institution; it is re-settled there");
        }
        return true;
    }

    static SaleKind parseKind(Fields in, String k) {
        return switch (k) {
            case "PHARMACY" -> SaleKind.PHARMACY;
            case "OUTPATIENT" -> SaleKind.OUTPATIENT;
            default -> throw in.invalid("kind", "must be PHARMACY or OUTPATIENT, got \"" + k + "\"");
        };
    }

    /** The fields every entry carries. */
    private record Entry(String entryNo, String fault, LocalDateTime originalTime, String certNo,
                         com.fasterxml.jackson.databind.JsonNode items, long cashPaid, long acctPaid, String offlineMsgid,
                         SaleKind kind) {
        static Entry read(Fields in) {
            String entryNo = in.text("entry_no");
            String fault = in.text("fault");
            LocalDateTime time = in.time("original_time");
            String cert = in.text("psn_cert_no", CERT, "an 18-character ID number");
            if (!IdNumbers.checkDigitValid(cert)) {
                throw in.invalid("psn_cert_no", "check digit (ISO 7064 MOD 11-2) does not match");
            }
            long total = Ledger.recordedTotal(in, "items");
            long cash = in.amount("cash_paid");
            long acctPaid = in.has("acct_paid") ? in.amount("acct_paid") : 0;
            String offlineMsgid = in.optText("offline_msgid").orElse(null);
            if (acctPaid > 0 && offlineMsgid == null) {
                throw in.invalid("offline_msgid", "is required with acct_paid (the msgid of the card's offline debit)");
            }
            if (acctPaid > 0 && cash + acctPaid != total) {
                throw new TxRefusal(InfCode.RECORD_REJECTED, "cash_paid " + cash + " + acct_paid " + acctPaid
                        + " differs from the items' total " + total);
            }
            // "kind" (PHARMACY or OUTPATIENT) decides the pooling rules at re-settlement; absent: PHARMACY.
            SaleKind kind = in.optText("kind").map(k -> parseKind(in, k)).orElse(SaleKind.PHARMACY);
            return new Entry(entryNo, fault, time, cert, in.node().get("items"), cash, acctPaid, offlineMsgid, kind);
        }
    }
}
