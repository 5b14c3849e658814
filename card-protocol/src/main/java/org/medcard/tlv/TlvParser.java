package org.medcard.tlv;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a sequence of BER-TLV objects (ISO/IEC 7816-4 and 8825-1, definite lengths only).
 *
 * <p>Accepted: tags of one to three bytes ({@code xF} low bits {@code 11111} start a multi-byte tag;
 * bit 8 of each following byte says another follows), lengths in short form or {@code 81}/{@code 82}/
 * {@code 83}, and {@code 00} padding after the last object (SFI 02 is padded to its file size). Everything
 * else is rejected with a {@link TlvException}: a tag or length cut short, a value running past the data,
 * the indefinite length {@code 80} (never used by cards, and it would need an end-of-contents scan), and
 * lengths of four or more bytes (values above {@code 0xFFFFFF} cannot be in a card answer). Every bound
 * is checked before the array is touched, so hostile input cannot raise an index exception.
 */
public final class TlvParser {

    private TlvParser() {
    }

    /** Parses {@code data} into its top-level objects; constructed values are parsed by {@link Tlv#children()}. */
    public static List<Tlv> parse(byte[] data) {
        List<Tlv> out = new ArrayList<>();
        int pos = 0;
        while (pos < data.length) {
            if (data[pos] == 0x00) {
                requirePaddingOnly(data, pos);
                break;
            }
            int tagStart = pos;
            int tag = data[pos++] & 0xFF;
            if ((tag & 0x1F) == 0x1F) {
                int more = 0;
                int b;
                do {
                    if (pos >= data.length) {
                        throw new TlvException("tag truncated", tagStart);
                    }
                    if (++more > 2) {
                        throw new TlvException("tag longer than three bytes", tagStart);
                    }
                    b = data[pos++] & 0xFF;
                    tag = (tag << 8) | b;
                } while ((b & 0x80) != 0);
            }
            if (pos >= data.length) {
                throw new TlvException(String.format("length missing after tag %X", tag), pos);
            }
            int lengthStart = pos;
            int first = data[pos++] & 0xFF;
            int length;
            if (first < 0x80) {
                length = first;
            } else if (first == 0x80) {
                throw new TlvException(String.format("indefinite length for tag %X", tag), lengthStart);
            } else {
                int count = first & 0x7F;
                if (count > 3) {
                    throw new TlvException(String.format("length of tag %X has %d bytes, more than 3", tag, count), lengthStart);
                }
                if (data.length - pos < count) {
                    throw new TlvException(String.format("length of tag %X truncated", tag), lengthStart);
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (data[pos++] & 0xFF);
                }
            }
            if (length > data.length - pos) {
                throw new TlvException(String.format("value of tag %X is %d bytes but only %d remain", tag, length,
                        data.length - pos), lengthStart);
            }
            byte[] value = new byte[length];
            System.arraycopy(data, pos, value, 0, length);
            pos += length;
            out.add(new Tlv(tag, value));
        }
        return out;
    }

    /** Parses {@code data} and validates every constructed object's children too (eager, whole tree). */
    public static List<Tlv> parseDeep(byte[] data) {
        List<Tlv> top = parse(data);
        for (Tlv t : top) {
            validateChildren(t);
        }
        return top;
    }

    private static void validateChildren(Tlv t) {
        for (Tlv c : t.children()) {
            validateChildren(c);
        }
    }

    private static void requirePaddingOnly(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] != 0x00) {
                throw new TlvException("data after the 00 padding", i);
            }
        }
    }
}
