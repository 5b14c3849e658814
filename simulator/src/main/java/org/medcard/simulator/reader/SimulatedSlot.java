package org.medcard.simulator.reader;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One slot of a simulated reader (slot 0 the insured person's card, slot 1 the PSAM), with the faults a
 * technician or a test can inject: card removed, card mute, reader unplugged, slow answers, corrupted
 * answers. A tear is injected in the card itself; when it fires, the slot loses the card as if pulled.
 *
 * <p>Thread-safe: a reader thread transmits while a console or test thread inserts, removes and injects.
 */
public final class SimulatedSlot {

    private final int number;
    private final String name;
    private final List<SlotListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger corruptNext = new AtomicInteger();
    private volatile SimulatedCard card;
    private volatile boolean mute;
    private volatile boolean unplugged;
    private volatile long delayMillis;

    public SimulatedSlot(int number, String name) {
        this.number = number;
        this.name = name;
    }

    public int number() {
        return number;
    }

    public String name() {
        return name;
    }

    public void addListener(SlotListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SlotListener listener) {
        listeners.remove(listener);
    }

    /** Inserts a card (replacing any card already there, which is removed first). */
    public void insert(SimulatedCard newCard) {
        remove();
        newCard.reset();
        card = newCard;
        listeners.forEach(l -> l.cardInserted(this));
    }

    /** Removes the card, if any, and returns it. */
    public Optional<SimulatedCard> remove() {
        SimulatedCard old;
        synchronized (this) {
            old = card;
            card = null;
        }
        if (old != null) {
            listeners.forEach(l -> l.cardRemoved(this));
        }
        return Optional.ofNullable(old);
    }

    public Optional<SimulatedCard> card() {
        return Optional.ofNullable(card);
    }

    public boolean isCardPresent() {
        return !unplugged && card != null;
    }

    /** Powers the card up (or resets it) and returns its ATR. */
    public byte[] powerOn() {
        SimulatedCard c = reachableCard();
        c.reset();
        return c.atr();
    }

    /** Powers the card down: it forgets its session state. */
    public void powerOff() {
        SimulatedCard c = card;
        if (c != null) {
            c.reset();
        }
    }

    /**
     * Sends one command to the card.
     *
     * @throws SlotFault when the reader is unplugged, there is no card, the card is mute, or the card was torn out
     */
    public byte[] transmit(byte[] command) {
        SimulatedCard c = reachableCard();
        long start = System.nanoTime();
        sleep(delayMillis);
        byte[] response;
        try {
            response = c.process(command);
        } catch (CardTornException torn) {
            remove();
            throw new SlotFault(SlotFault.Kind.NO_CARD, "card torn out of " + name + ": " + torn.getMessage());
        }
        if (corruptNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            response = corrupt(response);
        }
        long nanos = System.nanoTime() - start;
        byte[] delivered = response;
        listeners.forEach(l -> l.exchanged(this, command, delivered, nanos));
        return response;
    }

    /** The card stops answering (or answers again). */
    public void setMute(boolean mute) {
        this.mute = mute;
    }

    /** Unplugs (or plugs back) the reader this slot belongs to. */
    public void setUnplugged(boolean unplugged) {
        this.unplugged = unplugged;
    }

    public boolean isUnplugged() {
        return unplugged;
    }

    /** Every answer waits this long first. */
    public void setDelayMillis(long delayMillis) {
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay must not be negative: " + delayMillis);
        }
        this.delayMillis = delayMillis;
    }

    /** The next {@code count} answers are corrupted: their last byte (SW2) has its bits flipped and one data byte is dropped. */
    public void corruptNextAnswers(int count) {
        corruptNext.set(count);
    }

    private SimulatedCard reachableCard() {
        if (unplugged) {
            throw new SlotFault(SlotFault.Kind.READER_UNPLUGGED, "reader of " + name + " is unplugged");
        }
        SimulatedCard c = card;
        if (c == null) {
            throw new SlotFault(SlotFault.Kind.NO_CARD, "no card in " + name);
        }
        if (mute) {
            throw new SlotFault(SlotFault.Kind.MUTE, "card in " + name + " does not answer");
        }
        return c;
    }

    private static byte[] corrupt(byte[] response) {
        byte[] out = response.length > 2 ? java.util.Arrays.copyOfRange(response, 1, response.length) : response.clone();
        out[out.length - 1] ^= (byte) 0xFF;
        return out;
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        SimulatedCard c = card;
        return name + ": " + (unplugged ? "unplugged" : c == null ? "empty" : c.describe() + (mute ? " (mute)" : ""));
    }
}
