package org.medcard.simulator.reader.inprocess;

import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import org.medcard.simulator.reader.SimulatedCard;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotFault;

/**
 * A connection to the card in a simulated slot. It stays bound to the card object it was opened on: once
 * that card leaves the slot (removed, swapped, torn out) every transmit fails with {@code SCARD_W_REMOVED_CARD}
 * even if another card has been inserted since, as with a real PC/SC handle.
 */
final class SimulatedSmartCard extends Card {

    private final SimulatedCardTerminal terminal;
    private final SimulatedCard card;
    private final ATR atr;
    private final SimulatedCardChannel basic;
    private volatile boolean disconnected;
    private Thread exclusiveOwner;

    SimulatedSmartCard(SimulatedCardTerminal terminal, SimulatedCard card, byte[] atr) {
        this.terminal = terminal;
        this.card = card;
        this.atr = new ATR(atr);
        this.basic = new SimulatedCardChannel(this);
    }

    boolean isConnectedTo(SimulatedCard c) {
        return !disconnected && card == c && terminal.slot().card().orElse(null) == c;
    }

    @Override
    public ATR getATR() {
        return atr;
    }

    @Override
    public String getProtocol() {
        return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basic;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkConnected();
        throw new CardException("openLogicalChannel() failed: the medical-insurance card has no logical channels");
    }

    @Override
    public synchronized void beginExclusive() throws CardException {
        checkConnected();
        if (exclusiveOwner != null && exclusiveOwner != Thread.currentThread()) {
            throw new CardException("beginExclusive() failed: SCARD_E_SHARING_VIOLATION");
        }
        exclusiveOwner = Thread.currentThread();
    }

    @Override
    public synchronized void endExclusive() throws CardException {
        checkConnected();
        if (exclusiveOwner != Thread.currentThread()) {
            throw new IllegalStateException("exclusive access not held by this thread");
        }
        exclusiveOwner = null;
    }

    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkConnected();
        throw new CardException("transmitControlCommand() failed: the simulated reader has no control commands");
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        if (disconnected) {
            return;
        }
        disconnected = true;
        if (reset && terminal.slot().card().orElse(null) == card) {
            terminal.slot().powerOff();
        }
    }

    /** Sends one APDU through the slot, mapping slot faults to PC/SC errors. */
    byte[] transmit(byte[] command) throws CardException {
        checkConnected();
        SimulatedSlot slot = terminal.slot();
        if (!slot.isUnplugged() && slot.card().orElse(null) != card) {
            throw PcscErrors.of("transmit()", PcscErrors.REMOVED_CARD, "the card connected on " + terminal.getName() + " was removed");
        }
        Thread owner = exclusiveOwner;
        if (owner != null && owner != Thread.currentThread()) {
            throw new CardException("transmit() failed: SCARD_E_SHARING_VIOLATION (exclusive access held by another thread)");
        }
        try {
            return slot.transmit(command);
        } catch (SlotFault fault) {
            throw PcscErrors.of("transmit()", fault);
        }
    }

    void checkConnected() {
        if (disconnected) {
            throw new IllegalStateException("Card has been disconnected");
        }
    }

    @Override
    public String toString() {
        return "SimulatedSmartCard[" + terminal.getName() + ", " + card.describe() + "]";
    }
}
