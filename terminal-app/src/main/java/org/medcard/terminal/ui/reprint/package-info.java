/**
 * The reprint screen (issue 15): today's receipts, search by settlement or entry number, reprint marked 重印
 * REPRINT to the printer and/or a PDF. F11 at the counter opens it. Renders {@code present.reprint}'s model.
 */
package org.medcard.terminal.ui.reprint;
