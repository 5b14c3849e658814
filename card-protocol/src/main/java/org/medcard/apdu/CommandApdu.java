package org.medcard.apdu;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A short command APDU (ISO 7816-4 case 1 to 4, no extended lengths: the card spec uses none).
 *
 * @param le expected length: {@code -1} for none, {@code 0..256} otherwise (256 is encoded as {@code 00})
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int le) {

    public static final int NO_LE = -1;

    public CommandApdu {
        checkByte("CLA", cla);
        checkByte("INS", ins);
        checkByte("P1", p1);
        checkByte("P2", p2);
        data = data == null ? new byte[0] : data.clone();
        if (data.length > 255) {
            throw new IllegalArgumentException("command data longer than 255 bytes: " + data.length);
        }
        if (le < NO_LE || le > 256) {
            throw new IllegalArgumentException("Le out of range: " + le);
        }
    }

    public CommandApdu(int cla, int ins, int p1, int p2) {
        this(cla, ins, p1, p2, new byte[0], NO_LE);
    }

    public CommandApdu(int cla, int ins, int p1, int p2, byte[] data) {
        this(cla, ins, p1, p2, data, NO_LE);
    }

    public CommandApdu(int cla, int ins, int p1, int p2, int le) {
        this(cla, ins, p1, p2, new byte[0], le);
    }

    /** Parses the bytes of a short APDU; rejects anything that is not exactly one of the four cases. */
    public static CommandApdu parse(byte[] apdu) {
        if (apdu.length < 4) {
            throw new IllegalArgumentException("APDU shorter than a header: " + apdu.length + " bytes");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        if (apdu.length == 4) {
            return new CommandApdu(cla, ins, p1, p2);
        }
        int len = apdu[4] & 0xFF;
        if (apdu.length == 5) {
            return new CommandApdu(cla, ins, p1, p2, new byte[0], len == 0 ? 256 : len);
        }
        if (len == 0) {
            throw new IllegalArgumentException("extended-length APDUs are not supported");
        }
        if (apdu.length == 5 + len) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + len), NO_LE);
        }
        if (apdu.length == 6 + len) {
            int le = apdu[5 + len] & 0xFF;
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + len), le == 0 ? 256 : le);
        }
        throw new IllegalArgumentException("APDU length " + apdu.length + " does not match Lc " + len);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int lc() {
        return data.length;
    }

    /** The same command with another Le (for a {@code 6CXX} resend). */
    public CommandApdu withLe(int newLe) {
        return new CommandApdu(cla, ins, p1, p2, data, newLe);
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(6 + data.length);
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (data.length > 0) {
            out.write(data.length);
            out.writeBytes(data);
        }
        if (le != NO_LE) {
            out.write(le == 256 ? 0 : le);
        }
        return out.toByteArray();
    }

    /** The four header bytes as hex, e.g. {@code 80500102}: enough to name a command in messages. */
    public String header() {
        return String.format("%02X%02X%02X%02X", cla, ins, p1, p2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandApdu c && Arrays.equals(bytes(), c.bytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes());
    }

    /** Prints header and lengths only: the data may hold a PIN or keys. Use {@link org.medcard.transport.ApduMasking} to show data. */
    @Override
    public String toString() {
        return "CommandApdu[" + header() + " Lc=" + data.length + (le == NO_LE ? "" : " Le=" + le) + "]";
    }

    private static void checkByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " is not a byte: " + value);
        }
    }
}
