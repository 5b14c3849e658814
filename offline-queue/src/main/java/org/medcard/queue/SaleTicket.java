package org.medcard.queue;

/**
 * The journal's answer to a sale intent: what the terminal must send to the card.
 *
 * @param saleId      the sale's id in the journal
 * @param terminalSeq the terminal transaction sequence to use in DEBIT FOR PURCHASE
 * @param txTime      the date and time to send to the card, {@code yyyy-MM-dd HH:mm:ss} local
 * @param intent      what was recorded
 */
public record SaleTicket(String saleId, long terminalSeq, String txTime, SaleIntent intent) {
}
