package org.medcard.terminal.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last reported state of each part (reader, PSAM, card, center) for the status bar and {@code --json}, and
 * tells whoever listens ({@link #onChange}) after each report. The center counts as OK only while the terminal is
 * signed in: an answer to a query before the sign-in (or after the sign-out) does not turn its tag green.
 *
 * <p>Reports come on the reader's worker thread, the reader-watch thread, the forwarder's and the scheduler's
 * threads; {@link #state} may be read from any thread.
 */
public final class PartStates implements PartListener {
    private static final Logger LOG = LoggerFactory.getLogger(PartStates.class);

    private final BooleanSupplier signedIn;
    private final List<Runnable> changes = new CopyOnWriteArrayList<>();
    private volatile PartState reader = PartState.none("not used yet");
    private volatile PartState psam = PartState.none("not opened yet");
    private volatile PartState card = PartState.none("no card");
    private volatile PartState center = PartState.none("not contacted yet");

    /** @param signedIn whether the terminal holds a sign-in now (the center's OK counts only then) */
    public PartStates(BooleanSupplier signedIn) {
        this.signedIn = signedIn;
    }

    @Override
    public void ok(Part part, String reason) {
        if (part == Part.CENTER && !signedIn.getAsBoolean()) {
            return;
        }
        set(part, PartState.ok(reason));
    }

    @Override
    public void fault(Part part, String reason) {
        set(part, PartState.fault(reason));
    }

    @Override
    public void none(Part part, String reason) {
        set(part, PartState.none(reason));
    }

    /** The last state reported for {@code part}. */
    public PartState of(Part part) {
        return switch (part) {
            case READER -> reader;
            case PSAM -> psam;
            case CARD -> card;
            case CENTER -> center;
        };
    }

    /** A snapshot of all four parts. */
    public TerminalState state(boolean trainingMode) {
        return new TerminalState(reader, psam, card, center, trainingMode);
    }

    /**
     * {@code listener} runs, on the thread that reported, after a part's state changed; it must hand real work to its
     * own thread. Closing the returned handle stops it.
     */
    public AutoCloseable onChange(Runnable listener) {
        changes.add(listener);
        return () -> changes.remove(listener);
    }

    /** Tells the listeners without a new state (a reader event that changed nothing the bar shows still refreshes it). */
    public void changed() {
        for (Runnable r : changes) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("A part-change listener failed: {}", e.toString());
            }
        }
    }

    private void set(Part part, PartState state) {
        switch (part) {
            case READER -> reader = state;
            case PSAM -> psam = state;
            case CARD -> card = state;
            case CENTER -> center = state;
        }
        changed();
    }
}
