package org.medcard.simulator.card;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.medcard.apdu.Hex;
import org.medcard.crypto.PurseCrypto;

/**
 * One record of the card's cyclic transaction log (SFI 04, 23 bytes).
 *
 * @param counter the offline counter (purchase) or online counter (load) the transaction used, i.e. before it
 * @param type    {@code 06} purchase or {@code 02} load
 * @param terminalId 12 hex digits; {@code date} 8 BCD digits; {@code time} 6 BCD digits, as sent to the card
 */
public record LogRecord(
        @JsonProperty("counter") int counter,
        @JsonProperty("amount") long amount,
        @JsonProperty("type") int type,
        @JsonProperty("terminal_id") String terminalId,
        @JsonProperty("date") String date,
        @JsonProperty("time") String time) {

    public LogRecord {
        if (counter < 0 || counter > 0xFFFF || amount < 0 || amount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("log record counter or amount out of range");
        }
        if (type != PurseCrypto.TYPE_PURCHASE && type != PurseCrypto.TYPE_LOAD) {
            throw new IllegalArgumentException("log record type must be 06 or 02: " + type);
        }
        requireHex("terminal_id", terminalId, 12);
        requireHex("date", date, 8);
        requireHex("time", time, 6);
    }

    /** The 23 bytes as READ RECORD returns them. */
    public byte[] bytes() {
        byte[] r = new byte[23];
        System.arraycopy(PurseCrypto.u16(counter), 0, r, 0, 2);
        // bytes 2..4: overdraft limit, always 000000
        System.arraycopy(PurseCrypto.u32(amount), 0, r, 5, 4);
        r[9] = (byte) type;
        System.arraycopy(Hex.parse(terminalId), 0, r, 10, 6);
        System.arraycopy(Hex.parse(date), 0, r, 16, 4);
        System.arraycopy(Hex.parse(time), 0, r, 20, 3);
        return r;
    }

    private static void requireHex(String what, String value, int digits) {
        if (value == null || !value.matches("[0-9A-F]{" + digits + "}")) {
            throw new IllegalArgumentException(what + " must be " + digits + " upper-case hex digits: " + value);
        }
    }
}
