/**
 * Presentation models of the reprint screen (issue 15): today's receipts from the terminal's one receipt journal
 * (the {@code ReceiptDesk} that {@code medcard receipt list/reprint} uses), searched by entry or settlement number,
 * reprinted marked 重印 REPRINT to the printer and/or a PDF; and {@link org.medcard.terminal.present.reprint.SheetLines},
 * a receipt's sheet as lines of text for the screen (the day-close report on screen). No toolkit here.
 */
package org.medcard.terminal.present.reprint;
