/**
 * Receipts and reports: the paper every settlement leaves (issue 8).
 *
 * <p>Each document is a record holding its data in the host protocol's vocabulary ({@code setl_id},
 * {@code fund_pay}, {@code acct_pay}, {@code cash_pay}, the card's TAC, {@code entry_no} …); the terminal core
 * fills them from the journal, so a document can be reproduced (reprinted) from its data alone.
 * {@link org.medcard.terminal.receipt.ReceiptDocument#toSheet()} composes the neutral
 * {@link org.medcard.terminal.receipt.sheet.Sheet}: ID and card numbers are masked there, once, so no output
 * can show them in full. Money is integer fen, shown as yuan with two decimals.
 *
 * <p>Outputs: {@code pdf} (80 mm roll and A4, CJK fonts), {@code escpos} (thermal printers, GB18030),
 * {@code print} (the operating system's printers).
 */
package org.medcard.terminal.receipt;
