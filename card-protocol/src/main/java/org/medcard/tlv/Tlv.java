package org.medcard.tlv;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One BER-TLV data object: its tag (the tag bytes read as a big-endian number, e.g. {@code 0x9F08}) and
 * its value bytes. Whether it is constructed follows from the tag (bit 6 of the first tag byte); the
 * children of a constructed object are parsed on demand from the value.
 *
 * @param tag   one to three tag bytes as a number, {@code 0x01..0xFFFFFF}
 * @param value the value bytes (copied in and out)
 */
public record Tlv(int tag, byte[] value) {

    /** The longest value we accept or write: three length bytes ({@code 83 xx xx xx}). */
    public static final int MAX_LENGTH = 0xFF_FFFF;

    public Tlv {
        if (!isWellFormedTag(tag)) {
            throw new IllegalArgumentException(String.format("not a BER tag: %X", tag));
        }
        if (value == null) {
            throw new IllegalArgumentException("value missing for tag " + Integer.toHexString(tag));
        }
        value = value.clone();
    }

    /** A constructed object whose value is the encoding of {@code children}. */
    public static Tlv constructed(int tag, Tlv... children) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Tlv child : children) {
            out.writeBytes(child.encode());
        }
        return new Tlv(tag, out.toByteArray());
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    /** Bit 6 of the first tag byte: the value is itself a list of TLVs. */
    public boolean isConstructed() {
        return (firstTagByte() & 0x20) != 0;
    }

    /** The nested objects of a constructed tag; an empty list for a primitive tag. */
    public List<Tlv> children() {
        return isConstructed() ? TlvParser.parse(value) : List.of();
    }

    /** The first object with {@code tag} among the children of this one, searching depth-first. */
    public Optional<Tlv> find(int wanted) {
        return find(children(), wanted);
    }

    /** The first object with {@code tag} in {@code list}, or nested in one of its constructed objects. */
    public static Optional<Tlv> find(List<Tlv> list, int wanted) {
        for (Tlv t : list) {
            if (t.tag == wanted) {
                return Optional.of(t);
            }
            Optional<Tlv> inner = t.find(wanted);
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }

    /** The BER encoding: tag bytes, definite length (short form or 81/82/83), value. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 8);
        out.writeBytes(tagBytes());
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n <= 0xFF) {
            out.write(0x81);
            out.write(n);
        } else if (n <= 0xFFFF) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else if (n <= MAX_LENGTH) {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        } else {
            throw new IllegalArgumentException("value longer than " + MAX_LENGTH + " bytes");
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private byte[] tagBytes() {
        if (tag > 0xFFFF) {
            return new byte[] {(byte) (tag >> 16), (byte) (tag >> 8), (byte) tag};
        }
        if (tag > 0xFF) {
            return new byte[] {(byte) (tag >> 8), (byte) tag};
        }
        return new byte[] {(byte) tag};
    }

    /**
     * Whether {@code tag} is a tag the parser could have produced: one byte whose low five bits are not all
     * set, or a first byte with {@code 11111} followed by bytes with bit 8 set except the last.
     */
    static boolean isWellFormedTag(int tag) {
        if (tag <= 0 || tag > 0xFF_FFFF) {
            return false;
        }
        if (tag <= 0xFF) {
            return (tag & 0x1F) != 0x1F;
        }
        int bytes = tag > 0xFFFF ? 3 : 2;
        int first = tag >> (8 * (bytes - 1));
        if ((first & 0x1F) != 0x1F) {
            return false;
        }
        for (int i = bytes - 2; i >= 0; i--) {
            int b = (tag >> (8 * i)) & 0xFF;
            boolean last = i == 0;
            if (((b & 0x80) != 0) == last) {
                return false;
            }
        }
        return true;
    }

    private int firstTagByte() {
        return tagBytes()[0] & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    /** Tag and length only: values may be ID numbers or names. */
    @Override
    public String toString() {
        return String.format("Tlv[%X, %d bytes]", tag, value.length);
    }
}
