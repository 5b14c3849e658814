package org.medcard.simulator.center.fault;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults currently injected into one center. Thread-safe: the control API sets faults while the
 * request threads consume them. Counted faults ({@code count > 0}) are used up one request at a time
 * and then disappear. A listener is told when {@link FaultKind#DOWN} starts or ends, so the center can
 * close or reopen its API listener.
 */
public final class FaultInjector {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);

    private final Map<FaultKind, Fault> active = new EnumMap<>(FaultKind.class);
    private final Map<FaultKind, Integer> remaining = new EnumMap<>(FaultKind.class);
    private Consumer<Boolean> downListener = down -> { };

    /** Called with {@code true} when DOWN is set, {@code false} when it is cleared. */
    public synchronized void onDownChanged(Consumer<Boolean> listener) {
        this.downListener = listener;
    }

    public void set(Fault fault) {
        boolean wentDown;
        Consumer<Boolean> listener;
        synchronized (this) {
            wentDown = fault.kind() == FaultKind.DOWN && !active.containsKey(FaultKind.DOWN);
            active.put(fault.kind(), fault);
            remaining.put(fault.kind(), fault.count());
            listener = downListener;
        }
        LOG.info("Fault injected: {}", fault);
        if (wentDown) {
            listener.accept(true);
        }
    }

    public void clear(FaultKind kind) {
        boolean cameUp;
        Consumer<Boolean> listener;
        synchronized (this) {
            cameUp = active.remove(kind) != null && kind == FaultKind.DOWN;
            remaining.remove(kind);
            listener = downListener;
        }
        LOG.info("Fault cleared: {}", kind);
        if (cameUp) {
            listener.accept(false);
        }
    }

    public void clearAll() {
        for (FaultKind kind : FaultKind.values()) {
            if (isActive(kind)) {
                clear(kind);
            }
        }
    }

    public synchronized boolean isActive(FaultKind kind) {
        return active.containsKey(kind);
    }

    /** The SLOW delay to apply now, if any. */
    public synchronized Optional<Long> slowMillis() {
        Fault slow = active.get(FaultKind.SLOW);
        return slow == null ? Optional.empty() : Optional.of(slow.millis());
    }

    /** Whether the fault applies to this request; a counted fault uses up one of its requests. */
    public synchronized boolean consume(FaultKind kind) {
        Fault f = active.get(kind);
        if (f == null) {
            return false;
        }
        if (f.counted()) {
            int left = remaining.getOrDefault(kind, 0) - 1;
            if (left <= 0) {
                active.remove(kind);
                remaining.remove(kind);
            } else {
                remaining.put(kind, left);
            }
        }
        return true;
    }

    /** The active faults, with the requests left for counted ones. */
    public synchronized List<ActiveFault> snapshot() {
        List<ActiveFault> out = new ArrayList<>();
        for (Fault f : active.values()) {
            out.add(new ActiveFault(f, f.counted() ? remaining.get(f.kind()) : null));
        }
        return out;
    }

    /** A fault as reported by the control API. */
    public record ActiveFault(Fault fault, Integer remaining) {
    }
}
