package org.medcard.simulator.card;

/** Whether the card application is blocked: SELECT answers 9000, 6283 (temporary, FCI still returned) or 9303 (permanent). */
public enum BlockState {
    NONE, TEMPORARY, PERMANENT
}
