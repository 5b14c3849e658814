package org.medcard.simulator.center.tx;

import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;

/** Sign in and out (9001, 9002), person info (1101), catalog (1301) and blacklist (8101). */
final class InfoTx {
    private InfoTx() {
    }

    /** 9001: a new sign_no for this terminal and operator. */
    static ObjectNode signIn(TxContext ctx) {
        Fields in = ctx.input();
        String opter = in.text("opter");
        String devNo = in.text("dev_no");
        String mac = in.optText("mac").orElse(null);
        long n = ctx.db().next("SIGN");
        String signNo = "S-" + ctx.today().format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + "-" + String.format(java.util.Locale.ROOT, "%04d", n);
        String time = ctx.nowText();
        ctx.db().update("INSERT INTO sign_in(sign_no, opter, dev_no, mac, sign_time) VALUES (?,?,?,?,?)", signNo, opter, devNo, mac, time);
        ObjectNode out = ctx.object();
        out.put("sign_no", signNo);
        out.put("sign_time", time);
        return out;
    }

    /** 9002: the sign_no stops being valid. */
    static ObjectNode signOut(TxContext ctx) {
        String signNo = ctx.input().text("sign_no");
        int n = ctx.db().update("UPDATE sign_in SET signed_out_at = ? WHERE sign_no = ? AND signed_out_at IS NULL", ctx.nowText(), signNo);
        if (n == 0) {
            throw new TxRefusal(InfCode.NOT_SIGNED_IN, "sign_no " + signNo + " is not signed in");
        }
        return ctx.object();
    }

    /** 1101: by card_no (the card's status decides psn_status) or by psn_cert_no; with the bound family. */
    static ObjectNode personInfo(TxContext ctx) {
        Fields in = ctx.input();
        Optional<String> cardNo = in.optText("card_no");
        Optional<String> certNo = in.optText("psn_cert_no");
        if (cardNo.isEmpty() && certNo.isEmpty()) {
            throw in.invalid("card_no", "missing: give card_no or psn_cert_no");
        }
        ObjectNode out = ctx.object();
        Card card;
        Person person;
        if (cardNo.isPresent()) {
            card = Card.require(ctx.db(), cardNo.get());
            person = card.holder();
        } else {
            person = Person.byCertNo(ctx.db(), certNo.get()).orElseThrow(
                    () -> new TxRefusal(InfCode.PERSON_NOT_FOUND, "no insured person with psn_cert_no " + certNo.get()));
            card = Card.ofPerson(ctx.db(), person.psnNo()).orElse(null);
        }
        person.describe(out);
        out.put("psn_status", card != null ? card.status(ctx.today()).name() : person.status().name());
        out.put("card_no", card == null ? null : card.cardNo());
        out.put("acct_balance_shadow", card == null ? null : card.balance());
        out.put("holder_psn_no", person.holderPsnNo());
        out.put("relation", person.relation());
        ArrayNode family = out.putArray("family");
        for (Person m : person.family(ctx.db())) {
            ObjectNode f = family.addObject();
            f.put("psn_no", m.psnNo());
            f.put("psn_name", m.name());
            f.put("psn_cert_no", m.certNo());
            f.put("relation", m.relation());
        }
        return out;
    }

    /** 1301: items changed after since_version. */
    static ObjectNode catalog(TxContext ctx) {
        long since = ctx.input().optInteger("since_version", 0, Integer.MAX_VALUE).orElse(0L);
        ObjectNode out = ctx.object();
        out.put("version", ctx.db().number("SELECT MAX(version) FROM catalog", 0));
        ArrayNode items = out.putArray("items");
        ctx.db().list("SELECT code, name, spec, unit, price, category, self_pay_ratio_bp, chronic, version FROM catalog WHERE version > ? ORDER BY code",
                rs -> {
                    ObjectNode i = items.addObject();
                    i.put("code", rs.getString(1));
                    i.put("name", rs.getString(2));
                    i.put("spec", rs.getString(3));
                    i.put("unit", rs.getString(4));
                    i.put("price", rs.getLong(5));
                    i.put("category", rs.getString(6));
                    i.put("self_pay_ratio", java.math.BigDecimal.valueOf(rs.getInt(7), 4).stripTrailingZeros().toPlainString());
                    i.put("chronic", rs.getInt(8) != 0);
                    i.put("version", rs.getInt(9));
                    return i;
                }, since);
        return out;
    }

    /** 8101: blacklist entries after since_version; a removal carries psn_status NORMAL. */
    static ObjectNode blacklist(TxContext ctx) {
        long since = ctx.input().optInteger("since_version", 0, Long.MAX_VALUE).orElse(0L);
        ObjectNode out = ctx.object();
        out.put("version", ctx.db().number("SELECT MAX(version) FROM blacklist", 0));
        ArrayNode entries = out.putArray("entries");
        ctx.db().list("SELECT version, card_no, psn_status, since FROM blacklist WHERE version > ? ORDER BY version", rs -> {
            ObjectNode e = entries.addObject();
            e.put("version", rs.getLong(1));
            e.put("card_no", rs.getString(2));
            e.put("psn_status", rs.getString(3));
            e.put("since", rs.getString(4));
            return e;
        }, since);
        return out;
    }
}
