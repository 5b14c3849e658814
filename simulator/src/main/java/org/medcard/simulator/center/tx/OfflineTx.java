package org.medcard.simulator.center.tx;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.rules.PsnStatus;

/**
 * 8301: offline card debits forwarded in a batch. Form errors anywhere refuse the whole batch (-1,
 * nothing applied); every well-formed record gets its own result: {@code ACCEPTED} with a new setl_id,
 * {@code DUPLICATE} with the first setl_id of that card + offline counter, or {@code REJECTED} with a
 * reason. The pooling fund pays nothing offline (R11: its share was paid in cash).
 */
final class OfflineTx {
    private OfflineTx() {
    }

    static ObjectNode upload(TxContext ctx) {
        Fields in = ctx.input();
        List<Fields> records = in.objects("records", ctx.settings().maxBatch());
        // Read every record first: a malformed one refuses the batch before anything is written.
        List<Offline> parsed = records.stream().map(OfflineTx::read).toList();
        ObjectNode out = ctx.object();
        ArrayNode results = out.putArray("results");
        int accepted = 0;
        int duplicate = 0;
        int rejected = 0;
        for (Offline r : parsed) {
            ObjectNode res = results.addObject();
            res.put("card_no", r.purse().cardNo());
            res.put("offline_counter", r.purse().offlineCounter());
            String outcome = apply(ctx, r, res);
            switch (outcome) {
                case "ACCEPTED" -> accepted++;
                case "DUPLICATE" -> duplicate++;
                default -> rejected++;
            }
        }
        out.put("accepted", accepted);
        out.put("duplicate", duplicate);
        out.put("rejected", rejected);
        return out;
    }

    private static Offline read(Fields f) {
        Fields purseFields = f.optObject("purse").orElse(f);
        PurseRecord purse = PurseRecord.read(purseFields);
        String cert = f.text("psn_cert_no");
        long acct = f.amount("acct_pay");
        long cash = f.amount("cash_pay");
        long itemsTotal = Ledger.recordedTotal(f, "items");
        return new Offline(purse, cert, acct, cash, itemsTotal);
    }

    private static String apply(TxContext ctx, Offline r, ObjectNode res) {
        PurseRecord p = r.purse();
        Optional<Card> found = Card.find(ctx.db(), p.cardNo());
        if (found.isEmpty()) {
            return reject(res, "UNKNOWN_CARD");
        }
        Card card = found.get();
        if (!p.tacValid(card, card.cardKey(ctx.db(), "mtk"))) {
            return reject(res, "TAC_INVALID");
        }
        Optional<String> first = Ledger.firstUse(ctx.db(), p);
        if (first.isPresent()) {
            res.put("result", "DUPLICATE");
            res.put("setl_id", first.get());
            return "DUPLICATE";
        }
        if (!card.holder().certNo().equals(r.certNo())) {
            return reject(res, "PERSON_MISMATCH");
        }
        if (p.amount() != r.acctPay()) {
            return reject(res, "AMOUNT_MISMATCH");
        }
        if (r.itemsTotal() != r.acctPay() + r.cashPay()) {
            return reject(res, "TOTAL_MISMATCH");
        }
        PsnStatus status = card.status(p.txTime().toLocalDate());
        if (!status.accountUsable()) {
            return reject(res, "STATUS_" + status.name());
        }
        String setlId = Ledger.settle(ctx, new Ledger.Settlement("OFFLINE", null, card, null, p.txTime().toLocalDate(),
                r.itemsTotal(), 0, 0, r.acctPay(), r.cashPay()), p);
        res.put("result", "ACCEPTED");
        res.put("setl_id", setlId);
        return "ACCEPTED";
    }

    private static String reject(ObjectNode res, String reason) {
        res.put("result", "REJECTED");
        res.put("reason", reason);
        return "REJECTED";
    }

    private record Offline(PurseRecord purse, String certNo, long acctPay, long cashPay, long itemsTotal) {
    }
}
