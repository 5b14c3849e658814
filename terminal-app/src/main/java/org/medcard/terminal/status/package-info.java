/**
 * Card status decisions per the business rules' status table (R4, R5, R7, R8, R9): which source wins,
 * what the card may pay for, and the message key of each refusal. Pure logic, tested without devices. Also the
 * parts' states: {@link org.medcard.terminal.status.PartListener} (where the reader, PSAM, card and center report),
 * {@link org.medcard.terminal.status.PartState} and the snapshot {@link org.medcard.terminal.status.TerminalState}, kept
 * by {@link org.medcard.terminal.status.PartStates} (the center's OK counts only while signed in).
 */
package org.medcard.terminal.status;
