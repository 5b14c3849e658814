package org.medcard.terminal.operator;

/** What an operator may do. A supervisor may do everything a cashier may; a technician configures devices. */
public enum Role {
    CASHIER,
    SUPERVISOR,
    TECHNICIAN;

    /** Whether this role may perform an action that needs {@code needed}. */
    public boolean covers(Role needed) {
        return this == needed || (this == SUPERVISOR && needed == CASHIER);
    }
}
