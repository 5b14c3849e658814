/**
 * Receipts at the counter: the one facade ({@link org.medcard.terminal.receipt.desk.ReceiptDesk}) that the CLI
 * and the desktop app call after every outcome. It writes each document to the receipt journal in
 * {@code terminal.db} before any paper comes out, renders it (PDF on the configured paper), saves or prints it
 * (operating-system printer or ESC/POS), and reprints any journalled receipt marked "重印 REPRINT".
 * It knows documents only: each outcome's document is assembled next to the outcome it comes from
 * ({@code sale.SaleDocuments}, {@code registration.VisitDocuments}, {@code resettle.ResettleDocuments},
 * {@code voids.VoidDocuments}, {@code DayClose.Result.toReport}) and handed here by the caller.
 */
package org.medcard.terminal.receipt.desk;
