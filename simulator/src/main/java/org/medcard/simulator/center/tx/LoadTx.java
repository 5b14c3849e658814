package org.medcard.simulator.center.tx;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.medcard.apdu.Hex;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.center.protocol.Fields;
import org.medcard.simulator.center.protocol.InfCode;
import org.medcard.simulator.center.protocol.TxRefusal;

/**
 * Pending loads (R15 contributions, and refunds of cancelled settlements, R2): list them (8501),
 * authorize one (8501 with {@code load_id} and the card's INITIALIZE FOR LOAD answer: the center checks
 * the card's MAC1 and computes MAC2 with the card's DLK — MLK never leaves the center), confirm it
 * (8502: the card's TAC over the new balance is checked when the load was authorized here).
 */
final class LoadTx {
    private static final DateTimeFormatter BCD_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private LoadTx() {
    }

    /** 8501. */
    static ObjectNode pending(TxContext ctx) {
        Fields in = ctx.input();
        String cardNo = in.text("card_no");
        Card card = Card.require(ctx.db(), cardNo);
        ObjectNode out = ctx.object();
        if (in.has("load_id")) {
            card.requireUsable(ctx);
            authorize(ctx, in, card, out);
        }
        ArrayNode loads = out.putArray("loads");
        ctx.db().list("SELECT load_id, amount, month, origin FROM pending_load WHERE card_no = ? AND status = 'PENDING' ORDER BY month, load_id",
                rs -> {
                    ObjectNode l = loads.addObject();
                    l.put("load_id", rs.getString(1));
                    l.put("amount", rs.getLong(2));
                    l.put("month", rs.getString(3));
                    l.put("origin", rs.getString(4));
                    return l;
                }, cardNo);
        return out;
    }

    private static void authorize(TxContext ctx, Fields in, Card card, ObjectNode out) {
        String loadId = in.text("load_id");
        long oldBalance = in.amount("old_balance");
        int counter = (int) in.integer("online_counter", 0, 0xFFFF);
        byte[] random = Hex.parse(in.hex("card_random", 8));
        String terminalId = in.hex("terminal_id", 12);
        byte[] mac1 = Hex.parse(in.hex("mac1", 8));
        LocalDateTime time = in.time("load_time");
        Load load = Load.require(ctx, loadId, card.cardNo());
        if (!"PENDING".equals(load.status())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "load " + loadId + " is already " + load.status());
        }
        byte[] sk = PurseCrypto.loadSessionKey(card.algorithm(), card.cardKey(ctx.db(), "mlk"), random, counter);
        byte[] expected = PurseCrypto.loadMac1(card.algorithm(), sk, oldBalance, load.amount(), Hex.parse(terminalId));
        if (!PurseCrypto.macEquals(expected, mac1)) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "MAC1_INVALID: the card's load MAC1 does not verify");
        }
        byte[] mac2 = PurseCrypto.loadMac2(card.algorithm(), sk, load.amount(), Hex.parse(terminalId),
                Hex.parse(time.format(BCD_DATE)), Hex.parse(time.format(BCD_TIME)));
        ctx.db().update("UPDATE pending_load SET auth_old_balance = ?, auth_online_counter = ?, auth_terminal_id = ?, auth_time = ?"
                + " WHERE load_id = ?", oldBalance, counter, terminalId, time.format(Fields.TIME), loadId);
        out.put("load_id", loadId);
        out.put("amount", load.amount());
        out.put("mac2", Hex.of(mac2));
        out.put("load_time", time.format(Fields.TIME));
    }

    /** 8502. */
    static ObjectNode confirm(TxContext ctx) {
        Fields in = ctx.input();
        String loadId = in.text("load_id");
        String cardNo = in.text("card_no");
        int counter = (int) in.integer("online_counter", 0, 0xFFFF);
        // A load torn after CREDIT: the card's TAC was lost with its answer; the terminal proves the credit from the
        // card's log (proof CARD_LOG) and confirms without one, recorded with tac_verified null.
        String tac = in.has("tac") ? in.hex("tac", 8) : null;
        Card card = Card.require(ctx.db(), cardNo);
        Load load = Load.require(ctx, loadId, cardNo);
        if ("CONFIRMED".equals(load.status())) {
            throw new TxRefusal(InfCode.RECORD_REJECTED, "load " + loadId + " was already confirmed");
        }
        Boolean verified = null;
        if (load.authTime() != null && tac != null) {
            LocalDateTime time = LocalDateTime.parse(load.authTime(), Fields.TIME);
            byte[] expected = PurseCrypto.loadTac(card.algorithm(), card.cardKey(ctx.db(), "mtk"), load.authOldBalance() + load.amount(),
                    load.authCounter(), load.amount(), Hex.parse(load.authTerminalId()), Hex.parse(time.format(BCD_DATE)),
                    Hex.parse(time.format(BCD_TIME)));
            verified = PurseCrypto.macEquals(expected, Hex.parse(tac));
            if (!verified) {
                throw new TxRefusal(InfCode.RECORD_REJECTED, "TAC_INVALID: the card's load TAC does not verify");
            }
        }
        ctx.db().update("UPDATE pending_load SET status = 'CONFIRMED', online_counter = ?, tac = ?, tac_verified = ?, confirmed_at = ?"
                + " WHERE load_id = ?", counter, tac, verified, ctx.nowText(), loadId);
        ctx.db().update("UPDATE card SET balance = balance + ? WHERE card_no = ?", load.amount(), cardNo);
        ObjectNode out = ctx.object();
        out.put("load_id", loadId);
        out.put("confirmed", true);
        out.put("tac_verified", verified);
        out.put("acct_balance_shadow", Ledger.balance(ctx.db(), cardNo));
        return out;
    }

    private static Long nullableLong(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private record Load(String loadId, long amount, String status, Long authOldBalance, Integer authCounter, String authTerminalId,
                        String authTime) {
        static Load require(TxContext ctx, String loadId, String cardNo) {
            Optional<Load> l = ctx.db().one("SELECT load_id, amount, status, auth_old_balance, auth_online_counter, auth_terminal_id, auth_time"
                            + " FROM pending_load WHERE load_id = ? AND card_no = ?",
                    rs -> new Load(rs.getString(1), rs.getLong(2), rs.getString(3), nullableLong(rs, 4),
                            nullableInt(rs, 5), rs.getString(6), rs.getString(7)), loadId, cardNo);
            return l.orElseThrow(() -> new TxRefusal(InfCode.RECORD_REJECTED, "load_id " + loadId + " is not pending for card " + cardNo));
        }
    }
}
