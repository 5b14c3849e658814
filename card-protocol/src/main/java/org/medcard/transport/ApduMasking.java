package org.medcard.transport;

import org.medcard.apdu.CommandApdu;
import org.medcard.apdu.Hex;
import org.medcard.apdu.ResponseApdu;

/**
 * Turns APDUs into hex for logs with the secrets replaced by {@code *}: PINs, MACs and TACs, card
 * numbers and ID-card numbers. Pure functions, no state; everything not listed below is shown in full,
 * because a trace that hides too much is useless to a technician.
 *
 * <p>What is hidden (layouts from {@code card-application.md}):
 * <ul>
 *   <li>VERIFY PIN {@code 00 20}: all command data.</li>
 *   <li>MACs in commands: DEBIT FOR PURCHASE {@code 80 54} and CREDIT FOR LOAD {@code 80 52} (last 4 data
 *       bytes), CREDIT SAM FOR PURCHASE {@code 80 72} and APPLICATION BLOCK {@code 84 1E} (all data),
 *       VERIFY TAC {@code 80 7A} (last 4 data bytes).</li>
 *   <li>MACs and TACs in answers: DEBIT FOR PURCHASE, GET TRANSACTION PROVE {@code 80 5A}, CREDIT FOR
 *       LOAD, MAC FOR APPLICATION BLOCK {@code 80 7C} (all data), INIT SAM FOR PURCHASE {@code 80 70} and
 *       INITIALIZE FOR LOAD {@code 80 50 00} (last 4 bytes, MAC1). When such an answer arrives in pieces
 *       through GET RESPONSE, every piece is hidden whole ({@link #continuation}).</li>
 *   <li>Card numbers: the 20 BCD digits of READ BINARY SFI 01 keep their first 3 and last 4 digits; the
 *       8-byte diversification data (the card number's last 16 digits) in INIT SAM FOR PURCHASE, VERIFY TAC
 *       and MAC FOR APPLICATION BLOCK keeps its last 4 digits.</li>
 *   <li>The cardholder file (READ BINARY SFI 02): every field except what the cashier sees on screen
 *       (name, scheme, region; the ID number as first 3 and last 4 characters) — see {@link #maskCardholder}.</li>
 *   <li>ID-card numbers: any run of 15 or more ASCII digits or {@code X} in any data (this covers tag
 *       {@code C1} of SFI 02 wherever the TLV sits) keeps its first 3 and last 4 characters.</li>
 * </ul>
 */
public final class ApduMasking {

    private static final int HEADER = 5;
    private static final int MIN_ID_RUN = 15;

    private ApduMasking() {
    }

    /** The command bytes as hex, secrets masked. */
    public static String command(CommandApdu command) {
        char[] hex = Hex.of(command.bytes()).toCharArray();
        int n = command.lc();
        if (n == 0) {
            return new String(hex);
        }
        int from = HEADER;
        int to = HEADER + n;
        switch (insKey(command)) {
            case 0x0020 -> maskBytes(hex, from, to);
            case 0x8054, 0x8052 -> maskBytes(hex, to - 4, to);
            case 0x8072, 0x841E -> maskBytes(hex, from, to);
            case 0x807A -> {
                maskDiversification(hex, from);
                maskBytes(hex, to - 4, to);
            }
            case 0x8070 -> maskDiversification(hex, from + 20);
            case 0x807C -> maskDiversification(hex, from);
            default -> {
            }
        }
        maskIdRuns(command.bytes(), from, to, hex);
        return new String(hex);
    }

    /** The response bytes (data and status word) as hex, secrets of the answer to {@code command} masked. */
    public static String response(CommandApdu command, ResponseApdu response) {
        byte[] raw = response.bytes();
        char[] hex = Hex.of(raw).toCharArray();
        int n = raw.length - 2;
        switch (insKey(command)) {
            case 0x8054, 0x805A, 0x8052, 0x807C -> maskBytes(hex, 0, n);
            case 0x8070 -> maskBytes(hex, Math.max(0, n - 4), n);
            case 0x8050 -> {
                if (command.p1() == 0x00) {
                    maskBytes(hex, Math.max(0, n - 4), n);
                }
            }
            case 0x00B0 -> {
                if (command.p1() == 0x81 && n >= 10) {
                    maskNibbles(hex, 3, 16);
                } else if (command.p1() == 0x82) {
                    maskCardholder(raw, n, command.p2() == 0x00, hex);
                }
            }
            default -> {
            }
        }
        maskIdRuns(raw, 0, n, hex);
        return new String(hex);
    }

    /**
     * A piece of the answer to {@code origin} fetched with GET RESPONSE: hidden whole when the answer to
     * {@code origin} holds anything secret (the offsets of a split answer are not worth guessing).
     */
    public static String continuation(CommandApdu origin, ResponseApdu piece) {
        byte[] raw = piece.bytes();
        char[] hex = Hex.of(raw).toCharArray();
        int n = raw.length - 2;
        if (hasSecretAnswer(origin)) {
            maskBytes(hex, 0, n);
        }
        maskIdRuns(raw, 0, n, hex);
        return new String(hex);
    }

    /** Whether the answer to this command carries a MAC, a TAC, a card number or an ID number. */
    public static boolean hasSecretAnswer(CommandApdu command) {
        return switch (insKey(command)) {
            case 0x8054, 0x805A, 0x8052, 0x807C, 0x8070 -> true;
            case 0x8050 -> command.p1() == 0x00;
            case 0x00B0 -> command.p1() == 0x81 || command.p1() == 0x82;
            default -> false;
        };
    }

    private static int insKey(CommandApdu command) {
        return (command.cla() << 8) | command.ins();
    }

    /**
     * The cardholder file (SFI 02, BER-TLV): only what the cashier sees on screen stays readable — the name
     * ({@code C2}), the scheme ({@code C5}) and the insured region ({@code C6}) — and the ID number ({@code C1})
     * keeps the screen's first 3 and last 4 characters. Sex ({@code C3}), birth date ({@code C4}) and unknown
     * tags are hidden whole: the birth date and the masked ID's ends rebuild the ID number. Anything that does
     * not parse (or a read from an offset) is hidden whole from there on.
     */
    private static void maskCardholder(byte[] raw, int n, boolean fromStart, char[] hex) {
        int i = 0;
        while (fromStart && i < n && raw[i] != 0x00) {
            int tagStart = i;
            int tag = raw[i++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                while (i < n && (raw[i] & 0x80) != 0) {
                    i++;
                }
                i++;
                tag = -1; // a multi-byte tag is none of ours
            }
            if (i >= n) {
                i = tagStart;
                break;
            }
            int len = raw[i++] & 0xFF;
            if (len == 0x81 && i < n) {
                len = raw[i++] & 0xFF;
            } else if (len == 0x82 && i + 1 < n) {
                len = ((raw[i] & 0xFF) << 8) | (raw[i + 1] & 0xFF);
                i += 2;
            } else if (len >= 0x80) {
                i = tagStart;
                break;
            }
            if (i + len > n) {
                i = tagStart;
                break;
            }
            switch (tag) {
                case 0xC2, 0xC5, 0xC6 -> {
                }
                case 0xC1 -> maskBytes(hex, len >= 8 ? i + 3 : i, len >= 8 ? i + len - 4 : i + len);
                default -> maskBytes(hex, i, i + len);
            }
            i += len;
        }
        if (i < n && !onlyPadding(raw, i, n)) {
            maskBytes(hex, i, n);
        }
    }

    private static boolean onlyPadding(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] != 0x00) {
                return false;
            }
        }
        return true;
    }

    /** The 8 diversification bytes at {@code offset}: the last 16 digits of the card number; keep the last 4. */
    private static void maskDiversification(char[] hex, int offset) {
        maskBytes(hex, offset, offset + 6);
    }

    private static void maskBytes(char[] hex, int fromByte, int toByte) {
        maskNibbles(hex, 2 * fromByte, 2 * toByte);
    }

    private static void maskNibbles(char[] hex, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, hex.length); i++) {
            hex[i] = '*';
        }
    }

    /** Masks every run of {@value #MIN_ID_RUN}+ ASCII digits / X in bytes [from, to), keeping 3 + 4 characters. */
    private static void maskIdRuns(byte[] raw, int from, int to, char[] hex) {
        int runStart = -1;
        for (int i = from; i <= to; i++) {
            boolean idChar = i < to && isIdChar(raw[i]);
            if (idChar && runStart < 0) {
                runStart = i;
            } else if (!idChar && runStart >= 0) {
                if (i - runStart >= MIN_ID_RUN) {
                    maskBytes(hex, runStart + 3, i - 4);
                }
                runStart = -1;
            }
        }
    }

    private static boolean isIdChar(byte b) {
        return (b >= '0' && b <= '9') || b == 'X' || b == 'x';
    }
}
