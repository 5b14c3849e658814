/**
 * Presentation models of the supervisor's screens: void a settlement (2103) with the supervisor's own
 * confirmation, close the day with the center's reconciliation, manage operators (add, disable, unlock, reset
 * password) and change the settings written to the configuration file (validated by the terminal's
 * ConfigLoader, each change audited). Only a SUPERVISOR may use them — except the reprint screen's
 * {@code ReprintModel} (issue 15, every operator: today's receipts, search, a REPRINT copy through the one receipt
 * desk; kept here, beside the day-close report it shares {@code ReceiptCopies} and {@code SheetLines} with, so no
 * new package joins the frozen package cycles). No toolkit and no device library here: a
 * view interface renders and answers questions, an {@code Executor worker} does the I/O, an {@code Executor ui}
 * runs the callbacks.
 */
package org.medcard.terminal.present.supervisor;
