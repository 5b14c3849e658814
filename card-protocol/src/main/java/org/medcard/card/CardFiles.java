package org.medcard.card;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.medcard.apdu.Bcd;
import org.medcard.apdu.Hex;
import org.medcard.apdu.MalformedResponseException;
import org.medcard.crypto.Algorithm;
import org.medcard.psam.TerminalId;
import org.medcard.tlv.Tlv;
import org.medcard.tlv.TlvParser;

/**
 * Decoders for the FCI and the card's files. Every decoder checks lengths and codes first and turns any
 * misfit into a {@link MalformedResponseException} naming the file and field.
 */
final class CardFiles {

    static final int CARD_INFO_LENGTH = 32;
    static final int STATUS_LENGTH = 16;
    static final int LOG_RECORD_LENGTH = 23;
    /** SFI 04 is cyclic with this many records. */
    static final int LOG_RECORDS = 10;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private CardFiles() {
    }

    static Fci fci(byte[] data) {
        List<Tlv> top = TlvParser.parse(data);
        Tlv fci = top.stream().filter(t -> t.tag() == 0x6F).findFirst()
                .orElseThrow(() -> new MalformedResponseException("SELECT: FCI template 6F missing"));
        byte[] aid = required(fci.find(0x84), "SELECT: FCI lacks the AID (84)").value();
        if (!Arrays.equals(aid, MedicalCard.AID)) {
            throw new MalformedResponseException("SELECT: FCI names another application: " + Hex.of(aid));
        }
        Tlv prop = required(fci.find(0xA5), "SELECT: FCI lacks the proprietary template (A5)");
        byte[] version = exactly(required(prop.find(0x9F08), "SELECT: FCI lacks the application version (9F08)").value(),
                2, "SELECT: application version (9F08)");
        byte[] alg = exactly(required(prop.find(0xC0), "SELECT: FCI lacks the algorithm (C0)").value(), 1, "SELECT: algorithm (C0)");
        return new Fci(aid, ((version[0] & 0xFF) << 8) | (version[1] & 0xFF), algorithm(alg[0] & 0xFF, "SELECT: algorithm (C0)"));
    }

    static CardInfo cardInfo(byte[] d) {
        exactly(d, CARD_INFO_LENGTH, "SFI 01 card information");
        CardNumber cardNo = new CardNumber(Bcd.decode(d, 0, 10, "SFI 01 card_no"));
        String region = Bcd.decode(d, 10, 3, "SFI 01 region");
        int activation = d[14] & 0xFF;
        if (activation > 1) {
            throw new MalformedResponseException(String.format("SFI 01: activation flag %02X is neither 00 nor 01", activation));
        }
        return new CardInfo(cardNo, region, d[13] & 0xFF, activation == 1, Bcd.toDate(d, 15, "SFI 01 issue date"),
                Bcd.toDate(d, 19, "SFI 01 expiry date"), d[23] & 0xFF);
    }

    static Cardholder cardholder(byte[] d) {
        List<Tlv> tlvs = TlvParser.parse(d);
        byte[] id = required(top(tlvs, 0xC1), "SFI 02 lacks the ID number (C1): card unreadable").value();
        String idText = new String(id, StandardCharsets.US_ASCII);
        if (!IdNumber.isValid(idText)) {
            throw new MalformedResponseException("SFI 02: ID number (C1) fails its format or MOD 11-2 check digit: card unreadable");
        }
        String name = gb18030(required(top(tlvs, 0xC2), "SFI 02 lacks the name (C2): card unreadable").value());
        if (name.isBlank()) {
            throw new MalformedResponseException("SFI 02: name (C2) is empty: card unreadable");
        }
        return new Cardholder(new IdNumber(idText), name,
                top(tlvs, 0xC3).map(t -> code(t, "C3 sex", Sex::fromCode)),
                top(tlvs, 0xC4).map(t -> Bcd.toDate(exactly(t.value(), 4, "SFI 02 birth date (C4)"), 0, "SFI 02 birth date (C4)")),
                top(tlvs, 0xC5).map(t -> code(t, "C5 scheme", InsuranceScheme::fromCode)),
                top(tlvs, 0xC6).map(t -> Bcd.decode(exactly(t.value(), 3, "SFI 02 region (C6)"), 0, 3, "SFI 02 region (C6)")));
    }

    static InsuranceStatus insuranceStatus(byte[] d) {
        exactly(d, STATUS_LENGTH, "SFI 03 insurance status");
        CardStatusCode status = decode(() -> CardStatusCode.fromCode(d[0] & 0xFF), "SFI 03 status");
        Optional<CancelReason> reason = status == CardStatusCode.CANCELLED
                ? Optional.of(decode(() -> CancelReason.fromCode(d[1] & 0xFF), "SFI 03 cancel reason"))
                : Optional.empty();
        return new InsuranceStatus(status, reason, optionalDate(d, 2, "SFI 03 status since"),
                optionalDate(d, 6, "SFI 03 effective from"));
    }

    static TransactionLogRecord logRecord(byte[] d, int n) {
        String what = "SFI 04 record " + n;
        exactly(d, LOG_RECORD_LENGTH, what);
        int counter = ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
        long amount = u32(d, 5);
        TransactionType type = decode(() -> TransactionType.fromCode(d[9] & 0xFF), what + " type");
        TerminalId terminal = new TerminalId(Arrays.copyOfRange(d, 10, 16));
        LocalDateTime when = LocalDateTime.of(Bcd.toDate(d, 16, what + " date"), Bcd.toTime(d, 20, what + " time"));
        return new TransactionLogRecord(counter, amount, type, terminal, when);
    }

    static long u32(byte[] d, int off) {
        return ((d[off] & 0xFFL) << 24) | ((d[off + 1] & 0xFF) << 16) | ((d[off + 2] & 0xFF) << 8) | (d[off + 3] & 0xFF);
    }

    static int u16(byte[] d, int off) {
        return ((d[off] & 0xFF) << 8) | (d[off + 1] & 0xFF);
    }

    static Algorithm algorithm(int code, String what) {
        return decode(() -> Algorithm.fromCode(code), what);
    }

    static byte[] exactly(byte[] data, int length, String what) {
        if (data.length != length) {
            throw new MalformedResponseException(what + ": " + data.length + " bytes, expected " + length);
        }
        return data;
    }

    private static Optional<LocalDate> optionalDate(byte[] d, int off, String what) {
        return Bcd.isZero(d, off, 4) ? Optional.empty() : Optional.of(Bcd.toDate(d, off, what));
    }

    private static <T> T code(Tlv t, String what, java.util.function.IntFunction<T> decoder) {
        byte[] v = exactly(t.value(), 1, "SFI 02 " + what);
        return decode(() -> decoder.apply(v[0] & 0xFF), "SFI 02 " + what);
    }

    private static <T> T decode(Supplier<T> decoder, String what) {
        try {
            return decoder.get();
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(what + ": " + e.getMessage(), e);
        }
    }

    /** SFI 02's tags are top-level; unknown objects, constructed or not, are skipped without looking inside. */
    private static Optional<Tlv> top(List<Tlv> tlvs, int tag) {
        return tlvs.stream().filter(t -> t.tag() == tag).findFirst();
    }

    /** For commands that answer with a status word only. */
    static void noData(byte[] data, String what) {
        if (data.length != 0) {
            throw new MalformedResponseException(what + ": " + data.length + " unexpected data bytes");
        }
    }

    private static Tlv required(Optional<Tlv> tlv, String message) {
        return tlv.orElseThrow(() -> new MalformedResponseException(message));
    }

    /** Strict GB18030 (2- and 4-byte sequences included): undecodable bytes are malformed, not replaced. */
    private static String gb18030(byte[] bytes) {
        try {
            return GB18030.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedResponseException("SFI 02: name (C2) is not valid GB18030", e);
        }
    }
}
