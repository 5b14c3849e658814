package org.medcard.terminal.present.supervisor;

/**
 * One journalled receipt in the reprint list, in the screen's language.
 *
 * @param id        the receipt number ({@code medcard receipt reprint ID})
 * @param time      when it was issued ({@code yyyy-MM-dd HH:mm:ss})
 * @param kind      what it is ("Sale receipt", "销售收据")
 * @param amount    the amount it is about in yuan, or empty for reports
 * @param card      the card number masked, or empty
 * @param number    its settlement number, or its re-settlement entry number, or empty
 * @param reprints  how often it was reprinted ("" when never)
 */
public record ReceiptRow(long id, String time, String kind, String amount, String card, String number, String reprints) {
}
