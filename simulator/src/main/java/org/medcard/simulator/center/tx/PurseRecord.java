package org.medcard.simulator.center.tx;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.medcard.apdu.Hex;
import org.medcard.crypto.PurseCrypto;
import org.medcard.simulator.center.protocol.Fields;

/**
 * The purse record of host-protocol.md: exactly the fields the card's TAC covers. Read from the request
 * with every field checked for form; {@link #tacValid} recomputes the TAC with the card's DTK.
 */
record PurseRecord(String cardNo, int offlineCounter, long amount, int txType, String terminalId, long terminalSeq,
                   LocalDateTime txTime, String tac) {

    private static final DateTimeFormatter BCD_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter BCD_TIME = DateTimeFormatter.ofPattern("HHmmss");

    PurseRecord {
        if (cardNo == null || !cardNo.matches("[0-9A-F]{20}") || terminalId == null || !terminalId.matches("[0-9A-F]{12}")
                || tac == null || !tac.matches("[0-9A-F]{8}") || txTime == null) {
            throw new IllegalArgumentException("purse record fields malformed");
        }
        if (offlineCounter < 0 || offlineCounter > 0xFFFF || amount < 0 || amount > 0xFFFF_FFFFL
                || terminalSeq < 0 || terminalSeq > 0xFFFF_FFFFL || txType != PurseCrypto.TYPE_PURCHASE) {
            throw new IllegalArgumentException("purse record values out of the card's ranges");
        }
    }

    static PurseRecord read(Fields f) {
        String cardNo = f.text("card_no", java.util.regex.Pattern.compile("[0-9A-Fa-f]{20}"), "20 hex digits");
        int counter = (int) f.integer("offline_counter", 0, 0xFFFF);
        long amount = f.integer("amount", 0, 0xFFFF_FFFFL);
        int type = (int) f.integer("tx_type", PurseCrypto.TYPE_PURCHASE, PurseCrypto.TYPE_PURCHASE);
        String terminalId = f.hex("terminal_id", 12);
        long seq = f.integer("terminal_seq", 0, 0xFFFF_FFFFL);
        LocalDateTime time = f.time("tx_time");
        String tac = f.hex("tac", 8);
        return new PurseRecord(cardNo.toUpperCase(java.util.Locale.ROOT), counter, amount, type, terminalId, seq, time, tac);
    }

    boolean tacValid(Card card, byte[] dtk) {
        byte[] expected = PurseCrypto.purchaseTac(card.algorithm(), dtk, amount, Hex.parse(terminalId),
                PurseCrypto.u32(terminalSeq), Hex.parse(txTime.format(BCD_DATE)), Hex.parse(txTime.format(BCD_TIME)));
        return PurseCrypto.macEquals(expected, Hex.parse(tac));
    }

    String txTimeText() {
        return txTime.format(Fields.TIME);
    }
}
