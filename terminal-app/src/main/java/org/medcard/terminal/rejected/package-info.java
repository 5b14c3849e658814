/**
 * Messages the center rejected (issue 14): every one listed with its reason, what the terminal did about it (the
 * automatic {@code 2601} reversal of a settlement whose card debit the center refused, the refund load that returns
 * the money through {@code 8501} / CREDIT FOR LOAD when the card is next presented) and what a supervisor may still
 * do: resend it as a new message, reverse it, or mark it handled with a note. Every action is audited.
 */
package org.medcard.terminal.rejected;
