package org.medcard.simulator.reader.inprocess;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.medcard.simulator.reader.SimulatedCard;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotFault;

/**
 * One slot of a simulated reader as a {@code CardTerminal}. {@code connect} powers the card up (T=1 only,
 * like the virtual cards' ATR says) and, as PC/SC in shared mode, hands back the same {@link Card} while it
 * is still connected to the same card.
 */
final class SimulatedCardTerminal extends CardTerminal {

    private static final long POLL_MILLIS = 20;

    private final String name;
    private final SimulatedSlot slot;
    private SimulatedSmartCard connected;

    SimulatedCardTerminal(String name, SimulatedSlot slot) {
        this.name = name;
        this.slot = slot;
    }

    SimulatedSlot slot() {
        return slot;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public synchronized Card connect(String protocol) throws CardException {
        if (protocol == null) {
            throw new NullPointerException("protocol");
        }
        if (!protocol.equals("*") && !protocol.equals("T=1")) {
            throw PcscErrors.of("connect()", PcscErrors.PROTO_MISMATCH, name + " card speaks T=1 only, asked for " + protocol);
        }
        if (slot.isUnplugged()) {
            throw PcscErrors.of("connect()", PcscErrors.READER_UNAVAILABLE, name + " is unplugged");
        }
        SimulatedCard card = slot.card().orElseThrow(() -> PcscErrors.notPresent("connect()", name));
        if (connected != null && connected.isConnectedTo(card)) {
            return connected;
        }
        byte[] atr;
        try {
            atr = slot.powerOn();
        } catch (SlotFault fault) {
            if (fault.kind() == SlotFault.Kind.NO_CARD) {
                throw PcscErrors.notPresent("connect()", name);
            }
            throw PcscErrors.of("connect()", fault);
        }
        connected = new SimulatedSmartCard(this, card, atr);
        return connected;
    }

    @Override
    public boolean isCardPresent() throws CardException {
        if (slot.isUnplugged()) {
            throw PcscErrors.of("isCardPresent()", PcscErrors.READER_UNAVAILABLE, name + " is unplugged");
        }
        return slot.isCardPresent();
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return waitFor(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return waitFor(false, timeout);
    }

    private boolean waitFor(boolean present, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
        while (isCardPresent() != present) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardException("wait interrupted on " + name);
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "SimulatedCardTerminal[" + name + "]";
    }
}
