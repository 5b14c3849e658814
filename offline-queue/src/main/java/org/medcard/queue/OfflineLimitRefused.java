package org.medcard.queue;

/** Thrown when an offline sale is begun past an R11 limit: the sale falls to cash and re-settlement. */
public final class OfflineLimitRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient LimitDecision decision;

    public OfflineLimitRefused(LimitDecision decision) {
        super("R11 offline limit: " + decision.message());
        this.decision = decision;
    }

    public LimitDecision decision() {
        return decision;
    }
}
