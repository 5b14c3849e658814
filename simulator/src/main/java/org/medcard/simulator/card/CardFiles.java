package org.medcard.simulator.card;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.medcard.apdu.Hex;
import org.medcard.simulator.profile.CardProfile;

/** The bytes of the card's elementary files SFI 01 to 03, laid out as {@code card-application.md} says. */
final class CardFiles {

    static final int SFI02_SIZE = 128;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private CardFiles() {
    }

    /** SFI 01, 32 bytes: card number, region, type, activation, dates, DPK key version, reserved. */
    static byte[] cardInformation(CardProfile p) {
        byte[] f = new byte[32];
        put(f, 0, Hex.parse(p.cardNo()));
        put(f, 10, Hex.parse(p.cardRegion()));
        f[13] = (byte) Integer.parseInt(p.cardType(), 16);
        f[14] = (byte) (p.activated() ? 0x01 : 0x00);
        put(f, 15, bcdDate(p.issueDate()));
        put(f, 19, bcdDate(p.expiryDate()));
        f[23] = (byte) p.keyVersion();
        return f;
    }

    /** SFI 02, 128 bytes: BER-TLV C1..C6, then 00 padding. */
    static byte[] cardholder(CardProfile p) {
        ByteArrayOutputStream tlv = new ByteArrayOutputStream();
        tlv(tlv, 0xC1, p.psnCertNo().getBytes(StandardCharsets.US_ASCII));
        tlv(tlv, 0xC2, p.psnName().getBytes(GB18030));
        tlv(tlv, 0xC3, new byte[] {(byte) p.sex().code()});
        tlv(tlv, 0xC4, bcdDate(p.birthDate()));
        tlv(tlv, 0xC5, new byte[] {(byte) p.insutype().code()});
        tlv(tlv, 0xC6, Hex.parse(p.insuplcAdmdvs()));
        byte[] body = tlv.toByteArray();
        if (body.length > SFI02_SIZE) {
            throw new IllegalArgumentException("cardholder file longer than " + SFI02_SIZE + " bytes for profile " + p.profile());
        }
        byte[] f = new byte[SFI02_SIZE];
        put(f, 0, body);
        return f;
    }

    /** SFI 03, 16 bytes: status, cancel reason, status since, effective from, reserved. */
    static byte[] insuranceStatus(CardProfile p) {
        byte[] f = new byte[16];
        f[0] = (byte) p.psnStatus().code();
        f[1] = (byte) (p.statusReason() == null ? 0 : p.statusReason().code());
        put(f, 2, bcdDate(p.statusSince()));
        put(f, 6, bcdDate(p.effectiveFrom()));
        return f;
    }

    static byte[] bcdDate(LocalDate date) {
        return Hex.parse(date.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    private static void tlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        out.write(value.length); // every value is shorter than 128 bytes: one length byte
        out.writeBytes(value);
    }

    private static void put(byte[] target, int offset, byte[] value) {
        System.arraycopy(value, 0, target, offset, value.length);
    }
}
