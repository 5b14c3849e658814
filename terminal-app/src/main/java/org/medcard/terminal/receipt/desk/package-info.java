/**
 * Receipts at the counter: the one facade ({@link org.medcard.terminal.receipt.desk.ReceiptDesk}) that the CLI
 * and the desktop app call after every outcome. It writes each document to the receipt journal in
 * {@code terminal.db} before any paper comes out, renders it (PDF on the configured paper), saves or prints it
 * (operating-system printer or ESC/POS), and reprints any journalled receipt marked "重印 REPRINT".
 * {@link org.medcard.terminal.receipt.desk.OutcomeReceipts} builds the documents of the outcomes whose desks do
 * not (registration slip, re-settlement, void, day close).
 */
package org.medcard.terminal.receipt.desk;
