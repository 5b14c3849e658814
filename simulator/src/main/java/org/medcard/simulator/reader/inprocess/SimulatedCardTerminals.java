package org.medcard.simulator.reader.inprocess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import org.medcard.simulator.reader.SimulatedReader;
import org.medcard.simulator.reader.SimulatedSlot;
import org.medcard.simulator.reader.SlotListener;

/**
 * The terminals of one factory: each simulated reader shows as two, "{@code <name> card slot 0}" and
 * "{@code <name> PSAM slot 1}". An unplugged reader is not listed, as PC/SC does not list it.
 *
 * <p>{@link #waitForChange(long)} follows the PC/SC provider: the first call returns at once when a card is
 * present; later calls wait until some terminal's presence differs from what the previous call saw, and
 * {@code list(CARD_INSERTION / CARD_REMOVAL)} report the difference. Slot listeners wake waiters on insert and
 * remove; a short poll catches unplugging, which has no event.
 */
final class SimulatedCardTerminals extends CardTerminals {

    private static final long POLL_MILLIS = 20;

    private final List<SimulatedCardTerminal> terminals = new ArrayList<>();
    private final Object monitor = new Object();
    private Map<SimulatedCardTerminal, Boolean> seen;
    private Set<SimulatedCardTerminal> inserted = Set.of();
    private Set<SimulatedCardTerminal> removed = Set.of();

    SimulatedCardTerminals(List<SimulatedReader> readers) {
        SlotListener wake = new SlotListener() {
            @Override
            public void cardInserted(SimulatedSlot slot) {
                wakeUp();
            }

            @Override
            public void cardRemoved(SimulatedSlot slot) {
                wakeUp();
            }
        };
        for (SimulatedReader r : readers) {
            terminals.add(new SimulatedCardTerminal(r.name() + " card slot 0", r.cardSlot()));
            terminals.add(new SimulatedCardTerminal(r.name() + " PSAM slot 1", r.psamSlot()));
            r.cardSlot().addListener(wake);
            r.psamSlot().addListener(wake);
        }
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
        if (state == null) {
            throw new NullPointerException("state");
        }
        List<CardTerminal> out = new ArrayList<>();
        synchronized (monitor) {
            for (SimulatedCardTerminal t : terminals) {
                if (t.slot().isUnplugged()) {
                    continue;
                }
                boolean include = switch (state) {
                    case ALL -> true;
                    case CARD_PRESENT -> t.slot().isCardPresent();
                    case CARD_ABSENT -> !t.slot().isCardPresent();
                    case CARD_INSERTION -> inserted.contains(t);
                    case CARD_REMOVAL -> removed.contains(t);
                };
                if (include) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
        synchronized (monitor) {
            if (seen == null) {
                seen = presence();
                inserted = new HashSet<>();
                seen.forEach((t, present) -> {
                    if (present) {
                        inserted.add(t);
                    }
                });
                removed = Set.of();
                if (!inserted.isEmpty()) {
                    return true;
                }
            }
            while (true) {
                Map<SimulatedCardTerminal, Boolean> now = presence();
                if (!now.equals(seen)) {
                    Set<SimulatedCardTerminal> in = new HashSet<>();
                    Set<SimulatedCardTerminal> out = new HashSet<>();
                    now.forEach((t, present) -> {
                        if (present && !seen.get(t)) {
                            in.add(t);
                        } else if (!present && seen.get(t)) {
                            out.add(t);
                        }
                    });
                    inserted = in;
                    removed = out;
                    seen = now;
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    monitor.wait(Math.max(1, Math.min(POLL_MILLIS, left / 1_000_000L)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CardException("waitForChange() interrupted");
                }
            }
        }
    }

    private Map<SimulatedCardTerminal, Boolean> presence() {
        Map<SimulatedCardTerminal, Boolean> m = new HashMap<>();
        for (SimulatedCardTerminal t : terminals) {
            m.put(t, t.slot().isCardPresent());
        }
        return m;
    }

    private void wakeUp() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    @Override
    public String toString() {
        return "SimulatedCardTerminals" + terminals;
    }
}
