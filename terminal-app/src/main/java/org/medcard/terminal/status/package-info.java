/**
 * Card status decisions per the business rules' status table (R4, R5, R7, R8, R9): which source wins,
 * what the card may pay for, and the message key of each refusal. Pure logic, tested without devices.
 */
package org.medcard.terminal.status;
