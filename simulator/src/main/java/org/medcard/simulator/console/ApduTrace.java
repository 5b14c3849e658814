package org.medcard.simulator.console;

import java.io.PrintWriter;
import org.medcard.apdu.Hex;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotListener;

/**
 * A live trace of every exchange in a slot, one line each. The PIN of VERIFY is replaced by stars, and the
 * answers to READ BINARY (card number, ID number, name) are shown as a length only; everything else in the
 * purse protocol is session-bound MACs and counters, safe to show.
 */
public final class ApduTrace implements SlotListener {

    private final PrintWriter out;

    public ApduTrace(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void cardInserted(SimulatedSlot slot) {
        line(slot.name() + ": inserted " + slot.card().map(c -> c.describe()).orElse("?"));
    }

    @Override
    public void cardRemoved(SimulatedSlot slot) {
        line(slot.name() + ": removed");
    }

    @Override
    public void exchanged(SimulatedSlot slot, byte[] command, byte[] response, long nanos) {
        line(String.format(java.util.Locale.ROOT, "%s: > %s%n%s: < %s  (%.1f ms)", slot.name(), maskCommand(command), slot.name(),
                maskResponse(command, response), nanos / 1e6));
    }

    static String maskCommand(byte[] c) {
        if (c.length > 5 && (c[0] & 0xFF) == 0x00 && (c[1] & 0xFF) == 0x20) {
            return Hex.of(c, 0, 5) + " " + "*".repeat(2 * (c.length - 5));
        }
        return Hex.of(c);
    }

    static String maskResponse(byte[] c, byte[] r) {
        boolean readBinary = c.length >= 2 && (c[0] & 0xFF) == 0x00 && (c[1] & 0xFF) == 0xB0;
        if (readBinary && r.length > 2) {
            return "<" + (r.length - 2) + " bytes of personal data hidden> " + Hex.of(r, r.length - 2, r.length);
        }
        return Hex.of(r);
    }

    private void line(String text) {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
