package org.medcard.terminal.present.outcome;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.medcard.terminal.receipt.ReceiptDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slip of one desk screen (registration, re-settlement, void): what the three models shared word for word. It
 * holds the desk's {@link OutcomeSlip} once the desktop wires one (none in a model built without it) and the desk's
 * own "no slip yet" line, and answers F7/F8 ({@link SlipKeys}) with a copy or that line. The model keeps only its
 * worker and busy wiring: a copy goes to the worker when {@link #ready()}, the "none" line is shown at once.
 *
 * <p>Threads: {@link #keep} before the screen is used; {@link #replace} and {@link #copy(boolean)} on the worker;
 * {@link #copy(boolean, Consumer, Consumer)} on the UI thread; {@link #ready()} on any thread.
 */
public final class DeskSlip {

    private static final Logger LOG = LoggerFactory.getLogger(DeskSlip.class);

    private final String none;
    private volatile OutcomeSlip slip;

    /** @param noneLine what the desk says to F7/F8 before its first outcome with a document (in its own words) */
    public DeskSlip(String noneLine) {
        this.none = noneLine;
    }

    /** Wires the one receipt desk's slip ({@code null}: none, F7/F8 say {@code noneLine}). */
    public DeskSlip keep(OutcomeSlip outcomeSlip) {
        this.slip = outcomeSlip;
        return this;
    }

    /** Whether a slip is wired at all (a model without one journals its documents another way). */
    public boolean wired() {
        return slip != null;
    }

    /** Whether the last outcome left a document to print or save. */
    public boolean ready() {
        OutcomeSlip s = slip;
        return s != null && s.ready();
    }

    /** Forgets the last outcome's slip, so a refusal that follows never leaves the previous patient's to print. */
    public void forget() {
        OutcomeSlip s = slip;
        if (s != null) {
            s.forget();
        }
    }

    /**
     * On the worker, when an outcome ends: forgets the previous slip, then journals and keeps the outcome's document
     * (none for a refusal). A document that cannot be composed is logged: the outcome stands, only its slip is
     * missing.
     *
     * @return false when no slip is wired (nothing was composed or journalled)
     */
    public boolean replace(Supplier<Optional<ReceiptDocument>> document) {
        OutcomeSlip s = slip;
        if (s == null) {
            return false;
        }
        s.forget();
        try {
            s.issue(document.get());
        } catch (RuntimeException e) {
            LOG.error("The outcome's document could not be composed: {}", e.getMessage(), e);
        }
        return true;
    }

    /** F7 ({@code print}) or F8: the copy's line, or the desk's "no slip yet" line. Makes the copy on the worker. */
    public OutcomeSlip.Copy copy(boolean print) {
        OutcomeSlip s = slip;
        if (s == null || !s.ready()) {
            return new OutcomeSlip.Copy(none, true);
        }
        return s.copy(print);
    }

    /**
     * F7/F8 on the UI thread: with nothing to copy, the desk's "none" line goes to {@code show} at once; otherwise
     * {@code onWorker} is handed the copy to make on the desk's worker (with its busy marks) and to show.
     */
    public void copy(boolean print, Consumer<OutcomeSlip.Copy> show, Consumer<Supplier<OutcomeSlip.Copy>> onWorker) {
        if (!ready()) {
            show.accept(new OutcomeSlip.Copy(none, true));
            return;
        }
        onWorker.accept(() -> copy(print));
    }
}
