package org.medcard.simulator.profile;

/** How a bound family member relates to the employee (R3, host 1101 {@code family.relation}). */
public enum Relation {
    SPOUSE, CHILD, PARENT
}
