package org.medcard.terminal.status;

import java.util.Objects;

/**
 * How one part of the terminal is doing (reader, PSAM, card, center): OK or FAULT with a reason the
 * cashier can read. Business rule R11 wants the terminal to always know which fault it is in.
 */
public record PartState(Health health, String reason) {

    /** OK, FAULT, or NONE when the part is not in use (no card in the slot, center switched off). */
    public enum Health { OK, FAULT, NONE }

    public PartState {
        Objects.requireNonNull(health, "health");
        reason = reason == null ? "" : reason;
    }

    public static PartState ok(String reason) {
        return new PartState(Health.OK, reason);
    }

    public static PartState fault(String reason) {
        return new PartState(Health.FAULT, reason);
    }

    public static PartState none(String reason) {
        return new PartState(Health.NONE, reason);
    }

    public boolean isOk() {
        return health == Health.OK;
    }
}
