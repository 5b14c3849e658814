package org.medcard.card;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of SELECT: the application's state and, for a usable or blocked application, its FCI.
 */
public record SelectResult(ApplicationState state, Optional<Fci> fci) {

    public SelectResult {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(fci, "fci");
        if (state == ApplicationState.USABLE && fci.isEmpty()) {
            throw new IllegalArgumentException("a usable application has an FCI");
        }
        if ((state == ApplicationState.LOCKED || state == ApplicationState.NOT_FOUND) && fci.isPresent()) {
            throw new IllegalArgumentException(state + " comes without an FCI");
        }
    }

    public boolean isUsable() {
        return state == ApplicationState.USABLE;
    }
}
